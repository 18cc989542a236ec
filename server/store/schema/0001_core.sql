-- Engage schema, version 1: tenants, their keys, people, sessions, logs.
-- Portable SQL (SQLite and PostgreSQL): TEXT ids, BIGINT times in milliseconds
-- since the epoch (UTC), booleans as INTEGER 0/1. Two spellings differ and the
-- migrator's dialect step maps them for PostgreSQL: BLOB becomes BYTEA, and an
-- `INTEGER PRIMARY KEY` (SQLite's rowid alias) becomes a BIGINT identity.
-- Every tenant-owned row carries tenant_id NOT NULL. One statement per `;`.

CREATE TABLE tenants (
    id              TEXT PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    plan            TEXT NOT NULL,
    security_option INTEGER NOT NULL DEFAULT 0,
    locale          TEXT NOT NULL DEFAULT 'ja',
    created_at      BIGINT NOT NULL
);

-- Per-tenant data keys, wrapped by the master key. Destroying a tenant's keys
-- (crypto-shredding) makes its sealed data unreadable in every backup.
CREATE TABLE tenant_keys (
    tenant_id    TEXT NOT NULL REFERENCES tenants(id),
    version      INTEGER NOT NULL,
    wrapped_key  BLOB NOT NULL,
    created_at   BIGINT NOT NULL,
    destroyed_at BIGINT,
    PRIMARY KEY (tenant_id, version)
);

-- Administrators of a tenant. Names and e-mails are sealed (AES-256-GCM under
-- the tenant's data key); email_index is the keyed blind index for lookup.
CREATE TABLE people (
    id                   TEXT PRIMARY KEY,
    tenant_id            TEXT NOT NULL REFERENCES tenants(id),
    email_sealed         BLOB NOT NULL,
    email_index          TEXT NOT NULL,
    display_name_sealed  BLOB NOT NULL,
    key_version          INTEGER NOT NULL,
    role                 TEXT NOT NULL,
    status               TEXT NOT NULL,
    password_hash        TEXT NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL,
    last_sign_in_at      BIGINT,
    revision             INTEGER NOT NULL DEFAULT 1,
    deleted_at           BIGINT
);
CREATE UNIQUE INDEX people_email ON people (tenant_id, email_index);
-- Keyset pagination walks (created_at, id) within a tenant.
CREATE INDEX people_tenant ON people (tenant_id, created_at, id);

-- A refresh-token family: one per signed-in client (a window, a scheduled
-- export). Reuse of a rotated refresh token revokes the whole family.
CREATE TABLE session_families (
    id           TEXT PRIMARY KEY,
    tenant_id    TEXT NOT NULL REFERENCES tenants(id),
    person_id    TEXT NOT NULL REFERENCES people(id),
    created_at   BIGINT NOT NULL,
    revoked_at   BIGINT
);
CREATE INDEX session_families_person ON session_families (tenant_id, person_id);

-- Tokens are stored only as SHA-256 hashes.
CREATE TABLE session_tokens (
    token_hash  TEXT PRIMARY KEY,
    tenant_id   TEXT NOT NULL REFERENCES tenants(id),
    family_id   TEXT NOT NULL REFERENCES session_families(id),
    person_id   TEXT NOT NULL REFERENCES people(id),
    kind        TEXT NOT NULL,          -- 'access' or 'refresh'
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    rotated_at  BIGINT                  -- refresh tokens: when exchanged
);
CREATE INDEX session_tokens_family ON session_tokens (tenant_id, family_id);
CREATE INDEX session_tokens_expiry ON session_tokens (expires_at);

-- Creates that carried an Idempotency-Key, with the answer they got.
CREATE TABLE idempotency_keys (
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    person_id       TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash    TEXT NOT NULL,
    response_status INTEGER NOT NULL,
    response_body   BLOB NOT NULL,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, person_id, idempotency_key)
);

-- One row for every request, rejected ones included. tenant_id is empty
-- when no tenant is known (a failed sign-in, an unknown route).
CREATE TABLE access_log (
    seq         INTEGER PRIMARY KEY,
    tenant_id   TEXT NOT NULL,
    at          BIGINT NOT NULL,
    request_id  TEXT NOT NULL,
    person_id   TEXT,
    address     TEXT NOT NULL,
    method      TEXT NOT NULL,
    path        TEXT NOT NULL,
    status      INTEGER NOT NULL,
    latency_us  BIGINT NOT NULL,
    user_agent  TEXT NOT NULL
);
CREATE INDEX access_log_tenant ON access_log (tenant_id, at);

-- One row for every change, committed in the change's own transaction.
CREATE TABLE operation_log (
    seq         INTEGER PRIMARY KEY,
    tenant_id   TEXT NOT NULL,
    at          BIGINT NOT NULL,
    request_id  TEXT NOT NULL,
    actor_id    TEXT,
    target_type TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    action      TEXT NOT NULL,
    summary     TEXT NOT NULL
);
CREATE INDEX operation_log_tenant ON operation_log (tenant_id, at);

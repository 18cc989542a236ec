-- Engage schema, version 3: the organisation. Members (the employees who
-- answer surveys), the group tree, the tenant's own attributes, managers'
-- group scopes, and member imports. Same portable SQL as version 1.

-- Groups (departments) form a tree by parent_id. The id is stable for life:
-- renaming, recoding or moving a group changes its row, and every version is
-- kept in org_group_history, so results stay traceable to the group they had.
-- ("groups" is avoided: GROUPS is a keyword of window frames.)
CREATE TABLE org_groups (
    id          TEXT PRIMARY KEY,
    tenant_id   TEXT NOT NULL REFERENCES tenants(id),
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    parent_id   TEXT REFERENCES org_groups(id),
    revision    INTEGER NOT NULL DEFAULT 1,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    deleted_at  BIGINT
);
CREATE UNIQUE INDEX org_groups_code ON org_groups (tenant_id, code);
CREATE INDEX org_groups_parent ON org_groups (tenant_id, parent_id);

-- One row per version of a group, the first written when it is created.
CREATE TABLE org_group_history (
    seq         INTEGER PRIMARY KEY,
    tenant_id   TEXT NOT NULL REFERENCES tenants(id),
    group_id    TEXT NOT NULL REFERENCES org_groups(id),
    at          BIGINT NOT NULL,
    actor_id    TEXT,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    parent_id   TEXT,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX org_group_history_group ON org_group_history (tenant_id, group_id, seq);

-- Attributes the tenant defines for its members (location, union, ...).
-- choices: a JSON array of strings, for type 'choice' only.
CREATE TABLE member_attributes (
    id          TEXT PRIMARY KEY,
    tenant_id   TEXT NOT NULL REFERENCES tenants(id),
    name_ja     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    type        TEXT NOT NULL,
    choices     TEXT NOT NULL DEFAULT '[]',
    position    INTEGER NOT NULL,
    revision    INTEGER NOT NULL DEFAULT 1,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    deleted_at  BIGINT
);
CREATE INDEX member_attributes_tenant ON member_attributes (tenant_id, position);

-- Members. What identifies or describes a person is sealed under the tenant's
-- data key (associated data: tenant, "members", column, row id, key version):
-- employee code, e-mail, names, date of birth, memo. Code and e-mail are found
-- (and kept unique per tenant) through keyed blind indexes; a deleted member
-- gives its index values up ('deleted:<id>'). Work data (group, hire date,
-- employment type, grade, position, job category, attributes as a JSON object
-- of attribute id to value) stays in clear for filtering and aggregation.
CREATE TABLE members (
    id                  TEXT PRIMARY KEY,
    tenant_id           TEXT NOT NULL REFERENCES tenants(id),
    key_version         INTEGER NOT NULL,
    code_sealed         BLOB,
    code_index          TEXT,
    email_sealed        BLOB,
    email_index         TEXT,
    family_name_sealed  BLOB NOT NULL,
    given_name_sealed   BLOB NOT NULL,
    birth_date_sealed   BLOB,
    memo_sealed         BLOB,
    group_id            TEXT REFERENCES org_groups(id),
    attributes          TEXT NOT NULL DEFAULT '{}',
    hire_date           TEXT,
    employment_type     TEXT NOT NULL DEFAULT '',
    grade               TEXT NOT NULL DEFAULT '',
    position            TEXT NOT NULL DEFAULT '',
    job_category        TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL,
    deliver             INTEGER NOT NULL DEFAULT 1,
    revision            INTEGER NOT NULL DEFAULT 1,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    deleted_at          BIGINT
);
CREATE UNIQUE INDEX members_code ON members (tenant_id, code_index);
CREATE UNIQUE INDEX members_email ON members (tenant_id, email_index);
CREATE INDEX members_group ON members (tenant_id, group_id);
CREATE INDEX members_tenant ON members (tenant_id, created_at, id);

-- A per-tenant counter every member write bumps in its own transaction, so an
-- in-memory index (of this or another instance) knows when it is stale.
CREATE TABLE member_changes (
    tenant_id   TEXT PRIMARY KEY REFERENCES tenants(id),
    counter     BIGINT NOT NULL
);

-- The group subtrees a manager may see (People page of the client).
CREATE TABLE person_group_scopes (
    tenant_id   TEXT NOT NULL REFERENCES tenants(id),
    person_id   TEXT NOT NULL REFERENCES people(id),
    group_id    TEXT NOT NULL REFERENCES org_groups(id),
    PRIMARY KEY (tenant_id, person_id, group_id)
);

-- Uploaded member files, from upload to apply (and undo). The file itself is
-- a sealed temporary file in the data directory; undo_sealed holds what the
-- apply changed (the members' previous versions), sealed like the members.
CREATE TABLE member_imports (
    id            TEXT PRIMARY KEY,
    tenant_id     TEXT NOT NULL REFERENCES tenants(id),
    person_id     TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    format        TEXT NOT NULL,
    row_count     INTEGER NOT NULL,
    mapping       TEXT NOT NULL DEFAULT '[]',
    status        TEXT NOT NULL,
    key_version   INTEGER NOT NULL,
    undo_sealed   BLOB,
    created_at    BIGINT NOT NULL,
    applied_at    BIGINT,
    undone_at     BIGINT
);
CREATE INDEX member_imports_tenant ON member_imports (tenant_id, created_at);

-- The tenant's own column headers, mapped once and remembered. header is the
-- NFKC-normalised, trimmed, case-folded header text.
CREATE TABLE import_header_mappings (
    tenant_id   TEXT NOT NULL REFERENCES tenants(id),
    header      TEXT NOT NULL,
    target      TEXT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, header)
);

-- How long a deleted member (and its answers) is kept before it is purged.
ALTER TABLE tenants ADD COLUMN member_retention_days INTEGER NOT NULL DEFAULT 400;

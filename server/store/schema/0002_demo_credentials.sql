-- Engage schema, version 2: the generated passwords of the demo owners, so
-- that every start with --demo can print the same credentials again. Sealed
-- under the tenant's data key like any personal data, never kept in clear.
CREATE TABLE demo_credentials (
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    person_id       TEXT NOT NULL REFERENCES people(id),
    password_sealed BLOB NOT NULL,
    key_version     INTEGER NOT NULL,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, person_id)
);

-- Engage schema, version 6: retention of the access and operation logs
-- (issue 8). Rows are kept in the database indefinitely unless the tenant's
-- owner chooses to archive the older ones: they then move, oldest first, to
-- signed files under <data-dir>/log-archives/<tenant>/ (see
-- logs/logarchiver.h), each recorded here in the same transaction that
-- deletes its rows, so that no row leaves the database without a file that
-- still proves it. Same portable SQL as version 1.

-- NULL: keep every row in the database (the default). Otherwise rows older
-- than this many days (30-3650) are archived. The revision is the settings'
-- ETag; the defaults are revision 1.
ALTER TABLE tenants ADD COLUMN log_archive_after_days INTEGER;
ALTER TABLE tenants ADD COLUMN log_settings_revision INTEGER NOT NULL DEFAULT 1;

-- One archive file: the rows first_seq..last_seq of a tenant's log ('access'
-- or 'operation'), which follow prev_hash (the MAC of row first_seq - 1, or
-- the genesis value) and end at last_hash (the MAC of row last_seq): the
-- chain in the database goes on from the newest archive's last_hash.
-- file_sha256 is the hex SHA-256 of the whole file as written.
CREATE TABLE log_archives (
    id          TEXT PRIMARY KEY,
    tenant_id   TEXT NOT NULL REFERENCES tenants(id),
    log         TEXT NOT NULL,
    first_seq   BIGINT NOT NULL,
    last_seq    BIGINT NOT NULL,
    first_at    BIGINT NOT NULL,
    last_at     BIGINT NOT NULL,
    row_count   BIGINT NOT NULL,
    prev_hash   TEXT NOT NULL,
    last_hash   TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE UNIQUE INDEX log_archives_chain ON log_archives (tenant_id, log, first_seq);

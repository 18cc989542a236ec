-- Engage schema, version 4: logs you can trust (issue 8). Every access and
-- operation row gets its tenant's sequence number and a place in the tenant's
-- hash chain (prev_hash, mac: see store/logchain.h); server errors get a log
-- of their own. Same portable SQL as version 1.

-- The newest link of each chain (log: 'access', 'operation', 'error'). A
-- writer bumps `seq` first, which serialises the writers of one tenant's log
-- on SQLite and PostgreSQL alike, and sets `hash` to the MAC of the row it
-- wrote, in the same transaction. The error log is numbered here but not
-- chained: its hash stays the genesis value.
CREATE TABLE log_chain_heads (
    tenant_id   TEXT NOT NULL,
    log         TEXT NOT NULL,
    seq         BIGINT NOT NULL,
    hash        TEXT,
    PRIMARY KEY (tenant_id, log)
);

-- NULL mac: a row written before this version, sealed into its chain (from
-- the genesis value, in seq order) when the service starts.
ALTER TABLE access_log ADD COLUMN tenant_seq BIGINT;
ALTER TABLE access_log ADD COLUMN prev_hash TEXT;
ALTER TABLE access_log ADD COLUMN mac TEXT;
ALTER TABLE operation_log ADD COLUMN tenant_seq BIGINT;
ALTER TABLE operation_log ADD COLUMN prev_hash TEXT;
ALTER TABLE operation_log ADD COLUMN mac TEXT;
-- JSON array of api::FieldChange, personal values already masked.
ALTER TABLE operation_log ADD COLUMN changes TEXT NOT NULL DEFAULT '[]';

UPDATE access_log SET tenant_seq = numbered.n
FROM (SELECT seq, ROW_NUMBER() OVER (PARTITION BY tenant_id ORDER BY seq) AS n
      FROM access_log) AS numbered
WHERE numbered.seq = access_log.seq;
UPDATE operation_log SET tenant_seq = numbered.n
FROM (SELECT seq, ROW_NUMBER() OVER (PARTITION BY tenant_id ORDER BY seq) AS n
      FROM operation_log) AS numbered
WHERE numbered.seq = operation_log.seq;

-- Heads of the rows numbered above, without a hash until they are sealed.
INSERT INTO log_chain_heads (tenant_id, log, seq, hash)
SELECT tenant_id, 'access', MAX(tenant_seq), NULL FROM access_log GROUP BY tenant_id;
INSERT INTO log_chain_heads (tenant_id, log, seq, hash)
SELECT tenant_id, 'operation', MAX(tenant_seq), NULL FROM operation_log GROUP BY tenant_id;

-- One row for every answer the service failed to give (5xx). No messages,
-- no queries, no secrets: the route's pattern, the problem code answered,
-- and which part of the service failed.
CREATE TABLE error_log (
    seq         INTEGER PRIMARY KEY,
    tenant_id   TEXT NOT NULL,
    tenant_seq  BIGINT NOT NULL,
    at          BIGINT NOT NULL,
    request_id  TEXT NOT NULL,
    person_id   TEXT,
    method      TEXT NOT NULL,
    route       TEXT NOT NULL,
    status      INTEGER NOT NULL,
    code        TEXT NOT NULL,
    category    TEXT NOT NULL
);

-- The viewer reads newest first by (at, tenant_seq) within one tenant, with
-- at most one filter column in front: each of these serves a page, a time
-- range and a filtered page straight from the index, at any depth.
DROP INDEX access_log_tenant;
CREATE UNIQUE INDEX access_log_chain ON access_log (tenant_id, tenant_seq);
CREATE INDEX access_log_time ON access_log (tenant_id, at, tenant_seq);
CREATE INDEX access_log_person ON access_log (tenant_id, person_id, at, tenant_seq);
CREATE INDEX access_log_status ON access_log (tenant_id, status, at, tenant_seq);
CREATE INDEX access_log_address ON access_log (tenant_id, address, at, tenant_seq);
DROP INDEX operation_log_tenant;
CREATE UNIQUE INDEX operation_log_chain ON operation_log (tenant_id, tenant_seq);
CREATE INDEX operation_log_time ON operation_log (tenant_id, at, tenant_seq);
CREATE INDEX operation_log_actor ON operation_log (tenant_id, actor_id, at, tenant_seq);
CREATE INDEX operation_log_target ON operation_log (tenant_id, target_type, target_id, at, tenant_seq);
CREATE INDEX operation_log_action ON operation_log (tenant_id, action, at, tenant_seq);
CREATE UNIQUE INDEX error_log_chain ON error_log (tenant_id, tenant_seq);
CREATE INDEX error_log_time ON error_log (tenant_id, at, tenant_seq);

-- Engage schema, version 7: row counts of the logs per quarter hour (issue
-- 8), so that the viewer's histogram and total of a ten-million-row log cost
-- a read of its quarter hours, not of its rows (store/logcounts.h). Every
-- writer of a log row adds to its slot, and the archiver takes off what it
-- deletes, in the same transaction as the rows. Same portable SQL as
-- version 1.

-- slot_at: the UTC start (ms) of a quarter hour; only slots with rows.
CREATE TABLE log_counts (
    tenant_id   TEXT NOT NULL,
    log         TEXT NOT NULL,
    slot_at     BIGINT NOT NULL,
    row_count   BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, log, slot_at)
);

-- The rows already there. The slot is the floor of `at` to 900,000 ms,
-- written so that it floors before 1970 too (% truncates on both databases).
INSERT INTO log_counts (tenant_id, log, slot_at, row_count)
SELECT tenant_id, 'access', at - ((at % 900000) + 900000) % 900000 AS slot, COUNT(*)
FROM access_log GROUP BY tenant_id, slot;
INSERT INTO log_counts (tenant_id, log, slot_at, row_count)
SELECT tenant_id, 'operation', at - ((at % 900000) + 900000) % 900000 AS slot, COUNT(*)
FROM operation_log GROUP BY tenant_id, slot;
INSERT INTO log_counts (tenant_id, log, slot_at, row_count)
SELECT tenant_id, 'error', at - ((at % 900000) + 900000) % 900000 AS slot, COUNT(*)
FROM error_log GROUP BY tenant_id, slot;

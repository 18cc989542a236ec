-- Engage schema, version 5: the engagement pulse (issue 6). Surveys, their
-- rounds, the snapshot of each round's targets, responses and answers, and
-- the aggregates the dashboards read. Same portable SQL as version 1.
--
-- Anonymity by construction: a response names its respondent only by
-- respondent_key, a keyed hash (store/pulserepository.h) of the member id
-- under the tenant's blind-index key, so answers of one person can be
-- followed across rounds (the validity window, impact analysis) but not
-- joined to a member without the key. A purged member's answers stay, still
-- anonymous: the round_targets row loses its member_id, nothing else changes.

-- A survey. kind: 'pulse' (the bank, rotating; issue 6) or 'custom' (issue 7).
-- status: 'draft', 'scheduled', 'open', 'closed'.
CREATE TABLE surveys (
    id              TEXT PRIMARY KEY,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    kind            TEXT NOT NULL,
    name            TEXT NOT NULL,
    cadence_weeks   INTEGER NOT NULL DEFAULT 4,
    status          TEXT NOT NULL,
    revision        INTEGER NOT NULL DEFAULT 1,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    deleted_at      BIGINT
);
CREATE INDEX surveys_tenant ON surveys (tenant_id);

-- One delivery of a survey. items: JSON array of bank item ids asked.
-- status: 'scheduled', 'open', 'closed'. aggregated_at: when round_cells was
-- last rebuilt (0: never); it versions the aggregate cache.
CREATE TABLE survey_rounds (
    id              TEXT PRIMARY KEY,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    survey_id       TEXT NOT NULL REFERENCES surveys(id),
    number          INTEGER NOT NULL,
    items           TEXT NOT NULL,
    opens_at        BIGINT NOT NULL,
    closes_at       BIGINT NOT NULL,
    status          TEXT NOT NULL,
    aggregated_at   BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL
);
CREATE UNIQUE INDEX survey_rounds_number ON survey_rounds (survey_id, number);
CREATE INDEX survey_rounds_tenant ON survey_rounds (tenant_id, closes_at);

-- Whom a round was delivered to, as they were then: group and snapshot
-- (JSON object: tenant attribute id -> value, plus api::snapshotKeys()).
-- responded_at: when their response was first submitted (NULL: not yet).
CREATE TABLE round_targets (
    round_id        TEXT NOT NULL REFERENCES survey_rounds(id),
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    respondent_key  TEXT NOT NULL,
    member_id       TEXT,
    group_id        TEXT,
    snapshot        TEXT NOT NULL DEFAULT '{}',
    language        TEXT NOT NULL DEFAULT 'ja',
    responded_at    BIGINT,
    PRIMARY KEY (round_id, respondent_key)
);
CREATE INDEX round_targets_member ON round_targets (tenant_id, member_id);

-- A respondent's response to a round, with the target's snapshot copied so
-- aggregation reads one table. late: submitted after the round closed.
CREATE TABLE responses (
    id              TEXT PRIMARY KEY,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    round_id        TEXT NOT NULL REFERENCES survey_rounds(id),
    respondent_key  TEXT NOT NULL,
    group_id        TEXT,
    snapshot        TEXT NOT NULL DEFAULT '{}',
    submitted_at    BIGINT NOT NULL,
    late            INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX responses_round_respondent ON responses (round_id, respondent_key);

-- One answer per item of a response: value 1-5 on the agreement scale.
-- answered_at decides whether it is still valid for a later round; a late
-- answer is dated at its round's close. answers_window serves aggregation's
-- scan: the answers of a window, one submission after the other, in index
-- order (store/pulserepository.h, engagement/roundaggregator.cpp).
CREATE TABLE answers (
    response_id     TEXT NOT NULL REFERENCES responses(id),
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    respondent_key  TEXT NOT NULL,
    item_id         TEXT NOT NULL,
    value           INTEGER NOT NULL,
    answered_at     BIGINT NOT NULL,
    PRIMARY KEY (response_id, item_id)
);
CREATE INDEX answers_window ON answers (tenant_id, answered_at, respondent_key, response_id);

-- The precomputed aggregates of a closed round: one row per distinct
-- (group, snapshot) among its respondents and targets; sums: the serialised
-- engagement::CellSums (engagement/cellsums.h). Rebuilt as a whole when the
-- round closes and when a late answer arrives, so a dashboard never reads
-- answers.
CREATE TABLE round_cells (
    round_id        TEXT NOT NULL REFERENCES survey_rounds(id),
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    cell            INTEGER NOT NULL,
    group_id        TEXT,
    snapshot        TEXT NOT NULL DEFAULT '{}',
    sums            BLOB NOT NULL,
    PRIMARY KEY (round_id, cell)
);

-- The tenant's dashboard settings; no row means the defaults.
CREATE TABLE engagement_settings (
    tenant_id           TEXT PRIMARY KEY REFERENCES tenants(id),
    anonymity_threshold INTEGER NOT NULL DEFAULT 5,
    validity_days       INTEGER NOT NULL DEFAULT 100,
    benchmark_label     TEXT NOT NULL DEFAULT '',
    benchmarks          TEXT NOT NULL DEFAULT '{}',
    settings_revision   INTEGER NOT NULL DEFAULT 0,
    benchmarks_revision INTEGER NOT NULL DEFAULT 0
);

-- Memos on the trend. text is sealed under the tenant's key (it may name
-- people or events); shared = 0: only its author sees it.
CREATE TABLE engagement_memos (
    id              TEXT PRIMARY KEY,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    author_id       TEXT NOT NULL REFERENCES people(id),
    key_version     INTEGER NOT NULL,
    memo_date       TEXT NOT NULL,
    text_sealed     BLOB NOT NULL,
    shared          INTEGER NOT NULL DEFAULT 0,
    revision        INTEGER NOT NULL DEFAULT 1,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    deleted_at      BIGINT
);
CREATE INDEX engagement_memos_date ON engagement_memos (tenant_id, memo_date);

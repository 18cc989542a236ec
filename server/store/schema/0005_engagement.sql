-- Engage schema, version 5: the engagement pulse (issue 6). Surveys, their
-- rounds, the snapshot of each round's targets, responses and answers, and
-- the aggregates the dashboards read. Same portable SQL as version 1
-- (WITHOUT ROWID is SQLite's; store/dialect.h drops it for PostgreSQL).
--
-- Anonymity by construction: a response names its respondent only through
-- respondents.respondent_key, a keyed hash (store/pulserepository.h) of the
-- member id under the tenant's blind-index key, so answers of one person can
-- be followed across rounds (the validity window, impact analysis) but not
-- joined to a member without the key. A purged member's answers stay, still
-- anonymous: the respondents row loses its member_id, nothing else changes.

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
-- last rebuilt (0: never); it versions the aggregate cache. seq: the round's
-- key inside the store (targets and responses name it by seq, an integer,
-- not by the 36-character id the API shows). target_count and
-- respondent_count: its round_targets rows and, of those, the ones with
-- responded_at, kept by the writes that add them (store/pulserepository.h),
-- so listing rounds counts no targets (a dashboard lists them all: 480,000
-- targets at 20,000 members x 24 rounds).
CREATE TABLE survey_rounds (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    survey_id       TEXT NOT NULL REFERENCES surveys(id),
    number          INTEGER NOT NULL,
    items           TEXT NOT NULL,
    opens_at        BIGINT NOT NULL,
    closes_at       BIGINT NOT NULL,
    status          TEXT NOT NULL,
    aggregated_at   BIGINT NOT NULL DEFAULT 0,
    target_count    BIGINT NOT NULL DEFAULT 0,
    respondent_count BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL
);
CREATE UNIQUE INDEX survey_rounds_number ON survey_rounds (survey_id, number);
CREATE INDEX survey_rounds_tenant ON survey_rounds (tenant_id, closes_at);

-- Size matters below: a tenant of 20,000 members answers 16 items every
-- four weeks, 7.7 million answers in two years. So what repeats per target,
-- response or answer is an integer, and the texts are stored once: a
-- respondent per member and tenant, a placement per distinct group and
-- snapshot. On SQLite, 22 bytes per answer and 315 per member (dbstat over
-- two rounds of 20,000 x 16: tst_roundaggregator checks the 30 at most).

-- Who answers, once per member and tenant. respondent_key is the keyed hash
-- above; member_id is NULL once the member is purged.
CREATE TABLE respondents (
    id              INTEGER PRIMARY KEY,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    respondent_key  TEXT NOT NULL,
    member_id       TEXT
);
CREATE UNIQUE INDEX respondents_key ON respondents (tenant_id, respondent_key);
CREATE INDEX respondents_member ON respondents (tenant_id, member_id);

-- Where a target stood when a round reached them: group ('' for none) and
-- snapshot (JSON object: tenant attribute id -> value, plus
-- api::snapshotKeys(); keys sorted, so equal snapshots have equal text). One
-- row per distinct pair: the cells of aggregation are placements.
CREATE TABLE placements (
    id              INTEGER PRIMARY KEY,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    group_id        TEXT NOT NULL DEFAULT '',
    snapshot        TEXT NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX placements_text ON placements (tenant_id, group_id, snapshot);

-- Whom a round was delivered to, as they were then. responded_at: when
-- their response was first submitted (NULL: not yet).
CREATE TABLE round_targets (
    round_seq       INTEGER NOT NULL REFERENCES survey_rounds(seq),
    respondent_id   INTEGER NOT NULL REFERENCES respondents(id),
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    placement_id    INTEGER NOT NULL REFERENCES placements(id),
    language        TEXT NOT NULL DEFAULT 'ja',
    responded_at    BIGINT,
    PRIMARY KEY (round_seq, respondent_id)
) WITHOUT ROWID;

-- A respondent's response to a round, placed as their target was (so
-- aggregation reads no targets of other rounds). submitted_at: the latest
-- submission. answered_at: the date of its answers that carry none of
-- their own, the first submission's, a late one's being the round's close.
-- late: some of it came after the round closed.
CREATE TABLE responses (
    id              INTEGER PRIMARY KEY,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    round_seq       INTEGER NOT NULL REFERENCES survey_rounds(seq),
    respondent_id   INTEGER NOT NULL REFERENCES respondents(id),
    placement_id    INTEGER NOT NULL REFERENCES placements(id),
    submitted_at    BIGINT NOT NULL,
    answered_at     BIGINT NOT NULL,
    late            INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX responses_round_respondent ON responses (round_seq, respondent_id);

-- One answer per item of a response, nothing else repeated: item is the
-- bank index (api::BankItem::index), value 1-5 on the agreement scale.
-- answered_at is NULL unless a later submission changed the answer: then
-- its own date (capped at the round's close). An answer's date is
-- COALESCE(a.answered_at, r.answered_at); it decides whether the answer is
-- still valid for a later round. The tenant is the response's: answers are
-- read and written only through their response (responses.tenant_id).
-- WITHOUT ROWID: the key is the row, no second copy in an index.
CREATE TABLE answers (
    response_id     INTEGER NOT NULL REFERENCES responses(id),
    item            INTEGER NOT NULL,
    value           INTEGER NOT NULL,
    answered_at     BIGINT,
    PRIMARY KEY (response_id, item)
) WITHOUT ROWID;

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

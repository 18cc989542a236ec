-- Surveys delivered for real (issue 7): definitions, the scheduler's
-- deliveries, one-time response links, the respondent page's saved drafts,
-- custom questions' answers and each tenant's mail server.

-- The definition as written (api::SurveyDefinition as JSON, see api/survey.h),
-- frozen once published_at is set. surveys.name keeps the name shown in
-- lists (Japanese, or English when there is no Japanese); surveys.status is
-- api::surveyStatusName().
ALTER TABLE surveys ADD COLUMN definition TEXT NOT NULL DEFAULT '{}';
ALTER TABLE surveys ADD COLUMN published_at BIGINT;

-- A one-time response link: the SHA-256 (hex) of the random token, never the
-- token. Every delivery of a target (invitation, each reminder, a printed
-- sheet) issues a link of its own; all of a round's links of a target stay
-- valid while the round is open, and each ends with the target's final
-- submission (the response says so, not the link).
CREATE TABLE response_links (
    token_hash      TEXT PRIMARY KEY,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    round_seq       INTEGER NOT NULL REFERENCES survey_rounds(seq),
    respondent_id   INTEGER NOT NULL REFERENCES respondents(id),
    created_at      BIGINT NOT NULL
);
CREATE INDEX response_links_target ON response_links (round_seq, respondent_id);

-- What the scheduler sends, planned when a round opens (the invitation at
-- the opening, one row per reminder at its time), so that planning twice
-- plans nothing new (deliveries_once) and a restart finds what is left.
-- status: api::deliveryStatusName(); 'sending' while the mail server is
-- being spoken to (a row found 'sending' at start-up was interrupted: see
-- server/jobs). ordinal: 0 for the invitation, n for the n-th reminder.
CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    round_seq       INTEGER NOT NULL REFERENCES survey_rounds(seq),
    respondent_id   INTEGER NOT NULL REFERENCES respondents(id),
    kind            TEXT NOT NULL,
    ordinal         INTEGER NOT NULL DEFAULT 0,
    due_at          BIGINT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    sent_at         BIGINT,
    error           TEXT
);
CREATE UNIQUE INDEX deliveries_once ON deliveries (round_seq, respondent_id, kind, ordinal);
CREATE INDEX deliveries_due ON deliveries (status, due_at);

-- A respondent's answers saved before the final submission (the page's
-- partial save), sealed: they may hold free text. Removed by the submission.
CREATE TABLE response_drafts (
    round_seq       INTEGER NOT NULL REFERENCES survey_rounds(seq),
    respondent_id   INTEGER NOT NULL REFERENCES respondents(id),
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    answers_sealed  BLOB NOT NULL,
    saved_at        BIGINT NOT NULL,
    PRIMARY KEY (round_seq, respondent_id)
);

-- The answers of a custom survey's response (a pulse's go to answers):
-- value for scales and single choice, choices (JSON array of option
-- indexes) for multiple choice, text_sealed (AES-256-GCM under the tenant
-- key) for free text.
CREATE TABLE custom_answers (
    response_id     INTEGER NOT NULL REFERENCES responses(id),
    question_id     TEXT NOT NULL,
    value           INTEGER,
    choices         TEXT,
    text_sealed     BLOB,
    PRIMARY KEY (response_id, question_id)
);

-- The tenant's mail server for invitations and reminders. security:
-- 'starttls' or 'tls'. The password is sealed under the tenant key.
CREATE TABLE smtp_settings (
    tenant_id       TEXT PRIMARY KEY REFERENCES tenants(id),
    host            TEXT NOT NULL,
    port            INTEGER NOT NULL,
    security        TEXT NOT NULL,
    username        TEXT NOT NULL DEFAULT '',
    password_sealed BLOB,
    from_address    TEXT NOT NULL,
    revision        INTEGER NOT NULL DEFAULT 1,
    updated_at      BIGINT NOT NULL
);

-- Engage schema, version 10: preview links. Same portable SQL as version 1.

-- A link to a survey as it is now, mailed to an administrator with the
-- survey's test message (POST /api/v1/surveys/{id}/test): the respondent
-- page shows it at /r/<token> like a response link, and records nothing
-- answered through it. As response_links: the SHA-256 (hex) of the random
-- token, never the token. language: the test message's, 'ja' or 'en'.
-- A link past expires_at (ms since the epoch), or of a deleted survey,
-- opens nothing.
CREATE TABLE preview_links (
    token_hash      TEXT PRIMARY KEY,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id),
    survey_id       TEXT NOT NULL REFERENCES surveys(id),
    language        TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL
);
-- Issuing a link removes the tenant's expired ones (PreviewLinkRepository).
CREATE INDEX preview_links_expiry ON preview_links (tenant_id, expires_at);

-- Engage schema, version 9: the delivery log read by its index, and each
-- member's language. Same portable SQL as version 1.

-- GET /api/v1/rounds/{id}/deliveries reads a round's rows newest first by
-- id below a cursor (jobs::DeliveryQueue::log); without this index it read
-- and sorted all of the round's rows for every page (deliveries_once starts
-- with round_seq but is not in id order).
CREATE INDEX deliveries_log ON deliveries (round_seq, id);

-- The member's language for e-mails and the respondent page: 'ja' or 'en'
-- (api::languageCode); NULL follows the tenant's locale, also when it changes.
-- A round's targets keep the language they were reached in (round_targets).
ALTER TABLE members ADD COLUMN language TEXT;

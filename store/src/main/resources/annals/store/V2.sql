-- Annals event store, schema version 2: what the HTTP API needs for incremental pulls and search.
-- events.updated_at: when the event was last written (a recompute that changes it rewrites it).
ALTER TABLE events ADD COLUMN updated_at TIMESTAMP;
UPDATE events SET updated_at = (SELECT max(ingested_at) FROM articles);
-- events.evidence_text: every evidence sentence, lower-cased, for the API's full-text filter.
ALTER TABLE events ADD COLUMN evidence_text VARCHAR;
UPDATE events SET evidence_text = lower(array_to_string(json_extract_string(json, '$.evidence[*].sentence'), ' '));
-- event_removals: events that merged into another or vanished on a recompute, so a client
-- that pulled them can drop them (merged_into is null when the event's reports went elsewhere
-- or nowhere).
CREATE TABLE event_removals (
  event_id     VARCHAR NOT NULL,
  merged_into  VARCHAR,
  removed_at   TIMESTAMP NOT NULL
);
CREATE INDEX event_removals_at ON event_removals (removed_at);

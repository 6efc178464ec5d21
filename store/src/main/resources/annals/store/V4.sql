-- Annals event store, schema version 4: merge clusters instead of partitions.
-- Reports merged within one partition (kind, country, month), so reports of one happening placed
-- in two countries or dated either side of a month's end never met, and a busy partition was
-- reloaded whole on every write. Now a report's cluster is the reports related to it directly or
-- through others (EventMerger.clusters), across countries and months; `cluster` is its smallest
-- report id, and a write recomputes only the clusters its reports join.
-- DuckDB alters no column a table's index depends on, so the indexes go first and come back last.
DROP INDEX reports_partition;
DROP INDEX reports_article;
DROP INDEX events_partition;
DROP INDEX event_reports_partition;
-- reports.kind: Report.kind, the kind of happening (ACLED event type, protests and riots as one,
-- else the PLOVER type); reports of two kinds never merge.
ALTER TABLE reports ADD COLUMN kind VARCHAR;
UPDATE reports SET kind = CASE WHEN acled_event_type IS NULL THEN plover_type WHEN acled_event_type IN ('Protests', 'Riots') THEN 'Demonstrations' ELSE acled_event_type END;
-- (renamed after the UPDATE: DuckDB binds an UPDATE after a rename in one transaction to
-- the stored table's old column names)
ALTER TABLE reports RENAME COLUMN partition TO cluster;
ALTER TABLE events RENAME COLUMN partition TO cluster;
CREATE TABLE event_reports_v4 (event_id VARCHAR NOT NULL, report_id VARCHAR NOT NULL);
INSERT INTO event_reports_v4 SELECT event_id, report_id FROM event_reports;
DROP TABLE event_reports;
ALTER TABLE event_reports_v4 RENAME TO event_reports;
CREATE INDEX reports_cluster ON reports (cluster);
CREATE INDEX reports_article ON reports (article_id);
-- reports are read by id (a write's reports and those near them): found through an index, not a scan
CREATE INDEX reports_id ON reports (id);
CREATE INDEX events_cluster ON events (cluster);
CREATE INDEX event_reports_event ON event_reports (event_id);
-- report_keys: the keys of undated reports (EventMerger.undatedKeys: kind, town and a name of its
-- evidence), so a new undated report finds those it may merge with; filled for older stores by
-- EventStore.open with the recluster below.
CREATE TABLE report_keys (key VARCHAR NOT NULL, report_id VARCHAR NOT NULL);
CREATE INDEX report_keys_key ON report_keys (key);
-- The clusters of a store made before version 4 are its old partitions: EventStore.open clusters
-- its reports again, in one transaction, and then deletes this flag.
INSERT INTO meta SELECT 'recluster', 'pending' WHERE EXISTS (SELECT 1 FROM reports);

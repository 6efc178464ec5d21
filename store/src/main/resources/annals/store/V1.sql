-- Annals event store, schema version 1.
-- articles: one row per stored article (exact duplicates are not stored).
CREATE TABLE articles (
  id           VARCHAR PRIMARY KEY,
  url          VARCHAR,
  source       VARCHAR,
  outlet       VARCHAR,          -- source, else the URL's host: articles of one outlet are one source
  title        VARCHAR,
  published    DATE,
  text_hash    VARCHAR NOT NULL, -- SHA-256 of the text with whitespace collapsed
  chars        INTEGER NOT NULL,
  family       VARCHAR NOT NULL, -- smallest article id among its near-duplicates (itself if none)
  near_dup_of  VARCHAR,          -- the stored article it is most similar to, if a near-duplicate
  similarity   DOUBLE,           -- estimated Jaccard similarity of five-word shingles
  minhash      BLOB,
  origin       VARCHAR NOT NULL,
  num_reports  INTEGER NOT NULL,
  ingested_at  TIMESTAMP NOT NULL
);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_text_hash ON articles (text_hash);
CREATE INDEX articles_family ON articles (family);
-- LSH band keys of each article's MinHash signature.
CREATE TABLE article_bands (band BIGINT NOT NULL, article_id VARCHAR NOT NULL);
CREATE INDEX article_bands_band ON article_bands (band);
-- reports: one coded mention of a happening in one article (the `annals code` record).
CREATE TABLE reports (
  ${columns},
  partition    VARCHAR NOT NULL,
  json         VARCHAR NOT NULL
);
CREATE INDEX reports_partition ON reports (partition);
CREATE INDEX reports_article ON reports (article_id);
-- events: reports of one happening merged; recomputed per partition.
CREATE TABLE events (
  ${columns},
  num_reports  INTEGER NOT NULL,
  num_articles INTEGER NOT NULL,
  num_sources  INTEGER NOT NULL,
  first_seen   DATE,
  last_seen    DATE,
  partition    VARCHAR NOT NULL,
  json         VARCHAR NOT NULL
);
CREATE INDEX events_partition ON events (partition);
CREATE TABLE event_reports (event_id VARCHAR NOT NULL, report_id VARCHAR NOT NULL, partition VARCHAR NOT NULL);
CREATE INDEX event_reports_partition ON event_reports (partition);

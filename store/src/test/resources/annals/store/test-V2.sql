-- A second schema version, only for SchemaTest: a column added to articles.
ALTER TABLE articles ADD COLUMN language VARCHAR DEFAULT 'en';

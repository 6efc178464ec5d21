-- Annals event store, schema version 3: what `annals recode` needs to code an article again.
-- articles.text_deflated: the article text exactly as given to the pipeline (RawArticle.text),
-- UTF-8, zlib-compressed (java.util.zip.Deflater); NULL for articles stored before version 3,
-- which cannot be re-coded. The other inputs of the pipeline are columns already: id, published
-- (after any --published default), origin; title, url (canonical) and source are kept as before.
ALTER TABLE articles ADD COLUMN text_deflated BLOB;
-- articles.coder: what coded the article's reports (Pipeline.identity: coder, lexicon and model
-- versions and the lexicon's digest); before version 3, the coder field of its reports.
ALTER TABLE articles ADD COLUMN coder VARCHAR;
UPDATE articles SET coder = (SELECT min(json_extract_string(r.json, '$.coder')) FROM reports r WHERE r.article_id = articles.id);

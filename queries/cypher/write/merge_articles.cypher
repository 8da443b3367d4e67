// Create or update Article nodes.
// params: $rows [{id, url, title, published (ISO date or null), dateline, text, text_sha256,
//                 extractor_version}]. columns: articles
UNWIND $rows AS r
MERGE (a:Article {id: r.id})
SET a.url = r.url, a.title = r.title, a.dateline = r.dateline, a.text = r.text,
    a.published = CASE WHEN r.published IS NULL THEN null ELSE date(r.published) END,
    a.text_sha256 = r.text_sha256, a.extractor_version = r.extractor_version,
    a.ingested_at = datetime()
RETURN count(a) AS articles

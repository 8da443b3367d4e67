// Which of these articles are already in the graph, and with what content and extractor.
// An Article without text_sha256 is the lock placeholder of a write in progress
// (lock_articles), not an article yet.
// params: $ids (list of article ids). columns: id, text_sha256, extractor_version
UNWIND $ids AS id
MATCH (a:Article {id: id})
WHERE a.text_sha256 IS NOT NULL
RETURN a.id AS id, a.text_sha256 AS text_sha256, a.extractor_version AS extractor_version

// Which of these articles are already in the graph, and with what content and extractor.
// params: $ids (list of article ids). columns: id, text_sha256, extractor_version
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.text_sha256 AS text_sha256, a.extractor_version AS extractor_version

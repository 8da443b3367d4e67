// The lock counter of articles a bulk load saw in more than one batch: `lock_articles` adds
// one per batch an article comes in (unchanged repeats included), which an importer row
// written at first sight cannot know yet.
// params: $rows [{id, writes}]. columns: articles
UNWIND $rows AS r
MATCH (a:Article {id: r.id})
SET a.writes = r.writes
RETURN count(a) AS articles

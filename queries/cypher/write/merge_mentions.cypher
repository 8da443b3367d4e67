// One MENTIONED_IN edge per entity and article, with the forms that article used.
// params: $rows [{entity, article, count, aliases}]. columns: mentions
UNWIND $rows AS r
MATCH (e:Entity {id: r.entity})
MATCH (a:Article {id: r.article})
MERGE (e)-[m:MENTIONED_IN]->(a)
SET m.count = r.count, m.aliases = r.aliases
RETURN count(m) AS mentions

// Entities whose name or an alias matches a Lucene query (built by queries.read.lucene_query,
// typo tolerant), best score first; every entity by name when $q is null.
// params: $q (Lucene query string or null), $label (entity label or null), $offset, $limit
// columns: id, name, type, aliases, score (null without $q)
CALL () {
  WITH $q AS q WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_names', q) YIELD node, score
  RETURN node, score
  UNION ALL
  WITH $q AS q WHERE q IS NULL
  MATCH (node:Entity)
  RETURN node, null AS score
}
WITH node, score
WHERE $label IS NULL OR $label IN labels(node)
RETURN node.id AS id, node.name AS name, [l IN labels(node) WHERE l <> 'Entity'][0] AS type,
       coalesce(node.aliases, []) AS aliases, score
ORDER BY score DESC, name, id
SKIP $offset LIMIT $limit

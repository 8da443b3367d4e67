// Candidate entities for resolution: full-text matches on names and aliases, same label.
// params: $probes [{i, label, q (Lucene query)}], $limit. columns: i, id, label, name,
//         aliases, name_locked, context (ids of parties/offices tied to the candidate)
UNWIND $probes AS p
CALL db.index.fulltext.queryNodes('entity_names', p.q, {limit: $limit}) YIELD node
WHERE p.label IN labels(node)
RETURN p.i AS i, node.id AS id, p.label AS label, node.name AS name,
       coalesce(node.aliases, []) AS aliases, coalesce(node.name_locked, false) AS name_locked,
       [(node)-[:MEMBER_OF|HOLDS_OFFICE]->(x) | x.id] AS context

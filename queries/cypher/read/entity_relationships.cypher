// The fact edges around one entity, each with the claims behind it that fall in the date window
// (edges with none are left out), newest first. ALLIED_WITH is symmetric: it matches any
// direction and is reported as 'undirected'. Claims are found by their indexed `pair` key.
// params: $id, $types (fact types), $direction ('out', 'in' or 'both'), $since, $until (dates or
//         null), $evidence_limit (claims returned per edge), $offset, $limit
// columns: type, direction, counterpart {id, name, type}, claims, first_seen, last_seen, status,
//          confidence, evidence [{claim_id, sentence, start, end, date, confidence, status,
//          article {id, title, url}}]
MATCH (e:Entity {id: $id})-[r]-(other:Entity)
WHERE type(r) IN $types
  AND ($direction = 'both' OR type(r) = 'ALLIED_WITH' OR ($direction = 'out') = (startNode(r) = e))
CALL (r) {
  MATCH (c:Claim {pair: startNode(r).id + '|' + type(r) + '|' + endNode(r).id})
  WHERE ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
  OPTIONAL MATCH (c)-[:IN]->(a:Article)
  WITH c, a ORDER BY c.date IS NULL, c.date, c.id
  WITH collect({claim_id: c.id, sentence: c.sentence, start: c.start, end: c.end, date: c.date,
                confidence: c.confidence, status: c.status,
                article: CASE WHEN a IS NULL THEN null
                              ELSE {id: a.id, title: a.title, url: a.url} END}) AS claims,
       min(c.date) AS first_seen, max(c.date) AS last_seen, max(c.confidence) AS confidence
  RETURN claims, first_seen, last_seen, confidence
}
WITH e, r, other, claims, first_seen, last_seen, confidence
WHERE size(claims) > 0
RETURN type(r) AS type,
       CASE WHEN type(r) = 'ALLIED_WITH' THEN 'undirected'
            WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       {id: other.id, name: other.name,
        type: [l IN labels(other) WHERE l <> 'Entity'][0]} AS counterpart,
       size(claims) AS claims, first_seen, last_seen, confidence,
       CASE WHEN type(r) = 'HOLDS_OFFICE'
            THEN coalesce(last([x IN claims WHERE x.date IS NOT NULL | x.status]),
                          last(claims).status, 'current')
            ELSE null END AS status,
       claims[0..$evidence_limit] AS evidence
ORDER BY last_seen DESC, type, counterpart.id
SKIP $offset LIMIT $limit

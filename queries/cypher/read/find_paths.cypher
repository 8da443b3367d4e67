// All shortest paths between two entities over fact edges of the given types, at most $max_hops
// long (the search itself stops at 6), each hop with its claims in the date window as evidence.
// With since/until, hops must overlap the window and keep at least one claim inside it.
// params: $source, $target (entity ids, different), $types (fact types), $max_hops (1..6),
//         $since, $until (dates or null), $evidence_limit, $offset, $limit
// columns: length, nodes [{id, name, type}], hops [{source, target, type, claims, first_seen,
//          last_seen, evidence [{claim_id, sentence, start, end, date, confidence, status,
//          article {id, title, url}}]}]
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $types
          AND ($since IS NULL OR r.last_seen >= $since)
          AND ($until IS NULL OR r.first_seen <= $until))
WITH p WHERE length(p) <= $max_hops
UNWIND range(0, length(p) - 1) AS i
WITH p, i, relationships(p)[i] AS r
CALL (r) {
  MATCH (c:Claim {pair: startNode(r).id + '|' + type(r) + '|' + endNode(r).id})
  WHERE ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
  OPTIONAL MATCH (c)-[:IN]->(art:Article)
  WITH c, art ORDER BY c.date IS NULL, c.date, c.id
  RETURN collect({claim_id: c.id, sentence: c.sentence, start: c.start, end: c.end,
                  date: c.date, confidence: c.confidence, status: c.status,
                  article: CASE WHEN art IS NULL THEN null
                                ELSE {id: art.id, title: art.title, url: art.url} END})
         AS claims, min(c.date) AS first_seen, max(c.date) AS last_seen
}
WITH p, i, {source: startNode(r).id, target: endNode(r).id, type: type(r),
            claims: size(claims), first_seen: first_seen, last_seen: last_seen,
            evidence: claims[0..$evidence_limit]} AS hop
ORDER BY i
WITH p, collect(hop) AS hops
WHERE all(h IN hops WHERE h.claims > 0)
WITH p, hops, reduce(key = '', n IN nodes(p) | key + n.id + '>') AS path_key
ORDER BY path_key
SKIP $offset LIMIT $limit
RETURN length(p) AS length,
       [n IN nodes(p) | {id: n.id, name: n.name,
                         type: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
       hops

// The claims behind one fact edge of the network (its id is subject|TYPE|object), oldest
// first, each with the sentence's offsets and a window of the stored article text around it,
// so a viewer can highlight the sentence in place. ALLIED_WITH is symmetric: its one stored
// direction is the canonical one (the caller orders the two ids), and $pair is its claim key.
// params: $source, $target (entity ids), $type (fact type), $pair (claim pair key),
//         $since, $until (dates or null), $context (characters of text kept each side of the
//         sentence), $offset, $limit
// columns: edge {id, source {id, name, type}, target {...}, type, claims (all time),
//          claims_in_window, first_seen, last_seen, confidence, status},
//          claims [{claim_id, sentence, start, end, date, confidence, status,
//          article {id, title, url, published}, context {text, offset, article_length}}]
MATCH (s:Entity {id: $source})-[r]->(o:Entity {id: $target})
WHERE type(r) = $type
CALL (r) {
  MATCH (c:Claim {pair: $pair})
  WHERE ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
  RETURN count(c) AS in_window
}
CALL (r) {
  MATCH (c:Claim {pair: $pair})
  WHERE ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
  WITH c ORDER BY c.date IS NULL, c.date, c.id
  SKIP $offset LIMIT $limit
  OPTIONAL MATCH (c)-[:IN]->(a:Article)
  WITH c, a, CASE WHEN c.start IS NULL OR c.start < $context THEN 0
                  ELSE c.start - $context END AS from
  RETURN collect({
    claim_id: c.id, sentence: c.sentence, start: c.start, end: c.end, date: c.date,
    confidence: c.confidence, status: c.status,
    article: CASE WHEN a IS NULL THEN null
                  ELSE {id: a.id, title: a.title, url: a.url, published: a.published} END,
    context: CASE WHEN a IS NULL OR a.text IS NULL OR c.end IS NULL THEN null
                  ELSE {offset: from, text: substring(a.text, from, c.end + $context - from),
                        article_length: size(a.text)}
             END}) AS claims
}
RETURN {id: s.id + '|' + type(r) + '|' + o.id,
        source: {id: s.id, name: s.name, type: [l IN labels(s) WHERE l <> 'Entity'][0]},
        target: {id: o.id, name: o.name, type: [l IN labels(o) WHERE l <> 'Entity'][0]},
        type: type(r), claims: r.claims, claims_in_window: in_window,
        first_seen: r.first_seen, last_seen: r.last_seen, confidence: r.confidence,
        status: CASE WHEN type(r) = 'HOLDS_OFFICE' THEN coalesce(r.status, 'current')
                     ELSE null END} AS edge, claims

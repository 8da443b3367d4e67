// Every claim (of the given fact types, either direction) and every quote (one speaking about
// the other) that directly links two entities, in date order; since/until bound the article date.
// Page-bounded (issue 14): each (pair, type) reads at most $offset + $limit claims from the
// (pair, date) index in date order, quotes likewise from the ABOUT (pair, date) index, so two
// famous people cost a page, not their whole history. Undated items come last and are read
// only when the dated ones run out (never with a date bound).
// params: $a, $b (entity ids), $types (fact types), $lo, $hi (dates, inclusive; never null),
//         $dated_only (true when since/until was given), $offset, $limit
// columns: kind ('claim' or 'quote'), id, type (fact type, or 'QUOTE'), subject {id, name, type},
//          object {id, name, type}, date, sentence, start, end, text, confidence, status,
//          article {id, title, url}
CALL () {
  CALL () {
    UNWIND [[$a, $b], [$b, $a]] AS ends
    UNWIND $types AS t
    WITH ends, ends[0] + '|' + t + '|' + ends[1] AS pair
    CALL (pair) {
      // ORDER BY the whole index key, with the hint (SEEK: on a small graph the planner may
      // otherwise satisfy USING INDEX with a full scan and a filter): the index is read in order and the
      // read stops at the page (ties on the last date aside); see list_statements_by_speaker
      MATCH (c:Claim)
      USING INDEX SEEK c:Claim(pair, date)
      WHERE c.pair = pair AND c.date >= $lo AND c.date <= $hi
      WITH c ORDER BY c.pair, c.date, c.id LIMIT $offset + $limit
      RETURN c AS item
    }
    RETURN 'claim' AS kind, item, ends
    UNION ALL
    UNWIND [[$a, $b], [$b, $a]] AS ends
    WITH ends, ends[0] + '|' + ends[1] AS pair
    CALL (pair) {
      MATCH (q:Quote)-[ab:ABOUT]->(:Entity)
      USING INDEX SEEK ab:ABOUT(pair, date)
      WHERE ab.pair = pair AND ab.date >= $lo AND ab.date <= $hi
      WITH q, ab ORDER BY ab.pair, ab.date, q.id LIMIT $offset + $limit
      RETURN q AS item
    }
    RETURN 'quote' AS kind, item, ends
  }
  WITH kind, item, ends ORDER BY item.date, kind, item.id LIMIT $offset + $limit
  RETURN collect({kind: kind, item: item, ends: ends}) AS dated
}
CALL (dated) {
  // the list is empty unless the dated items ran out: no index read at all otherwise
  WITH CASE WHEN NOT $dated_only AND size(dated) < $offset + $limit
            THEN [[$a, $b], [$b, $a]] ELSE [] END AS both
  CALL (both) {
    UNWIND both AS ends
    UNWIND $types AS t
    MATCH (c:Claim {pair: ends[0] + '|' + t + '|' + ends[1]})
    WHERE c.date IS NULL
    RETURN 'claim' AS kind, c AS item, ends
    UNION ALL
    UNWIND both AS ends
    MATCH (:Entity {id: ends[0]})<-[:SAID_BY]-(q:Quote)-[:ABOUT]->(:Entity {id: ends[1]})
    WHERE q.date IS NULL
    RETURN 'quote' AS kind, q AS item, ends
  }
  WITH kind, item, ends ORDER BY kind, item.id LIMIT $offset + $limit
  RETURN collect({kind: kind, item: item, ends: ends}) AS undated
}
UNWIND dated + undated AS row
WITH row.kind AS kind, row.item AS item, row.ends AS ends
SKIP $offset LIMIT $limit
MATCH (s:Entity {id: ends[0]}), (o:Entity {id: ends[1]})
OPTIONAL MATCH (item)-[:IN]->(art:Article)
RETURN kind, item.id AS id, CASE kind WHEN 'quote' THEN 'QUOTE' ELSE item.type END AS type,
       {id: s.id, name: s.name, type: [l IN labels(s) WHERE l <> 'Entity'][0]} AS subject,
       {id: o.id, name: o.name, type: [l IN labels(o) WHERE l <> 'Entity'][0]} AS object,
       item.date AS date, item.sentence AS sentence, item.start AS start, item.end AS end,
       CASE kind WHEN 'quote' THEN item.text ELSE null END AS text,
       item.confidence AS confidence, item.status AS status,
       CASE WHEN art IS NULL THEN null ELSE {id: art.id, title: art.title, url: art.url} END
         AS article
ORDER BY date IS NULL, date, kind, id

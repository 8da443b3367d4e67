// Who held an office: with $on, the people whose latest HOLDS_OFFICE claim dated on or before
// $on does not call them former; without it, everyone ever said to hold it. A claim without a
// status counts as current (articles mark "former" explicitly). Latest first.
// params: $id (office id), $on (date or null), $offset, $limit
// columns: holder {id, name, type}, claims, first_seen, last_seen, status
MATCH (o:Office {id: $id})<-[:OBJECT]-(c:Claim)-[:SUBJECT]->(p:Entity)
WHERE c.type = 'HOLDS_OFFICE' AND ($on IS NULL OR c.date <= $on)
WITH p, c ORDER BY c.date IS NOT NULL, c.date, c.id
WITH p, count(c) AS claims, min(c.date) AS first_seen, max(c.date) AS last_seen,
     coalesce(last(collect(c.status)), 'current') AS status
WHERE $on IS NULL OR status = 'current'
RETURN {id: p.id, name: p.name, type: [l IN labels(p) WHERE l <> 'Entity'][0]} AS holder,
       claims, first_seen, last_seen, status
ORDER BY last_seen DESC, first_seen, holder.id
SKIP $offset LIMIT $limit

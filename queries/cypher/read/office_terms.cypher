// The holders of offices, for `/offices/{id}/holders` and the tenure checks; their terms
// come from read/pair_terms by the `pair` column (queries.read.office_terms joins them).
// params: $ids (office ids)
// columns: office {id, name, type}, holder {id, name, type}, pair, claims, first_seen,
//          last_seen, status (of the latest claim; null counts as current)
MATCH (o:Office) WHERE o.id IN $ids
MATCH (p:Entity)-[r:HOLDS_OFFICE]->(o)
RETURN {id: o.id, name: o.name, type: 'Office'} AS office,
       {id: p.id, name: p.name, type: [l IN labels(p) WHERE l <> 'Entity'][0]} AS holder,
       p.id + '|HOLDS_OFFICE|' + o.id AS pair,
       r.claims AS claims, r.first_seen AS first_seen, r.last_seen AS last_seen,
       coalesce(r.status, 'current') AS status
ORDER BY office.id, last_seen DESC, holder.id

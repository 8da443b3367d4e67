// Every aggregated fact edge as (subject, type, object), for rebuilding the time aggregates
// of a graph written before they existed (loaders/write_time.rebuild_time_aggregates).
// params: none. columns: s, t, o
MATCH (s:Entity)-[r:HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH|CRITICIZED|SUPPORTED]->(o:Entity)
RETURN s.id AS s, type(r) AS t, o.id AS o
ORDER BY s, t, o

// Remove the aggregated edges whose last claim went (a replaced article, a merge).
// params: $rows [{s, t, o}]. columns: removed
UNWIND $rows AS r
MATCH (s:Entity {id: r.s})-[e:HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH|CRITICIZED|SUPPORTED]->(o:Entity {id: r.o})
WHERE type(e) = r.t
DELETE e
RETURN count(e) AS removed

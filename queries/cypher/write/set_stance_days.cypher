// The bulk first load's finish (queries/bulk.py): store on each CRITICIZED/SUPPORTED edge its dated claims counted per day (`days` and
// `day_claims`, parallel lists, oldest first; loaders/tenures.stance_days), which
// read/entity_stance sums per period. The incremental writer sets them in
// write/merge_fact_edges instead. Edges already removed (no claim left) are skipped.
// params: $rows [{s, t, o, days, day_claims}]. columns: edges
UNWIND $rows AS r
MATCH (s:Entity {id: r.s})-[e:$(r.t)]->(o:Entity {id: r.o})
SET e.days = r.days, e.day_claims = r.day_claims
RETURN count(e) AS edges

// Remember (subject, type, object) triples whose claims this batch wrote and whose
// aggregates are refreshed later, in the same transaction as the claims: a load that stops
// half-way leaves its pending triples in the graph, and the next load or ingest refreshes
// them first (loaders/aggregates.refresh_pending).
// params: $rows [{key (pair key), s, t, o}]. columns: pending
UNWIND $rows AS r
MERGE (p:PendingAggregate {key: r.key})
SET p.s = r.s, p.t = r.t, p.o = r.o
RETURN count(p) AS pending

// Up to $limit triples a deferred write left to refresh (write/mark_pending_aggregates).
// params: $limit. columns: s, t, o
MATCH (p:PendingAggregate)
RETURN p.s AS s, p.t AS t, p.o AS o
ORDER BY p.key
LIMIT $limit

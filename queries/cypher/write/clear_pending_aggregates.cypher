// Forget pending triples, in the transaction that refreshed their aggregates.
// params: $keys (pair keys). columns: cleared
UNWIND $keys AS key
MATCH (p:PendingAggregate {key: key})
DELETE p
RETURN count(*) AS cleared

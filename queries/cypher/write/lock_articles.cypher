// Lock the articles a batch is about to write, first thing in its transaction, so two
// writes of one article serialise: MERGE on the constrained id takes the unique-index lock
// (a new id) and the SET takes the node's write lock (a known id); a concurrent write of the
// same article waits here until this transaction ends, then reads what it committed.
// The counter is a side effect nobody reads; it is what makes the lock exclusive.
// Ids come sorted, so two batches never take the same locks in opposite orders.
// A new id leaves an Article without text_sha256 until merge_articles fills it in the same
// transaction; existing_articles ignores such a node.
// params: $ids (sorted article ids). columns: locked
UNWIND $ids AS id
MERGE (a:Article {id: id})
SET a.writes = coalesce(a.writes, 0) + 1
RETURN count(a) AS locked

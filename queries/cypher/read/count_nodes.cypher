// How many nodes the database holds (any label): a bulk first load needs an empty one.
// Answered from Neo4j's count store, not by reading the nodes.
// params: none. columns: nodes
MATCH (n)
RETURN count(n) AS nodes

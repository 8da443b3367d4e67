// Claims whose subject and object became the same entity (after a merge) say nothing.
// params: $id. columns: removed
MATCH (e:Entity {id: $id})<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(e)
DETACH DELETE c
RETURN count(*) AS removed

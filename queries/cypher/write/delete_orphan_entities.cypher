// Entities no article mentions any more are removed (with their edges).
// params: $ids (entity ids to check). columns: removed
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT (e)-[:MENTIONED_IN]->()
DETACH DELETE e
RETURN count(*) AS removed

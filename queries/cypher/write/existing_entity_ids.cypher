// Which of these entity ids are taken already (so new ids never collide).
// params: $ids. columns: id
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id

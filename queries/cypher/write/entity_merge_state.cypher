// Does each id exist, and was it merged into another entity already?
// params: $ids. columns: id, exists, merged_into
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
OPTIONAL MATCH (m:Entity) WHERE id IN m.merged_from
RETURN id, e IS NOT NULL AS exists, m.id AS merged_into

// The ids that name entities, with name and type (ids that name nothing are left out); used
// to tell "unknown id" (404) from "nothing matched".
// params: $ids (list). columns: id, name, type
UNWIND $ids AS wanted
MATCH (e:Entity {id: wanted})
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS type

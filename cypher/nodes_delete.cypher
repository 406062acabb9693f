// name: nodes_delete
// description: Delete nodes by id with every relationship they take part in; returns the ids of
// description: the actors that lost a relation of the intermediary type labels $types (their flag
// description: is then rechecked).
// params: ids, types
// mode: write
UNWIND $ids AS id
MATCH (n:Node {id: id})
OPTIONAL MATCH (m:{{Actor}})-[r]->(n) WHERE type(r) IN $types
WITH n, collect(DISTINCT m.id) AS mediators
DETACH DELETE n
RETURN mediators

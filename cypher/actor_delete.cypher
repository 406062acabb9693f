// name: actor_delete
// description: Delete an actor with its relations and the statements it made; returns how many
// description: actors were deleted (0 or 1) and the actors that reached it by a relation of the
// description: intermediary type labels $types (their intermediary flag is then rechecked).
// params: id, types
// mode: write
MATCH (a:{{Actor}} {id: $id})
OPTIONAL MATCH (m:{{Actor}})-[r]->(a) WHERE type(r) IN $types
WITH a, collect(DISTINCT m.id) AS mediators
OPTIONAL MATCH (s:{{Statement}} {speaker: $id})
WITH a, mediators, collect(s) AS made
FOREACH (s IN made | DETACH DELETE s)
DETACH DELETE a
RETURN count(*) AS deleted, mediators

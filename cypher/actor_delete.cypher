// name: actor_delete
// description: Delete an actor with its relations and the statements it made; returns how many
// description: actors were deleted (0 or 1).
// params: id
// mode: write
MATCH (a:{{Actor}} {id: $id})
OPTIONAL MATCH (s:{{Statement}} {speaker: $id})
WITH a, collect(s) AS made
FOREACH (s IN made | DETACH DELETE s)
DETACH DELETE a
RETURN count(*) AS deleted

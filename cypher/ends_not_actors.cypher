// name: ends_not_actors
// description: Of these relation ends, the ones that are not actors: missing ids (no labels) and
// description: nodes of another kind with their labels. Every other id is an actor.
// params: ids
// mode: read
UNWIND $ids AS id
OPTIONAL MATCH (n:Node {id: id})
WITH id, n
WHERE n IS NULL OR NOT n:{{Actor}}
RETURN id, CASE WHEN n IS NULL THEN [] ELSE labels(n) END AS labels

// name: relations_by_actor
// description: Relations of these type labels with the actor at either end (optionally also a given
// description: source and target), ordered by key.
// params: actor, types, source, target, limit
// mode: read
MATCH (a:Node {id: $actor})-[r]-()
WHERE type(r) IN $types
WITH DISTINCT r
WITH r, startNode(r) AS s, endNode(r) AS t
WHERE ($source IS NULL OR s.id = $source) AND ($target IS NULL OR t.id = $target)
RETURN r.key AS key, type(r) AS label, s.id AS source, t.id AS target,
       labels(t) AS target_labels, r.evidence AS evidence
ORDER BY key
LIMIT $limit

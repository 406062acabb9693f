// name: relations_by_source
// description: Relations of these type labels from a source (optionally to a target), ordered by key.
// params: source, types, target, limit
// mode: read
MATCH (s:Node {id: $source})-[r]->(t)
WHERE type(r) IN $types AND ($target IS NULL OR t.id = $target)
RETURN r.key AS key, type(r) AS label, s.id AS source, t.id AS target,
       labels(t) AS target_labels, r.evidence AS evidence
ORDER BY key
LIMIT $limit

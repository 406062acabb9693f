// name: relations_by_target
// description: Relations of these type labels into a target, ordered by key.
// params: target, types, limit
// mode: read
MATCH (s)-[r]->(t:Node {id: $target})
WHERE type(r) IN $types
RETURN r.key AS key, type(r) AS label, s.id AS source, t.id AS target,
       labels(t) AS target_labels, r.evidence AS evidence
ORDER BY key
LIMIT $limit

// name: relations_all
// description: Relations of these type labels, ordered by key.
// params: types, limit
// mode: read
MATCH (s)-[r]->(t)
WHERE type(r) IN $types
RETURN r.key AS key, type(r) AS label, s.id AS source, t.id AS target,
       labels(t) AS target_labels, r.evidence AS evidence
ORDER BY key
LIMIT $limit

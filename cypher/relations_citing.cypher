// name: relations_citing
// description: Relations of these type labels with a piece of evidence whose JSON text contains one
// description: of the needles ("document":"id" or "statement":"id"; the store checks the parsed
// description: evidence exactly), ordered by key.
// params: types, needles, limit
// mode: read
MATCH (s)-[r]->(t)
WHERE type(r) IN $types AND any(e IN r.evidence WHERE any(x IN $needles WHERE e CONTAINS x))
RETURN r.key AS key, type(r) AS label, s.id AS source, t.id AS target,
       labels(t) AS target_labels, r.evidence AS evidence
ORDER BY key
LIMIT $limit

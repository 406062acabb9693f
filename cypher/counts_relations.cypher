// name: counts_relations
// description: Number of relations and pieces of evidence per type label.
// params: types
// mode: read
MATCH ()-[r]->()
WHERE type(r) IN $types
RETURN type(r) AS label, count(r) AS n, sum(size(r.evidence_keys)) AS evidence

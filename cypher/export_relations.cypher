// name: export_relations
// description: One page of the relations of one type after a key (keyset pagination on the key index).
// params: after, limit
// slots: rel_type
// mode: read
MATCH (s)-[r:{{rel_type}}]->(t)
WHERE r.key > $after
RETURN r.key AS key, s.id AS source, t.id AS target, labels(t) AS target_labels,
       r.evidence AS evidence
ORDER BY r.key
LIMIT $limit

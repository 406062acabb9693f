// name: relations_among
// description: Relations of these type labels whose two ends are both among the ids, ordered by key.
// params: ids, types, limit
// mode: read
MATCH (s:Node)-[r]->(t:Node)
WHERE s.id IN $ids AND t.id IN $ids AND type(r) IN $types
RETURN r.key AS key, type(r) AS label, s.id AS source, t.id AS target,
       labels(t) AS target_labels, r.evidence AS evidence
ORDER BY key
LIMIT $limit

// name: relations_between
// description: Relations of these type labels from each [source, target] pair's source to its
// description: target (an expand between two bound nodes: hubs' relationships are not walked), with
// description: their evidence (the store ranks and trims it).
// params: pairs, types
// mode: read
UNWIND $pairs AS pair
MATCH (s:Node {id: pair[0]})-[r]->(t:Node {id: pair[1]})
WHERE type(r) IN $types
RETURN r.key AS key, type(r) AS label, s.id AS source, t.id AS target,
       labels(t) AS target_labels, r.evidence AS evidence

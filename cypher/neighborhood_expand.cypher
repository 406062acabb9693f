// name: neighborhood_expand
// description: One breadth-first level: the relations of these type labels incident to the frontier
// description: nodes, in either direction, that were observed inside the date window (if any).
// params: frontier, types, since, until
// mode: read
UNWIND $frontier AS fid
MATCH (u:Node {id: fid})-[r]-(o:Node)
WHERE type(r) IN $types
  AND (($since IS NULL AND $until IS NULL)
       OR any(i IN range(0, size(r.windows) - 1, 2)
              WHERE ($until IS NULL OR r.windows[i] <= $until)
                AND ($since IS NULL OR r.windows[i + 1] >= $since)))
WITH DISTINCT r, o
RETURN r.key AS key, type(r) AS label, startNode(r).id AS source, endNode(r).id AS target,
       labels(endNode(r)) AS target_labels, r.evidence AS evidence,
       o.id AS other, labels(o) AS other_labels, coalesce(o.name, o.id) AS other_name

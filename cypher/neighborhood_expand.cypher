// name: neighborhood_expand
// description: One breadth-first level: the relations of these type labels incident to the frontier
// description: nodes, in either direction, observed inside the date window (if any); type and ends
// description: only (the store fetches evidence for the edges it keeps, with relations_by_ends).
// params: frontier, types, since, until
// mode: read
UNWIND $frontier AS fid
MATCH (u:Node {id: fid})-[r]-(:Node)
WHERE type(r) IN $types
  AND (($since IS NULL AND $until IS NULL)
       OR any(i IN range(0, size(r.windows) - 1, 2)
              WHERE ($until IS NULL OR r.windows[i] <= $until)
                AND ($since IS NULL OR r.windows[i + 1] >= $since)))
WITH DISTINCT r
RETURN type(r) AS label, startNode(r).id AS source, endNode(r).id AS target

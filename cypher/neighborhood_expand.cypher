// name: neighborhood_expand
// description: One breadth-first level: the relations of these type labels incident to the frontier
// description: nodes, in either direction, observed inside the date window (if any); type and ends
// description: with each end's labels and display name (what the level admits is ordered by them,
// description: so no second read describes the nodes found); the store fetches evidence for the
// description: edges it keeps, with relations_by_ends.
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
WITH r, startNode(r) AS s, endNode(r) AS t
RETURN type(r) AS label, s.id AS source, t.id AS target,
       labels(s) AS source_labels, coalesce(s.name, s.title, s.id) AS source_name,
       labels(t) AS target_labels, coalesce(t.name, t.title, t.id) AS target_name

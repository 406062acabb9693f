// name: neighborhood_level
// description: One breadth-first level in one row: the relations of these type labels incident to
// description: the frontier nodes, in either direction, observed inside the date window (if any), as
// description: [type label, source id, target id, evidence]; and every frontier node and end as
// description: [id, labels, display name, actor type, intermediary flag] (what a level admits is
// description: ordered by kind and name, and what it admits is shown with these). The evidence comes
// description: (whole) only when no end can be left out ($room: the nodes the cap still takes; the
// description: frontier is admitted already); otherwise the store reads it for the edges it keeps
// description: (relations_by_ends). No row when no frontier node exists.
// params: frontier, types, since, until, room
// mode: read
UNWIND $frontier AS fid
MATCH (u:Node {id: fid})
OPTIONAL MATCH (u)-[r]-(:Node)
WHERE type(r) IN $types
  AND (($since IS NULL AND $until IS NULL)
       OR any(i IN range(0, size(r.windows) - 1, 2)
              WHERE ($until IS NULL OR r.windows[i] <= $until)
                AND ($since IS NULL OR r.windows[i + 1] >= $since)))
WITH collect(DISTINCT u) AS frontier, collect(DISTINCT r) AS rels
UNWIND frontier + [r IN rels | startNode(r)] + [r IN rels | endNode(r)] AS n
WITH frontier, rels, collect(DISTINCT n) AS nodes
WITH rels, nodes, size(nodes) - size(frontier) <= $room AS whole
RETURN whole,
       [r IN rels | [type(r), startNode(r).id, endNode(r).id,
                     CASE WHEN whole THEN r.evidence END]] AS edges,
       [n IN nodes | [n.id, labels(n), coalesce(n.name, n.title, n.id), n.type,
                      n.intermediary = true]] AS nodes

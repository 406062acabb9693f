// name: projection_edges
// description: Actor-to-actor relations of these type labels observed inside the date window (if
// description: any), with their confidence (the edges of the influence projection).
// params: types, since, until
// mode: read
MATCH (s:{{Actor}})-[r]->(t:{{Actor}})
WHERE type(r) IN $types
  AND (($since IS NULL AND $until IS NULL)
       OR any(i IN range(0, size(r.windows) - 1, 2)
              WHERE ($until IS NULL OR r.windows[i] <= $until)
                AND ($since IS NULL OR r.windows[i + 1] >= $since)))
RETURN s.id AS source, t.id AS target, type(r) AS label, r.confidence AS confidence
ORDER BY r.key

// name: walk_edges
// description: The actor graph a path search walks: every actor-to-actor relation of these type
// description: labels, whether it is walked both ways, and both ends' sort keys; with the data
// description: version it was read at (the store caches it per version and relation types).
// params: both, forward
// mode: read
OPTIONAL MATCH (m:ActorgraphMeta {key: 'store'})
WITH coalesce(m.version, 0) AS version
MATCH (s:{{Actor}})-[r]->(t:{{Actor}})
WHERE type(r) IN $both OR type(r) IN $forward
RETURN version, s.id AS source, t.id AS target, type(r) IN $both AS both,
       s.sort_key AS source_key, t.sort_key AS target_key

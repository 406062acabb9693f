// name: neighborhood_level
// description: One breadth-first level in one row: the relations of these type labels incident to
// description: the frontier nodes, in either direction, observed inside the date window (if any), as
// description: [type label, source id, target id]; and every frontier node and end as
// description: [id, labels, display name, actor type, intermediary flag] (what a level admits is
// description: ordered by kind and name, and what it admits is shown with these). When no end can
// description: be left out ($room: the nodes the cap still takes; the frontier is admitted already)
// description: the relations also come as answers show them (relations): maps as
// description: nodes_and_relations gives them, with their $evidence best pieces taken here by their
// description: stored ranks and the aggregates, or whole when they were written before the ranks
// description: were stored; otherwise the store reads them for the edges it keeps (relations_by_ends).
// description: No row when no frontier node exists.
// params: frontier, types, since, until, room, evidence
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
CALL (rels, whole) {
  UNWIND CASE WHEN whole THEN rels ELSE [] END AS r
  WITH r, startNode(r) AS s, endNode(r) AS t,
       coalesce(size(r.evidence_ranks) = size(r.evidence_keys), false) AS ranked
  CALL (r, ranked) {
    WITH r.evidence_ranks AS ranks WHERE ranked
    UNWIND range(0, size(ranks) - 1) AS i
    WITH i ORDER BY ranks[i] LIMIT $evidence
    RETURN collect(i) AS best
  }
  WITH s, t, r, ranked, best, r.evidence AS evidence
  RETURN collect(CASE WHEN ranked
    THEN {key: r.key, label: type(r), source: s.id, target: t.id, target_labels: labels(t),
          ranked: true, evidence: [i IN best | evidence[i]], confidence: r.confidence,
          first_seen: r.first_seen, last_dated: r.last_dated, valid_from: r.valid_from,
          valid_to: r.valid_to, sources: size(r.sources), total: size(r.evidence_keys)}
    ELSE {key: r.key, label: type(r), source: s.id, target: t.id, target_labels: labels(t),
          ranked: false, evidence: evidence}
  END) AS relations
}
RETURN whole, relations,
       [r IN rels | [type(r), startNode(r).id, endNode(r).id]] AS edges,
       [n IN nodes | [n.id, labels(n), coalesce(n.name, n.title, n.id), n.type,
                      n.intermediary = true]] AS nodes

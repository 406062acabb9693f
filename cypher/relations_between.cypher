// name: relations_between
// description: Relations of these type labels from each [source, target] pair's source to its
// description: target (an expand between two bound nodes: hubs' relationships are not walked), one
// description: map a row, as nodes_and_relations gives them: with their $evidence best pieces and
// description: aggregates when their ranks are stored, else with their evidence whole.
// params: pairs, types, evidence
// mode: read
UNWIND $pairs AS pair
MATCH (s:Node {id: pair[0]})-[r]->(t:Node {id: pair[1]})
WHERE type(r) IN $types
WITH s, t, r, coalesce(size(r.evidence_ranks) = size(r.evidence_keys), false) AS ranked
CALL (r, ranked) {
  WITH r.evidence_ranks AS ranks WHERE ranked
  UNWIND range(0, size(ranks) - 1) AS i
  WITH i ORDER BY ranks[i] LIMIT $evidence
  RETURN collect(i) AS best
}
WITH s, t, r, ranked, best, r.evidence AS evidence
RETURN CASE WHEN ranked
  THEN {key: r.key, label: type(r), source: s.id, target: t.id, target_labels: labels(t),
        ranked: true, evidence: [i IN best | evidence[i]], confidence: r.confidence,
        first_seen: r.first_seen, last_dated: r.last_dated, valid_from: r.valid_from,
        valid_to: r.valid_to, sources: size(r.sources), total: size(r.evidence_keys)}
  ELSE {key: r.key, label: type(r), source: s.id, target: t.id, target_labels: labels(t),
        ranked: false, evidence: evidence}
END AS relation

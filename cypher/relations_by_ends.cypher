// name: relations_by_ends
// description: Relations looked up by their ends and type label ([source, target, label] rows; an
// description: expand between two bound nodes): the row index and the relation as
// description: nodes_and_relations gives it, with its $evidence best pieces taken here by their
// description: stored ranks and the aggregates, or whole when it was written before the ranks were
// description: stored (ranked says which).
// params: rows, evidence
// mode: read
UNWIND range(0, size($rows) - 1) AS i
WITH i, $rows[i] AS row
MATCH (s:Node {id: row[0]})-[r]->(t:Node {id: row[1]})
WHERE type(r) = row[2]
WITH i, s, t, r, coalesce(size(r.evidence_ranks) = size(r.evidence_keys), false) AS ranked
CALL (r, ranked) {
  WITH r.evidence_ranks AS ranks WHERE ranked
  UNWIND range(0, size(ranks) - 1) AS j
  WITH j ORDER BY ranks[j] LIMIT $evidence
  RETURN collect(j) AS best
}
WITH i, s, t, r, ranked, best, r.evidence AS evidence
RETURN i, CASE WHEN ranked
  THEN {key: r.key, label: type(r), source: s.id, target: t.id, target_labels: labels(t),
        ranked: true, evidence: [j IN best | evidence[j]], confidence: r.confidence,
        first_seen: r.first_seen, last_dated: r.last_dated, valid_from: r.valid_from,
        valid_to: r.valid_to, sources: size(r.sources), total: size(r.evidence_keys)}
  ELSE {key: r.key, label: type(r), source: s.id, target: t.id, target_labels: labels(t),
        ranked: false, evidence: evidence}
END AS relation

// name: nodes_and_relations
// description: A path answer's reads in one query: the nodes by id with their labels and properties
// description: (as nodes_by_ids with any label), and the relations of these type labels from each
// description: [source, target] pair's source to its target (as relations_between: an expand between
// description: two bound nodes, hubs' relationships unwalked), each as a map: with its $evidence best
// description: pieces of evidence (the first by evidence_ranks, graph.ranking.evidence_rank, stored by
// description: relations_create and relations_append beside the evidence) and the aggregates an
// description: answer shows (confidence, first_seen, last_dated, valid_from, valid_to, the number of
// description: sources, the evidence's total) when its ranks are stored, whole (evidence in arrival
// description: order, ranked by the store) when it was written before they were, or by a writer that
// description: did not keep them (ranks and evidence keys of unequal lengths): ranked says which.
// params: ids, pairs, types, evidence
// mode: read
CALL () {
  UNWIND $ids AS id
  MATCH (n:Node {id: id})
  RETURN collect([n.id, labels(n), properties(n)]) AS nodes
}
CALL () {
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
  RETURN collect(CASE WHEN ranked
    THEN {key: r.key, label: type(r), source: s.id, target: t.id, target_labels: labels(t),
          ranked: true, evidence: [i IN best | evidence[i]], confidence: r.confidence,
          first_seen: r.first_seen, last_dated: r.last_dated, valid_from: r.valid_from,
          valid_to: r.valid_to, sources: size(r.sources), total: size(r.evidence_keys)}
    ELSE {key: r.key, label: type(r), source: s.id, target: t.id, target_labels: labels(t),
          ranked: false, evidence: evidence}
  END) AS relations
}
RETURN nodes, relations

// name: relation_evidence
// description: One page of a relation's evidence (the rest of what an answer showed the best few
// description: of): the relationship of this type label from $source to $target, its pieces ranked
// description: $offset to $offset + $limit by evidence_ranks (graph.ranking.evidence_rank, stored
// description: beside the evidence) and its total, when its ranks are stored; else its evidence
// description: whole (written before the ranks were stored: the store ranks and pages it). No row
// description: when there is no such relationship.
// params: source, target, types, offset, limit
// mode: read
MATCH (s:Node {id: $source})-[r]->(t:Node {id: $target})
WHERE type(r) IN $types
WITH r, coalesce(size(r.evidence_ranks) = size(r.evidence_keys), false) AS ranked
LIMIT 1
CALL (r, ranked) {
  WITH r.evidence_ranks AS ranks WHERE ranked
  UNWIND range(0, size(ranks) - 1) AS i
  WITH i ORDER BY ranks[i] SKIP $offset LIMIT $limit
  RETURN collect(i) AS page
}
WITH r, ranked, page, r.evidence AS evidence
RETURN ranked, CASE WHEN ranked THEN [i IN page | evidence[i]] ELSE evidence END AS evidence,
       size(evidence) AS total

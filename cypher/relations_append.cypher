// name: relations_append
// description: Append evidence to relationships of one vocabulary type that hold none of it yet
// description: (relations_known told the store which keys each holds; graph.neo4j.convert
// description: .relation_append_row): source, target, the new evidence keys, their JSON strings,
// description: their highest confidence, their flat [from, to, ...] windows, their distinct source
// description: keys, their latest date ('' if none), their ranks, first and last date seen, earliest
// description: valid_from and latest valid_to (as relations_create's). The confidence is the highest (the new
// description: one when the relationship had no evidence); sources stay distinct; last_seen is the
// description: latest date; the support is computed again from them (graph.ranking.support, the
// description: same operations in the same order). The ranks are appended, the dates kept as the
// description: earliest and latest, only on a relationship that has them for all its evidence (as
// description: many ranks as evidence keys) or has no evidence yet: one written before they were
// description: stored keeps none (its evidence is read whole, see nodes_and_relations) until it is
// description: written again whole (a curation rewrite, a load into a wiped store). Returns how many
// description: relationships were updated.
// params: rows
// slots: rel_type
// mode: write
UNWIND $rows AS row
MATCH (s:Node {id: row[0]})
MATCH (t:Node {id: row[1]})
CALL (s, t) {
  MATCH (s)-[r:{{rel_type}}]->(t)
  RETURN r
}
WITH row, r, size(coalesce(r.evidence_keys, [])) = 0
             OR coalesce(size(r.evidence_ranks) = size(r.evidence_keys), false) AS ranked
SET r.evidence_ranks = CASE WHEN ranked THEN coalesce(r.evidence_ranks, []) + row[8] END,
    r.first_seen = CASE WHEN NOT ranked OR row[9] IS NULL THEN r.first_seen
                        WHEN r.first_seen IS NULL OR row[9] < r.first_seen THEN row[9]
                        ELSE r.first_seen END,
    r.last_dated = CASE WHEN NOT ranked OR row[10] IS NULL THEN r.last_dated
                        WHEN r.last_dated IS NULL OR row[10] > r.last_dated THEN row[10]
                        ELSE r.last_dated END,
    r.valid_from = CASE WHEN NOT ranked OR row[11] IS NULL THEN r.valid_from
                        WHEN r.valid_from IS NULL OR row[11] < r.valid_from THEN row[11]
                        ELSE r.valid_from END,
    r.valid_to = CASE WHEN NOT ranked OR row[12] IS NULL THEN r.valid_to
                      WHEN r.valid_to IS NULL OR row[12] > r.valid_to THEN row[12]
                      ELSE r.valid_to END
SET r.confidence = CASE
      WHEN size(coalesce(r.evidence_keys, [])) = 0 OR row[4] > r.confidence THEN row[4]
      ELSE r.confidence
    END
SET r.evidence_keys = coalesce(r.evidence_keys, []) + row[2],
    r.evidence = coalesce(r.evidence, []) + row[3],
    r.windows = coalesce(r.windows, []) + row[5],
    r.sources = coalesce(r.sources, []) + [x IN row[6] WHERE NOT x IN coalesce(r.sources, [])],
    r.last_seen = CASE WHEN row[7] > coalesce(r.last_seen, '') THEN row[7]
                       ELSE coalesce(r.last_seen, '') END
SET r.support = 1.0 - reduce(miss = 1.0, i IN range(1, CASE WHEN size(r.sources) > 20 THEN 20
                                                       ELSE size(r.sources) END) |
      miss * (1.0 - CASE WHEN r.confidence < 0.95 THEN r.confidence ELSE 0.95 END))
RETURN count(r) AS updated

// name: relations_append
// description: Append evidence to relationships of one vocabulary type that hold none of it yet
// description: (relations_known told the store which keys each holds; graph.neo4j.convert
// description: .relation_append_row): source, target, the new evidence keys, their JSON strings,
// description: their highest confidence, their flat [from, to, ...] windows, their distinct source
// description: keys and their latest date ('' if none). The confidence is the highest (the new
// description: one when the relationship had no evidence); sources stay distinct; last_seen is the
// description: latest date; the support is computed again from them (graph.ranking.support, the
// description: same operations in the same order). Returns how many relationships were updated.
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

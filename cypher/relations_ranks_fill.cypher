// name: relations_ranks_fill
// description: Store on relationships of one vocabulary type that relations_ranks_page found without
// description: them, in the same transaction (under its write lock), what relations_create stores
// description: beside the evidence (graph.neo4j.convert.evidence_columns_ranked, computed in Python
// description: from the evidence read): [key, evidence keys, ranks, first_seen, last_dated,
// description: valid_from, valid_to] rows; only where the relationship still holds exactly those
// description: evidence keys and still lacks ranks for them (what was read is what is ranked). A
// description: relationship without evidence gets empty lists. Then records how far the upgrade
// description: went ([$label, $last] on the meta node: a run cut off goes on from there) and returns
// description: how many relationships it filled.
// params: rows, label, last
// slots: rel_type
// mode: write
CALL () {
  UNWIND $rows AS row
  MATCH ()-[r:{{rel_type}} {key: row[0]}]->()
  WHERE coalesce(r.evidence_keys, []) = row[1]
    AND NOT coalesce(size(r.evidence_ranks) = size(r.evidence_keys), false)
  SET r.evidence_keys = row[1], r.evidence = coalesce(r.evidence, []), r.evidence_ranks = row[2],
      r.first_seen = row[3], r.last_dated = row[4], r.valid_from = row[5], r.valid_to = row[6]
  RETURN count(r) AS filled
}
MATCH (m:ActorgraphMeta {key: 'store'})
SET m.ranks_cursor = [$label, $last]
RETURN filled

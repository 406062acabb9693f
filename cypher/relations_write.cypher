// name: relations_write
// description: Merge relations of one vocabulary type: one relationship per (type, source,
// description: target); evidence not stored yet (by Evidence.key) is appended, never a second
// description: relationship. Rows are positional lists (graph.neo4j.convert.relation_row):
// description: source, target, key, evidence keys, evidence JSON strings, highest confidence (null
// description: without evidence), a [from, to] pair per piece of evidence ('' when undated), the
// description: source key of each piece (graph.ranking.source_key: distinct ones are kept in sources)
// description: and its date ('' when undated; the latest is kept in last_seen).
// description: Rows that add nothing are not written. Returns how many relations were created and
// description: how many pieces of evidence appended.
// params: rows
// slots: rel_type
// mode: write
UNWIND $rows AS row
MATCH (s:Node {id: row[0]})
MATCH (t:Node {id: row[1]})
MERGE (s)-[r:{{rel_type}}]->(t)
WITH row, r, r.key IS NULL AS created, coalesce(r.evidence_keys, []) AS had
WITH row, r, created, had,
     [i IN range(0, size(row[3]) - 1) WHERE NOT row[3][i] IN had] AS fresh
WHERE created OR size(fresh) > 0
SET r.key = row[2],
    r.evidence_keys = had + [i IN fresh | row[3][i]],
    r.evidence = coalesce(r.evidence, []) + [i IN fresh | row[4][i]],
    r.confidence = CASE
      WHEN row[5] IS NULL THEN coalesce(r.confidence, 1.0)
      WHEN size(had) = 0 OR row[5] > r.confidence THEN row[5]
      ELSE r.confidence
    END,
    r.windows = coalesce(r.windows, []) + reduce(w = [], i IN fresh |
      CASE WHEN row[6][2 * i] = '' THEN w ELSE w + [row[6][2 * i], row[6][2 * i + 1]] END),
    r.sources = reduce(s = coalesce(r.sources, []), i IN fresh |
      CASE WHEN row[7][i] IN s THEN s ELSE s + row[7][i] END),
    r.last_seen = reduce(d = coalesce(r.last_seen, ''), i IN fresh |
      CASE WHEN row[8][i] > d THEN row[8][i] ELSE d END)
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS relations, sum(size(fresh)) AS evidence

// name: relations_create
// description: Create relationships of one vocabulary type that relations_known found absent, with
// description: every property computed in Python (graph.neo4j.convert.relation_create_row):
// description: source, target, key, evidence keys, evidence JSON strings, highest confidence
// description: (1.0 without evidence), the flat [from, to, ...] windows of the dated evidence, the
// description: distinct source keys (graph.ranking.source_key), the latest date ('' if none) and the
// description: support (graph.ranking.support of the confidence and the number of sources: paths
// description: read it as one float per hop); then what lets an answer read only a relationship's
// description: best evidence (convert.evidence_columns_ranked): the rank of each piece of evidence
// description: (graph.ranking.evidence_rank, parallel to evidence), the first and last date seen
// description: (first_seen; last_dated: the latest date or valid_from of any piece, where last_seen
// description: is the latest of each piece's date, else its valid_from, as paths rank by recency),
// description: the earliest valid_from and the latest valid_to (absent when null).
// description: A plain CREATE (no MERGE, no read of the relationship): the write lock and
// description: relations_known make it the first of its (type, source, target). Returns how many
// description: were created; the store checks that every row was (both ends exist).
// params: rows
// slots: rel_type
// mode: write
UNWIND $rows AS row
MATCH (s:Node {id: row[0]})
MATCH (t:Node {id: row[1]})
CREATE (s)-[r:{{rel_type}}]->(t)
SET r.key = row[2], r.evidence_keys = row[3], r.evidence = row[4], r.confidence = row[5],
    r.windows = row[6], r.sources = row[7], r.last_seen = row[8],
    r.support = row[9], r.evidence_ranks = row[10], r.first_seen = row[11],
    r.last_dated = row[12], r.valid_from = row[13], r.valid_to = row[14]
RETURN count(r) AS created

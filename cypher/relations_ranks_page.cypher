// name: relations_ranks_page
// description: The first query of each transaction of the upgrade that stores the evidence ranks
// description: and dates (relations_ranks_fill) on relationships written before writes stored them:
// description: takes the write lock (the meta node, as write_begin does, without moving the data
// description: version on: the answers do not change), then reads the next $limit relationships of
// description: one vocabulary type in key order after $after (keyset pagination on the key index:
// description: bounded transactions on a store of any size). Returns how many it read, the last key
// description: (null when none was left), and those of them without a rank for every piece of
// description: evidence (as nodes_and_relations tells them: fewer ranks than evidence keys) as
// description: [key, evidence keys, evidence JSON strings].
// params: after, limit
// slots: rel_type
// mode: write
MATCH (m:ActorgraphMeta {key: 'store'})
SET m.version = m.version
WITH m
CALL () {
  MATCH ()-[r:{{rel_type}}]->()
  WHERE r.key > $after
  WITH r ORDER BY r.key LIMIT $limit
  RETURN collect(r) AS page
}
RETURN size(page) AS read, CASE WHEN size(page) = 0 THEN null ELSE page[-1].key END AS last,
       [r IN page WHERE NOT coalesce(size(r.evidence_ranks) = size(r.evidence_keys), false)
        | [r.key, coalesce(r.evidence_keys, []), coalesce(r.evidence, [])]] AS unranked

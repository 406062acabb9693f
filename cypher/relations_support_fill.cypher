// name: relations_support_fill
// description: Store the support (graph.ranking.support: the same operations as relations_append)
// description: on relationships of one vocabulary type written before it was stored: the next
// description: $limit of them in key order after $after (keyset pagination on the key index, so a
// description: store of any size is filled in bounded transactions). Returns the last key read
// description: (null when none was left) and how many were filled.
// params: after, limit
// slots: rel_type
// mode: write
MATCH ()-[r:{{rel_type}}]->()
WHERE r.key > $after
WITH r ORDER BY r.key LIMIT $limit
WITH collect(r) AS page
CALL (page) {
  UNWIND page AS r
  WITH r WHERE r.support IS NULL
  SET r.support = 1.0 - reduce(miss = 1.0, i IN range(1, CASE WHEN size(coalesce(r.sources, [])) > 20
                                                         THEN 20 ELSE size(coalesce(r.sources, [])) END) |
        miss * (1.0 - CASE WHEN r.confidence < 0.95 THEN r.confidence ELSE 0.95 END))
  RETURN count(r) AS filled
}
RETURN CASE WHEN size(page) = 0 THEN null ELSE page[-1].key END AS last, filled

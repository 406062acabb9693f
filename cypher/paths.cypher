// name: paths
// description: The best simple paths between two actors over actor nodes, ranked in the database as
// description: graph/ranking.py says: fewest hops, then support (the product over hops of the best
// description: relation's 1 - (1 - min(confidence, 0.95))^sources), then recency (the stalest hop's
// description: latest date), then the names along the path (sort_key). SHORTEST {{groups}} GROUPS
// description: keeps every path of the $groups shortest lengths (types in $both walked either way,
// description: types in $forward along their direction; with $intermediaries_only every inner actor
// description: must be an intermediary); trails that revisit a node are dropped; parallel
// description: relationships give one path, with the best of each hop. At most $limit rows.
// params: source, target, both, forward, intermediaries_only, limit
// slots: hops, groups
// mode: read
MATCH (a:{{Actor}} {id: $source}), (b:{{Actor}} {id: $target})
MATCH p = SHORTEST {{groups}} GROUPS (a)
          ((x:{{Actor}})-[r]-(y:{{Actor}})
             WHERE (type(r) IN $both OR (type(r) IN $forward AND startNode(r) = x))
               AND (NOT $intermediaries_only OR y.id = $target OR y.intermediary = true)
          ){1, {{hops}}}
          (b)
WITH p, nodes(p) AS ns
WHERE all(n IN ns WHERE single(m IN ns WHERE m = n))
WITH [n IN ns | n.id] AS ids, [n IN ns | n.sort_key] AS names, length(p) AS hops,
     reduce(s = 1.0, rel IN relationships(p) |
       s * (1.0 - reduce(miss = 1.0, i IN range(1, CASE WHEN size(rel.sources) > 20 THEN 20
                                                   ELSE size(rel.sources) END) |
         miss * (1.0 - CASE WHEN rel.confidence < 0.95 THEN rel.confidence ELSE 0.95 END)))
     ) AS support,
     reduce(d = '\uffff', rel IN relationships(p) |
       CASE WHEN coalesce(rel.last_seen, '') < d THEN coalesce(rel.last_seen, '') ELSE d END
     ) AS last_seen
WITH ids, names, hops, max(support) AS support, max(last_seen) AS last_seen
RETURN ids, hops, support, last_seen
ORDER BY hops, support DESC, last_seen DESC, names
LIMIT $limit

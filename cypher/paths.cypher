// name: paths
// description: The shortest paths between two actors over actor nodes: every path of the shortest
// description: length (SHORTEST 1 GROUPS, a breadth-first search from both ends; types in $both
// description: walked either way, types in $forward along their direction; with
// description: $intermediaries_only every inner actor must be an intermediary), ranked in the
// description: database as graph/ranking.py says: support (the product over hops of the best
// description: relation's stored `support`, 1 - (1 - min(confidence, 0.95))^sources, which the
// description: writes keep: relations_create, relations_append), then recency (the stalest hop's
// description: latest date), then the names along the path (sort_key). Trails that revisit a node
// description: are dropped; parallel relationships give one path, with the best of each hop. At most
// description: $budget + 1 walks are enumerated: `walks` says how many came, and when it is over
// description: $budget no path is ranked (the caller reports the answer as cut). One row: walks, the
// description: shortest length (null when no path of at most {{hops}} hops) and at most $limit
// description: ranked [ids, hops, support, last_seen] rows.
// params: source, target, both, forward, intermediaries_only, limit, budget
// slots: hops, types
// mode: read
MATCH (a:{{Actor}} {id: $source}), (b:{{Actor}} {id: $target})
OPTIONAL MATCH p = SHORTEST 1 GROUPS (a)
          ((x:{{Actor}})-[r:{{types}}]-(y:{{Actor}})
             WHERE (type(r) IN $both OR (type(r) IN $forward AND startNode(r) = x))
               AND (NOT $intermediaries_only OR y.id = $target OR y.intermediary = true)
          ){1, {{hops}}}
          (b)
WITH p LIMIT $budget + 1
WITH p, nodes(p) AS ns
WITH p, [n IN ns | n.id] AS ids, [n IN ns | n.sort_key] AS names, length(p) AS hops,
     all(n IN ns WHERE single(m IN ns WHERE m = n)) AS simple,
     reduce(s = 1.0, rel IN relationships(p) | s * coalesce(rel.support, 0.0)) AS support,
     reduce(d = '\uffff', rel IN relationships(p) |
       CASE WHEN coalesce(rel.last_seen, '') < d THEN coalesce(rel.last_seen, '') ELSE d END
     ) AS last_seen
WITH ids, names, hops, simple, max(support) AS support, max(last_seen) AS last_seen,
     count(p) AS walks
ORDER BY simple DESC, hops, support DESC, last_seen DESC, names
WITH sum(walks) AS walks, min(hops) AS shortest,
     collect(CASE WHEN simple THEN [ids, hops, support, last_seen] END) AS found
RETURN walks, shortest, CASE WHEN walks > $budget THEN [] ELSE found[0..$limit] END AS rows

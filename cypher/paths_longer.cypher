// name: paths_longer
// description: The paths of exactly {{left}} + {{right}} hops between two actors (asked after the
// description: shorter lengths, see paths), walked and ranked as paths says: {{left}} hops out
// description: of the source and {{right}} hops into the target, joined on the actor between them
// description: (a hash join, so each half is enumerated once from its own end and no walk out of
// description: a hub goes further than half the length). At most $budget + 1 walks are enumerated:
// description: `walks` says how many came, and when it is over $budget no path is ranked. One row:
// description: walks and at most $limit ranked [ids, hops, support, last_seen] rows.
// params: source, target, both, forward, intermediaries_only, limit, budget
// slots: left, right, types
// mode: read
MATCH (a:{{Actor}} {id: $source}), (b:{{Actor}} {id: $target})
OPTIONAL MATCH p = (a)
          ((x:{{Actor}})-[r:{{types}}]-(y:{{Actor}})
             WHERE (type(r) IN $both OR (type(r) IN $forward AND startNode(r) = x))
               AND (NOT $intermediaries_only OR y.intermediary = true)
          ){{{left}}}
          (m:{{Actor}})
          ((u:{{Actor}})-[q:{{types}}]-(v:{{Actor}})
             WHERE (type(q) IN $both OR (type(q) IN $forward AND startNode(q) = u))
               AND (NOT $intermediaries_only OR v.id = $target OR v.intermediary = true)
          ){{{right}}}
          (b)
USING JOIN ON m
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
RETURN walks, CASE WHEN walks > $budget THEN [] ELSE found[0..$limit] END AS rows

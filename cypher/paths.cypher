// name: paths
// description: Simple paths of exactly the given number of hops between two actors, over actor nodes
// description: only: types in $both are walked either way, types in $forward along their direction.
// description: Parallel relationships give one path; the first $limit in name order are returned
// description: (sort_key orders by casefolded name then id in code-point order, as Python does).
// params: source, target, both, forward, limit
// slots: hops
// mode: read
MATCH p = (a:{{Actor}} {id: $source})
          ((x:{{Actor}})-[r]-(y:{{Actor}})
             WHERE type(r) IN $both OR (type(r) IN $forward AND startNode(r) = x)){ {{hops}} }
          (b:{{Actor}} {id: $target})
WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH DISTINCT [n IN nodes(p) | n.sort_key] AS key, [n IN nodes(p) | n.id] AS ids
RETURN key, ids
ORDER BY key
LIMIT $limit

// name: paths
// description: Simple paths of exactly the given number of hops between two actors, over actor nodes
// description: only: types in $both are walked either way, types in $forward along their direction.
// description: Parallel relationships give one path; the first $limit in name order are returned as
// description: [casefolded name, id] per node (the store sorts again in Python, like the embedded one).
// params: source, target, both, forward, limit
// slots: hops
// mode: read
MATCH p = (a:{{Actor}} {id: $source})
          ((x:{{Actor}})-[r]-(y:{{Actor}})
             WHERE type(r) IN $both OR (type(r) IN $forward AND startNode(r) = x)){ {{hops}} }
          (b:{{Actor}} {id: $target})
WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH DISTINCT [n IN nodes(p) | [n.name_cf, n.id]] AS key
RETURN key
ORDER BY key
LIMIT $limit

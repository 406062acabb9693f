// name: nodes_and_relations
// description: A path answer's reads in one query: the nodes by id with their labels and properties
// description: (as nodes_by_ids with any label), and the relations of these type labels from each
// description: [source, target] pair's source to its target with their evidence (as
// description: relations_between: an expand between two bound nodes, hubs' relationships unwalked).
// params: ids, pairs, types
// mode: read
CALL () {
  UNWIND $ids AS id
  MATCH (n:Node {id: id})
  RETURN collect([n.id, labels(n), properties(n)]) AS nodes
}
CALL () {
  UNWIND $pairs AS pair
  MATCH (s:Node {id: pair[0]})-[r]->(t:Node {id: pair[1]})
  WHERE type(r) IN $types
  RETURN collect({key: r.key, label: type(r), source: s.id, target: t.id,
                  target_labels: labels(t), evidence: r.evidence}) AS relations
}
RETURN nodes, relations

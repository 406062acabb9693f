// name: statements_link
// description: Derived relationships of written statements: speaker MADE statement, statement ABOUT
// description: topic, statement REPORTED_IN document. Old ones are replaced; missing ends are skipped.
// params: rows, derived
// mode: write
UNWIND $rows AS row
MATCH (s:{{Statement}} {id: row.id})
OPTIONAL MATCH (s)-[old]-()
  WHERE type(old) IN $derived
DELETE old
WITH DISTINCT s, row
CALL (s, row) {
  MATCH (a:{{Actor}} {id: row.speaker})
  MERGE (a)-[:{{rel:made}}]->(s)
}
CALL (s, row) {
  UNWIND row.about AS ref
  MATCH (x:Node {id: ref})
  MERGE (s)-[:{{rel:about}}]->(x)
}
CALL (s, row) {
  MATCH (d:{{Document}} {id: row.document})
  MERGE (s)-[:{{rel:reported_in}}]->(d)
}

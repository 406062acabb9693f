// name: schema_statement_behalf
// description: Range index on the actor a statement was made on behalf of (statements by actor).
// params:
// mode: write
CREATE INDEX actorgraph_statement_behalf IF NOT EXISTS
FOR (s:{{Statement}}) ON (s.on_behalf_of)

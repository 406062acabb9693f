// name: schema_statement_date
// description: Range index on statement dates (date windows).
// params:
// mode: write
CREATE INDEX actorgraph_statement_date IF NOT EXISTS
FOR (s:{{Statement}}) ON (s.date)

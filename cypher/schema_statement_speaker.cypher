// name: schema_statement_speaker
// description: Range index on statement speakers (statements by actor).
// params:
// mode: write
CREATE INDEX actorgraph_statement_speaker IF NOT EXISTS
FOR (s:{{Statement}}) ON (s.speaker)

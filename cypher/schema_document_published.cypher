// name: schema_document_published
// description: Range index on document publication dates.
// params:
// mode: write
CREATE INDEX actorgraph_document_published IF NOT EXISTS
FOR (d:{{Document}}) ON (d.published)

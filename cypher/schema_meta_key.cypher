// name: schema_meta_key
// description: Uniqueness of the store's bookkeeping node (version counter, write lock).
// params:
// mode: write
CREATE CONSTRAINT actorgraph_meta_key IF NOT EXISTS
FOR (m:ActorgraphMeta) REQUIRE m.key IS UNIQUE

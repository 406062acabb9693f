// name: write_record_receipt
// description: Last statement of a write that changed something: records its token and counts
// description: ('token:nodes:relations:evidence') on the meta node, in the same transaction, so
// description: a retry of a batch whose commit was cut off can tell it was committed.
// params: receipt
// mode: write
MATCH (m:ActorgraphMeta {key: 'store'})
SET m.receipts = (coalesce(m.receipts, []) + [$receipt])[-64..]

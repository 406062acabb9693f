// name: write_receipt
// description: The counts a write that carried this token committed, if it did: a batch whose
// description: commit was cut off (the connection lost before the answer) and that is tried again
// description: gets what it really wrote instead of zero. The meta node keeps the last 64 receipts.
// params: token
// mode: read
OPTIONAL MATCH (m:ActorgraphMeta {key: 'store'})
WITH [r IN coalesce(m.receipts, []) WHERE r STARTS WITH $token + ':'] AS found
RETURN CASE WHEN size(found) = 0 THEN null ELSE found[0] END AS receipt

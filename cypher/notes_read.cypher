// name: notes_read
// description: The notes whose key starts with $prefix, ordered by key.
// params: prefix, limit
// mode: read
MATCH (n:ActorgraphNote)
WHERE n.key STARTS WITH $prefix
RETURN n.key AS key, n.value AS value
ORDER BY key
LIMIT $limit

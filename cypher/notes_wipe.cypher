// name: notes_wipe
// description: Delete every note (test helper, with wipe_batch).
// params:
// mode: write
MATCH (n:ActorgraphNote)
DELETE n
RETURN count(*) AS deleted

// name: statements_by_actor
// description: Statements made by an actor or on its behalf, as $role says (either, speaker
// description: or on_behalf_of; index seeks on speaker and on_behalf_of), further filtered like
// description: statements_all; the total and one page.
// params: actor, role, topic, document, since, until, text, offset, limit
// mode: read
CALL () {
  MATCH (s:{{Statement}} {speaker: $actor})
  WHERE $role <> 'on_behalf_of'
  RETURN s
  UNION
  MATCH (s:{{Statement}} {on_behalf_of: $actor})
  WHERE $role <> 'speaker'
  RETURN s
}
WITH s
WHERE ($topic IS NULL OR $topic IN s.about)
  AND ($document IS NULL OR s.document = $document)
  AND ($since IS NULL OR s.date >= $since)
  AND ($until IS NULL OR s.date <= $until)
  AND ($text IS NULL OR s.text_cf CONTAINS $text)
WITH s
ORDER BY coalesce(s.date, ''), s.id
WITH collect(s) AS hits
RETURN size(hits) AS total, [x IN hits[$offset..($offset + $limit)] | properties(x)] AS page

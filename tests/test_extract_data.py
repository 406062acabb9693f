"""The declarative data of extraction (cue lexicon, actor dictionary) is checked on load: a
mistake is one message naming the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract.dictionary import BUNDLED, ActorDictionary
from actorgraph.ingest.extract.lexicon import DEFAULT_LEXICON, Lexicon


def test_the_bundled_data_loads() -> None:
    lex = Lexicon.load(DEFAULT_LEXICON)
    assert "say" in lex.speech_verbs and lex.reject_verbs["rule"].needs == ("prt:out",)
    assert lex.predicate_copulas <= lex.copulas and "serve" in lex.as_verbs
    d = ActorDictionary.load(BUNDLED)
    assert d.lookup("Hamas") == "hamas" and d.lookup_demonym("Qatari") == "qatar"


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("speech: {verbs: [say, 3]}", "speech.verbs", "list of words"),
        ("speech: {verbs: [say], adverbs: [loudly]}", "speech.adverbs", "Extra inputs"),
        ("demands: {verbs: {urge: {needs: [dobj, objekt]}}}", "demands.verbs.urge.needs", "objekt"),
        ("rejects: {verbs: {deny: {needs: ['dobj_class:nope']}}}", "object_classes", "nope"),
        ("rejects: {predicates: [no, yes]}", "rejects.predicates", '"no"'),
        ("demands: {fulfil_verbs: [meet, 3]}", "demands.fulfil_verbs", "list of words"),
        ("speech: {verbs: [say], directive_verbs: [urge]}", "speech", "['urge']"),
        ("mediation: {not_asserted: [offer], ending_verbs: [end]}", "mediation", "['end']"),
        ("grammar: {copulas: [be], predicate_copulas: [be, remain]}", "grammar", "['remain']"),
        ("roles: {as_verbs: [serve, 3]}", "roles.as_verbs", "list of words"),
    ],
)
def test_a_bad_lexicon_names_the_field(tmp_path: Path, text: str, field: str, message: str) -> None:
    f = tmp_path / "lex.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        Lexicon.load(f)
    assert err.value.field == field and message in str(err.value) and str(f) in str(err.value)


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("actors: [{name: X, type: country}]", "actors[1].type", "person"),
        ("actors: [{name: X, type: state, nick: Y}]", "actors[1].nick", "Extra inputs"),
        ("actors: [{type: state}]", "actors[1].name", "required"),
        (
            "actors: [{name: X, type: person,"
            " roles: [{title: envoy, of: hamas, from: 2024-13-01}]}]",
            "actors[1].roles.0.from",
            "not a date",
        ),
        ("actors: [{name: X, type: person, aliases: [1, 2]}]", "actors[1].aliases", "strings"),
    ],
)
def test_a_bad_dictionary_names_the_field(
    tmp_path: Path, text: str, field: str, message: str
) -> None:
    f = tmp_path / "actors.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        ActorDictionary.load([f, *BUNDLED])
    assert err.value.field == field and message in str(err.value)


def test_a_role_of_an_unknown_actor_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "actors.yaml"
    f.write_text("actors: [{name: X Y, type: person, roles: [{title: envoy, of: Zorvia}]}]")
    with pytest.raises(InputError, match="Zorvia"):
        ActorDictionary.load([f, *BUNDLED])


def test_known_actor_records_extend_the_dictionary() -> None:
    d = ActorDictionary.load(
        BUNDLED,
        [{"kind": "actor", "id": "zl", "name": "Zorvian League", "type": "organization"}],
    )
    assert d.lookup("Zorvian League") == "zl"
    with pytest.raises(InputError) as err:
        ActorDictionary.load(BUNDLED, [{"kind": "actor", "name": "Q", "type": "planet"}])
    assert err.value.field == "actor.type"


def test_a_documents_new_actors_lie_over_the_curated_ones() -> None:
    d = ActorDictionary.load(BUNDLED)
    curated = d.lookup("Hamas")
    assert curated is not None and curated in d.entries and d.entries.get(curated) is not None
    new = d.new_actor("Zorvian League", "organization")
    assert new in d.entries and d.entries[new].name == "Zorvian League"
    assert d.entries.get(new) is d.entries[new] and d.entries.get("no-such-actor") is None
    with pytest.raises(KeyError):
        _ = d.entries["no-such-actor"]
    assert list(d.entries)[-1] == new and len(d.entries) == len(list(d.entries))
    d.begin_document()
    assert new not in d.entries and d.entries.get(new) is None and curated in d.entries

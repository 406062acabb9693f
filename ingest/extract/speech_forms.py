"""Forms of saying beyond a verb of saying and its clause (issue 20Q).

* A light verb with a noun of saying or of a view ("expressed hope that …", "voiced concern
  that …", "gave assurances that …", "issued a warning that …") or with an adjective of
  making known ("made clear that …", "made it clear that …"): the "that" clause is what its
  subject said (lexicon ``speech.light_verbs``, ``speech.view_nouns``, ``speech.clear_words``).
* A verb and particle whose object is what was said ("ruled out a ceasefire until …", "spelled
  out its conditions", "played down the rift"), and a denial of what is said or done ("denied
  the existence of such claims", "denied any involvement"): the act is the statement, in the
  reporter's words (lexicon ``speech.particle_verbs``, ``speech.denial_verbs``,
  ``speech.denial_objects``).
* A verb of quoting ("was quoted as saying that …", "the agency cited X as saying “…”"):
  the one quoted is the speaker of the verb of saying under its "as" (lexicon
  ``speech.quoting_verbs``).

Each reads the parse of one sentence; :class:`~.statements.Statements` makes the statements.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from spacy.tokens import Token


def _that_clause(t: Token) -> Token | None:
    """A clause opened by "that" among a word's children (however the parser labelled it:
    "made it clear that the truce would end" hangs it on "clear" as an adverbial clause)."""
    return next(
        (
            c
            for c in t.children
            if c.i > t.i
            and c.dep_ in ("ccomp", "acl", "relcl", "advcl", "csubj")
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ),
        None,
    )


def light_clause(ctx: DocContext, v: Token) -> list[Token]:
    """What a light verb of saying reports: the "that" clause of its noun of saying or of a
    view ("expressed hope that the truce would hold", "gave assurances that the border stays
    open"), or of its adjective of making known ("made clear that", "made it clear that").
    Nothing where the noun has an owner of its own ("expressed Egypt's hope that …": the
    noun's owner is the speaker, not the subject), or the noun is no object of the verb."""
    lex = ctx.lex
    if v.pos_ != "VERB" or v.lemma_.lower() not in lex.speech_light_verbs:
        return []
    kids = list(v.children)
    said = lex.speech_view_nouns | lex.speech_nouns
    clause = None
    obj = next((c for c in kids if c.dep_ in ("dobj", "dative")), None)
    if obj is not None and obj.lemma_.lower() in said:
        if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in obj.children):
            return []
        clause = _that_clause(obj) or next(  # "gave assurances the border stays open"
            (c for c in v.children if c.dep_ == "ccomp" and c.i > obj.i), None
        )
    elif v.lemma_.lower() == "make":
        clear = next(
            (
                c
                for c in kids
                if c.dep_ in ("ccomp", "oprd", "acomp", "xcomp")
                and c.lemma_.lower() in lex.speech_clear_words
            ),
            None,
        )
        if clear is not None:
            clause = _that_clause(clear) or _that_clause(v)
    if clause is None:
        return []
    return [x for x in clause.subtree if not (x.dep_ == "mark" and x.head.i == clause.i)]


#: conditions a said act keeps ("ruled out a ceasefire until the militia withdraws")
_CONDITIONS = frozenset({"until", "unless", "without"})


def said_act(ctx: DocContext, v: Token) -> list[Token]:
    """The act a verb and particle of saying or a denial performs, as its statement: the verb,
    its particle, its object and a condition on it ("ruled out a ceasefire until the militia
    withdraws", "denied the existence of such claims"). Nothing for a passive, a second object
    ("denied the team access": a refusal, not words), an object that names an actor, or a
    denial of anything but a claim or a part in something (``speech.denial_objects``: not
    "denied access to the camp") and, for a particle, of anything but an act, an outcome or
    what is said of one (``object_classes.said``: not "played down the pitch", "spelled out
    the letters", issue-20mS)."""
    lex = ctx.lex
    kids = list(v.children)
    if v.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass", "dative") for c in kids):
        return []
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > v.i), None)
    if obj is None or ctx.men[obj.i] is not None:
        return []
    low = v.lemma_.lower()
    prt = next((c for c in kids if c.dep_ == "prt" and c.i < obj.i), None)
    said = lex.act_noun(obj.lemma_.lower(), "said", "outcome")
    if prt is not None and f"{low} {prt.lower_}" in lex.speech_particle_verbs and said:
        words = [v, prt, *obj.subtree]
    elif low in lex.speech_denial_verbs and obj.lemma_.lower() in lex.speech_denial_objects:
        words = [v, *obj.subtree]
    else:
        return []
    for c in kids:  # "… until the RSF withdraws from the cities"
        if c.i > obj.i and c.dep_ == "advcl" and c.left_edge.lower_ in _CONDITIONS:
            words += list(c.subtree)
    return sorted(words, key=lambda x: x.i)


def quoted_speaker(ctx: DocContext, v: Token) -> Token | None:
    """The one a verb of quoting names as the speaker of a verb of saying under its "as":
    the passive's subject ("X was quoted as saying …", "X was cited by the agency as saying
    …") or the active's object ("the agency quoted X as saying …"). ``None`` for any other
    verb, and where the quoting is negated or hypothetical ("was never quoted as saying")."""
    prep = v.head
    if v.dep_ not in ("pcomp", "pobj") or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    quoting = prep.head
    if quoting.lemma_.lower() not in ctx.lex.speech_quoting_verbs:
        return None
    if ctx.negated(quoting) or ctx.irrealis(quoting):
        return None
    for dep in ("nsubjpass", "dobj"):
        found = next((c for c in quoting.children if c.dep_ == dep), None)
        if found is not None:
            return found
    return None

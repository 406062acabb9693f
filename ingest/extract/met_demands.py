"""A condition that is someone's demands being met names those demands (issue 12k).

"Israel would only agree if all its demands were met, including pushing Hezbollah away from
the border" demands what the list holds ("pushing Hezbollah away from the border"), not
"demands met"; "will sign once its conditions are fulfilled" with nothing named is the side's
demand found before in the document, or nothing ("demands met" names nothing). The verbs of
granting are the lexicon's ``demands.fulfil_verbs``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actorgraph.ingest.extract.targets import Targets
    from actorgraph.ingest.extract.topics import Topic
    from spacy.tokens import Token

#: prepositions that open the items of what was met ("including X", "such as X")
ITEM_PREPS = frozenset({"including", "like", "such", "notably", "especially", "particularly"})


def met_demands(clause: Token, t: Targets) -> list[Topic | str] | None:
    """What a condition clause of demands being met names: the items it lists, else the
    demand the noun points back to (none when nothing came before); ``None`` when the clause
    is no such condition."""
    lex = t.ctx.lex
    if clause.lemma_.lower() not in lex.fulfil_verbs:
        return None
    subj = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lemma_.lower() not in lex.demand_anaphors | lex.demand_list_nouns:
        return None
    items = list(t.list_items(subj))
    for c in clause.children:  # "were met, including pushing X away": hung on the verb
        if c.dep_ == "prep" and (
            c.lower_ in ITEM_PREPS
            or (c.lower_ == "as" and any(g.lower_ == "such" for g in c.children))
        ):
            items += [g for g in c.subtree if g.dep_ in ("pobj", "pcomp") and g.head.i == c.i]
    found: list[Topic | str] = []
    for item in items:
        named = t.ctx.topics.from_vp(item) if item.pos_ == "VERB" else None
        for x in [named] if named is not None else t.nps(item):
            if x not in found:
                found.append(x)
    if found:
        return found
    topics = t.ctx.topics
    back = topics.from_np(subj)
    known = back is not None and (back is topics.last_demand or back in topics.demand_of.values())
    return [back] if known else []  # type: ignore[list-item]

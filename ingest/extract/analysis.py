"""The rules, applied to one parsed document, family by family.

Order of work: the document context (mentions, titles) -> roles (``speaks_for``) -> quotes
and reported speech (statements, with the speaker resolved through pronouns and titles) ->
stances (``demands``, ``rejects``) and mediation (``mediates``). Every cue word comes from the
lexicon (``data/lexicon.yaml``); the family modules hold the patterns that use them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.acting import acting_actors
from actorgraph.ingest.extract.context import DocContext, Result
from actorgraph.ingest.extract.fallbacks import Flagger, run_fallbacks
from actorgraph.ingest.extract.mediation import Mediation
from actorgraph.ingest.extract.parties import Parties
from actorgraph.ingest.extract.same_demands import merge_same_demands
from actorgraph.ingest.extract.speakers import Speakers
from actorgraph.ingest.extract.stances import Stances
from actorgraph.ingest.extract.statements import Statements

if TYPE_CHECKING:
    from actorgraph.ingest.extract.dictionary import ActorDictionary
    from actorgraph.ingest.extract.lexicon import Lexicon
    from actorgraph.ingest.extract.mentions import Matchers
    from spacy.tokens import Doc


def analyze(
    doc: Doc,
    doc_id: str,
    published: date | None,
    dictionary: ActorDictionary,
    lexicon: Lexicon,
    matchers: Matchers,
    origin: str,
    outlet: str | None = None,
    unnamed_sources: bool = False,
    every_mention: bool = False,
    flagger: Flagger | None = None,
) -> Result:
    """Actors, topics, statements and relations of one parsed document (``outlet``: the
    name of the outlet that published it, which is no actor of its own story;
    ``unnamed_sources``: described speakers give statements, see :mod:`.sources`;
    ``every_mention``: every actor named is one of the document's, also those that neither act
    nor speak, see :mod:`.acting`; ``flagger``: which sentences express which relation
    family, for the fallbacks of :mod:`.fallbacks`)."""
    ctx = DocContext(doc, doc_id, published, dictionary, lexicon, matchers, origin, outlet)
    speakers = Speakers(ctx)
    statements = Statements(ctx, unnamed_sources=unnamed_sources)
    parties = Parties(ctx)
    parties.find_stated()
    speakers.find_roles()
    speakers.unnamed_titles()
    statements.find_quotes()
    statements.attribute_quotes()
    statements.reported_speech()
    statements.labelled()
    Stances(ctx).run()
    Mediation(ctx, parties).run()
    run_fallbacks(ctx, parties, flagger)
    speakers.emit()
    ctx.out.settle_stance_sources()  # roles found after the stances (issue 10r)
    # one demand worded twice in the document, one topic (issue 12k)
    stop = lexicon.topic_stopwords | lexicon.topic_drop
    merge_same_demands(ctx.out, ctx.topics.by_id, stop)
    merge_same_demands(ctx.out, ctx.topics.by_id, stop, "rejects")  # issue-24R
    if not every_mention:
        keep = acting_actors(ctx) | speakers.idle
        ctx.keep_actors(keep)
    return ctx.result()

"""Rejections told in an apposition on the clause before it (issue 22R, mixed into
:class:`ingest.extract.stances.Stances`).

"Ethiopia would recognize Somaliland's independence, a move Somalia considers unacceptable",
"Israel began building a wall, a move Lebanon condemned", "Iran supplies drones to Russia, an
accusation Tehran denies": a noun of an act (`rejects.apposed_acts`) or of a claim
(`rejects.apposed_claims`) after a comma or a dash stands for what the clause before it says;
the actor of its relative clause rejects that when the clause's verb rejects, opposes,
condemns or denies (`rejects.verbs`), judges it a rejection (`rejects.evaluation_verbs` with
one of `rejects.evaluations` or `rejects.predicates`: "considers unacceptable", "called
illegal"), or refuses to accept it (`rejects.negated`: "will never accept"). The parser hangs
such a noun anywhere (an apposition, a subject, a conjunct, an adverbial), so the rule reads
the words in order: "a"/"an", the noun, "that"/"which", the actor, its verb.

Not: a verb that welcomes or praises, a negated rejection ("a move Lebanon did not oppose"), a
hypothetical one ("a move X would oppose"), a judge who is no actor ("a step analysts called
risky"), a judgement that is no rejection, a noun that is no act or claim ("a town Israel
shelled"), no comma or dash before the noun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.stance_rules import StanceRules
from actorgraph.ingest.extract.tokens import plural_base

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: what sets the apposition off from its clause
APPOSING = frozenset({",", "—", "–", "-", "--"})
#: the article of the apposed noun
ARTICLES = frozenset({"a", "an", "another"})
#: words that negate the relative clause's verb
NEGATIONS = frozenset({"not", "n't", "never"})
#: modals that make a rejection a guess ("a move X would oppose"), unless negated
GUESSES = frozenset({"would", "could", "might", "may"})
#: refusals that take an act of their own ("a step Israel has declined to take"): the
#: phrase before the noun is what is refused, read by the verb rules
REFUSALS = frozenset({"refuse", "decline"})
#: how far the actor and its verb may be from the noun
REACH = 8


class ApposedRejects(StanceRules):
    """ "X did Y, a move Z condemned": Z rejects doing Y."""

    def _apposed_rejections(self, s: Span) -> set[int]:
        """Read a sentence's apposed rejections before its cues: the verbs read here (the
        indices returned) are no cues of their own, whose object would be the noun or the
        actor before it ("a decision France called illegal": not the decision)."""
        lex = self.ctx.lex
        done: set[int] = set()
        for n in s:
            low = n.lemma_.lower()
            if n.pos_ != "NOUN" or not (low in lex.apposed_acts or low in lex.apposed_claims):
                continue
            clause = self._apposed_to(n, s)
            if clause is None:
                continue
            found = self._apposed_judge(n, s)
            if found is None:
                continue
            holder, verb = found
            if self._apposed_emit(holder, verb, clause):
                done.add(verb.i)
        return done

    def _apposed_to(self, n: Token, s: Span) -> Token | None:
        """The verb of the clause an apposed noun stands for: ", a (controversial) move"
        after the clause ending at the comma or dash."""
        doc = n.doc
        k = n.i - 1
        while k > s.start and doc[k].pos_ in ("ADJ", "ADV"):
            k -= 1
        if k <= s.start or doc[k].lower_ not in ARTICLES:
            return None
        p = k - 1
        if p <= s.start or doc[p].text not in APPOSING:
            return None
        t = doc[p - 1]
        while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
            t = t.head
        if t.pos_ not in ("VERB", "AUX") or t.i >= p or t.i < s.start:
            return None
        return t

    def _apposed_judge(self, n: Token, s: Span) -> tuple[Token, Token] | None:
        """The actor of the noun's relative clause and its verb, when the verb rejects."""
        ctx = self.ctx
        lex = ctx.lex
        doc = n.doc
        j = n.i + 1
        if j < s.end and doc[j].lower_ in ("that", "which"):
            j += 1
        holder = None
        end = min(s.end, n.i + REACH)
        while j < end and doc[j].pos_ in ("DET", "PROPN", "NOUN", "ADJ", "PART"):
            if holder is None and ctx.men[j] is not None:
                holder = doc[j]
            if doc[j].tag_ == "NNS" and plural_base(doc[j]) in lex.reject_verbs:
                break  # "a move Somalia rejects" read as a plural noun
            j += 1
        if holder is None:
            return None
        negated = guessed = False
        while j < end and doc[j].pos_ in ("AUX", "ADV", "PART") and doc[j].tag_ != "NNS":
            negated |= doc[j].lower_ in NEGATIONS
            guessed |= doc[j].lower_ in GUESSES
            j += 1
        if j >= end:
            return None
        v = doc[j]
        negated |= any(c.dep_ == "neg" for c in v.children)
        lemma = plural_base(v) if v.tag_ == "NNS" else v.lemma_.lower()
        if v.pos_ not in ("VERB", "NOUN") or (v.pos_ == "NOUN" and v.tag_ != "NNS"):
            return None
        if lemma in lex.negated_acceptance and negated:
            return holder, v  # "a step Hamas will never accept"
        if negated or guessed:
            return None
        if (
            lemma in lex.reject_verbs
            and lemma not in REFUSALS
            and self._apposed_particle(v, lex.reject_verbs[lemma].needs)
        ):
            return holder, v
        if lemma in lex.evaluation_verbs:
            judged = lex.evaluations | lex.reject_predicates
            for w in doc[v.i + 1 : min(s.end, v.i + REACH)]:
                if w.text in APPOSING or w.pos_ == "VERB":
                    break
                if w.lemma_.lower() in judged or w.lower_ in judged:
                    return holder, v
        return None

    @staticmethod
    def _apposed_particle(v: Token, needs: tuple[str, ...] | list[str]) -> bool:
        """A verb whose frame needs a particle or a preposition has it next ("a move X ruled
        out", "a step X voted against"); the object the frame needs is the noun itself."""
        words = [n.partition(":")[2] for n in needs if n.startswith(("prt:", "prep:"))]
        if not words:
            return True
        doc = v.doc
        after = {doc[i].lower_ for i in range(v.i + 1, min(len(doc), v.i + 3))}
        return any(w in after for w in words)

    def _apposed_emit(self, holder: Token, verb: Token, clause: Token) -> bool:
        ctx = self.ctx
        sources = ctx.resolve.resolve_np(holder)
        if not sources:
            return False
        topic = ctx.topics.from_vp(clause)
        if topic is None:
            return False
        self._emit("rejects", sources, [topic], verb, 0.7)
        return True

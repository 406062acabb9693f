"""Statements: quotes and reported speech, with their speakers.

Quotes in “ ”, " ", ‘ ’, `` '' and « » are attributed to the nearest verb of saying outside the
quote in the same sentence (`X said: "…"`, `"…," X said`, `"…," said X`); the two halves of a
split quote are one statement; a quote right after an attributed one continues it. Reported
speech (`X said that …`, `according to X, …`) gives statements with ``quote: false``.
Unnamed individuals ("a diplomat said") are not recorded as speakers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.context import Quote
from actorgraph.ingest.extract.coref import finite_on_subject
from actorgraph.ingest.extract.dates import MONTHS
from actorgraph.ingest.extract.layout import hard_wrapped, headline, paragraph_end
from actorgraph.ingest.extract.mentions import colon_after
from actorgraph.ingest.extract.normalize import name_key
from actorgraph.ingest.extract.records import Resolved
from actorgraph.ingest.extract.sources import Source, UnnamedSources
from actorgraph.ingest.extract.speech_forms import light_clause, quoted_speaker, said_act
from actorgraph.ingest.extract.tokens import lemmas, lowers, tokens
from actorgraph.ingest.extract.topics import INTERVIEWER, phrase_text

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from spacy.tokens import Doc, Token

OPENERS = {"“": "”", '"': '"', "``": "''", "‘": "’", "«": "»"}
_OPENER = re.compile("``|''|[“\"‘«”]")
#: double quotation marks close each other's quotes too: pages mix a straight opening mark
#: with a curly closing one (and the reverse), and such a quote must not run to the paragraph's end
_DOUBLE_CLOSE = re.compile('[”"]')
#: words that open a heading after a colon, not speech ("Hamas: what we know", "X: a timeline")
_HEADING_WORDS = frozenset(
    {"what", "how", "why", "who", "where", "when", "whom", "which", "timeline", "profile"}
)


def _dated(doc: Doc, j: int) -> bool:
    """A comma and a date (or a month) right after token ``j``: "Cairo, March 3"."""
    return (
        j + 1 < len(doc)
        and doc[j].text == ","
        and (doc[j + 1].ent_type_ == "DATE" or doc[j + 1].lower_ in MONTHS)
    )


#: dashes that sign a quote ("— Jane Doe"): the horizontal bar, em and en dashes (and a plain
#: hyphen that opens the line below the quote, as pages without dashes print a signature)
_SIGNING_DASHES = frozenset({"―", "—", "–"})


def _word_after(text: str, i: int) -> bool:
    """A space and a capitalized word right after the mark at ``i`` ("- Jane Doe")."""
    return text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].isupper()


def _closing(text: str, i: int) -> tuple[str, int]:
    """The closing mark of the quote that opens at ``i``, and the opening mark's width
    (``""`` when it does not open a quote: an apostrophe, a closing mark)."""
    if text.startswith("``", i):
        return "''", 2
    if text.startswith("''", i):  # ''...'' as some newspapers write quotes
        before = text[i - 1] if i > 0 else " "
        return ("''", 2) if before.isspace() or before in "([—-:" else ("", 0)
    c = text[i]
    if c == "”":  # a paragraph opened with the closing mark, as some pages print it
        line_start = i == 0 or text[i - 1] == "\n"
        return ("”", 1) if line_start and text[i + 1 : i + 2].isalnum() else ("", 0)
    if c == "‘":
        return ("’", 1) if i == 0 or not text[i - 1].isalnum() else ("", 0)
    return (OPENERS[c], 1) if c in OPENERS else ("", 0)


def _finite(t: Token) -> bool:
    """A finite verb, a modal, a subjunctive with its subject ("that the army withdraw",
    "that the zones be demilitarized"), a past tense the tagger took for a participle, with
    "that", its own subject and no auxiliary ("said that claim smacked of hypocrisy"; not
    "noting the truce declared last week"), or a present tense it took for a plural noun, with
    "that" and its own subject ("adding that such talk fans the flames")."""
    if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    if t.tag_ == "NNS" and t.dep_ == "ccomp" and _marked_that(t) and _has_dep(t, "nsubj"):
        return True
    if t.tag_ == "VBN" and t.dep_ in ("ccomp", "conj"):
        deps = {c.dep_ for c in t.children}
        that = any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
        if that and "nsubj" in deps and not deps & {"aux", "auxpass"}:
            return True
    subjunctive = t.tag_ == "VB" or (
        t.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in t.children)
    )
    return subjunctive and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)


def _marked_that(clause: Token) -> bool:
    """A clause opened by "that"."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _infinitive(t: Token) -> bool:
    """An open clause with its "to" ("to join the talks")."""
    return t.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in t.children)


def _has_dep(t: Token, dep: str) -> bool:
    return any(c.dep_ == dep for c in t.children)


def _noun_phrase(t: Token) -> bool:
    """A noun, or a word with a determiner ("the meeting" the tagger read as a verb)."""
    return t.pos_ in ("NOUN", "PROPN") or any(c.dep_ == "det" for c in t.children)


def _hung_predicate(obj: Token) -> Token | None:
    """The predicate the parser hung inside a naming verb's object ("termed [the round of
    talks in Muscat constructive]", "called [the demand for disarmament a red line]"): an
    adjective read as a preposition's object, or a noun read as a noun's object, at the
    object's end."""
    last = obj.right_edge
    while last.is_punct and last.i > obj.i:
        last = last.nbor(-1)
    for x in obj.subtree:
        if x.i <= obj.i or x.right_edge.i != last.i:
            continue
        if (x.pos_ == "ADJ" and x.dep_ == "pobj") or (x.dep_ == "dobj" and _noun_phrase(x.head)):
            return x
    return None


class Statements:
    """The statements family on one document."""

    def __init__(self, ctx: DocContext, *, unnamed_sources: bool = False) -> None:
        self.ctx = ctx
        #: described speakers ("a senior official said"), where the settings ask for them
        self.sources = UnnamedSources(ctx) if unnamed_sources else None
        #: "it" as the subject of a verb of saying, by token: the statement's issuer it
        #: stood for (:meth:`_statement_pronoun`)
        self._pronoun_issuers: dict[int, str | None] = {}

    def find_quotes(self) -> None:
        """Mark the quoted spans (before anything resolves "we" or "our"). A quote ends at
        its closing mark or, unbalanced, at the end of its paragraph; a quote that goes on in
        the next paragraph opens it again, as news style has it."""
        ctx = self.ctx
        text = ctx.text
        wrapped = hard_wrapped(text)
        n = len(text)
        i = 0
        spans: list[tuple[int, int]] = []
        while i < n:
            m = _OPENER.search(text, i)  # jump to the next opening mark
            if m is None:
                break
            i = m.start()
            close, width = _closing(text, i)
            if not close:
                i += 1
                continue
            start = i + width
            limit = paragraph_end(text, start, wrapped)
            j = start
            while True:
                if close in ('"', "”"):
                    found = _DOUBLE_CLOSE.search(text, j, limit)
                    j = found.start() if found else -1
                else:
                    j = text.find(close, j, limit)
                if j == -1 or close != "’" or j + 1 >= n or not text[j + 1].isalpha():
                    break
                j += 1
            if j == -1:
                if close == "’":
                    i += 1
                    continue
                end, nxt = limit, limit
            else:
                end, nxt = j, j + len(close)
            a, b = start, end
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if any(c.isalpha() for c in text[a:b]):
                spans.append((a, b))
            i = nxt
        for a, b in spans:
            span = ctx.doc.char_span(a, b, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            q = Quote(span.start, span.end, a, b)
            q.embedded = self._embedded(q)
            idx = len(ctx.quotes)
            ctx.quotes.append(q)
            for t in range(span.start, span.end):
                ctx.quote_of[t] = idx

    def _embedded(self, q: Quote) -> bool:
        """A few quoted words inside a clause, not a statement of their own: scare quotes,
        titles (three words or fewer, no verb, not a sentence of their own)."""
        doc = self.ctx.doc
        words = [t for t in doc[q.start : q.end] if not (t.is_punct or t.is_space)]
        if len(words) > 3 or any(t.pos_ in ("VERB", "AUX") for t in words):
            return False
        k = self.ctx.sent_of[q.start]
        sent = self.ctx.sents[k]
        outside = [
            t for t in sent if not (q.start <= t.i < q.end) and not (t.is_punct or t.is_space)
        ]
        return len(outside) > 2

    def attribute_quotes(self) -> None:
        ctx = self.ctx
        by_verb: dict[int, list[Quote]] = {}
        prev: Quote | None = None
        for q in ctx.quotes:
            if self._quoted_label(q.start):
                prev = q  # '"PENCE: Well, …': a transcript's turn, the label's (see labelled)
                continue
            v = self._speech_verb(q)
            conf = 0.9
            if q.embedded and (v is None or not (self._names_it(q, v) or self._tagged(q, v))):
                continue  # scare quotes, a title, a quoted modifier ("a “three-phase” plan")
            if v is not None and self._in_clause_of(q, v):
                continue  # quoted words of a reported clause: the clause is the statement
            if v is not None and (self._negated(v) or ctx.irrealis(v)):
                prev = q  # "Okafor never said that “…”", "if he said “…”": nobody's words
                continue
            if v is not None:
                q.verb = v
                subs = (
                    self._quoted_subjects(v)
                    or ctx.resolve.subjects(v)
                    or self._inverted_subject(q, v)
                )
                rs = self._speakers(subs)  # "“…,” the statement said" too
                src = None if q.embedded else self._unnamed(subs, rs)
                if src is not None:  # "“…,” a senior official said"
                    q.speaker, q.principal, conf = src.actor, src.principal, src.confidence
                elif rs:
                    r = rs[0]
                    q.speaker = r.actor
                    if r.via == "pronoun":
                        conf = 0.8
                    if r.anonymous:
                        q.principal = r.actor
                        prev = q
                        continue
            elif (signed := self._signed(q)) is not None:
                q.speaker, conf = signed, 0.75  # "“…” — Jane Doe, Amman"
            elif (
                prev is not None
                and prev.speaker
                and ctx.sent_of[q.start] - ctx.sent_of[prev.end - 1] <= 1
                and not self._other_speaker_between(prev, q)
            ):
                q.speaker, q.principal = prev.speaker, prev.principal
                conf = 0.75
                if self.sources is not None and self.sources.is_unnamed(prev.speaker):
                    conf = self.sources.cues.confidence
                if prev.statement is None:  # the previous one was anonymous
                    prev = q
                    continue
            if q.speaker is None:
                prev = q
                continue
            sf = ctx.principal.get(q.speaker)
            q.principal = q.principal or (sf.target if sf else None)
            if v is not None and v.i in by_verb and ctx.sent_of[v.i] == ctx.sent_of[q.start]:
                self._extend_statement(by_verb[v.i][0], q)  # split quote: one statement
                prev = q
                continue
            if v is not None:
                by_verb.setdefault(v.i, []).append(q)
            text = ctx.text[q.char_start : q.char_end]
            q.statement = ctx.out.statement(
                q.speaker, text, True, q.principal, q.start, q.end, conf
            )
            prev = q

    def _tagged(self, q: Quote, v: Token) -> bool:
        """Whether a few quoted words are a sentence of their own that a tag after them
        attributes ("“The bullying,” Fox's Chris Wallace said", "“Never?” she asked"): the
        quote opens its sentence and ends in a comma, a question or an exclamation mark
        inside its marks, and the tag's verb follows it. Scare quotes and titles inside a
        clause ("the so-called “peace plan,” which …") do not open the sentence."""
        ctx = self.ctx
        sent = ctx.sents[ctx.sent_of[q.start]]
        before = ctx.doc[sent.start : q.start]
        if v.i < q.end or any(not (t.is_punct or t.is_space) for t in before):
            return False
        return ctx.text[q.char_start : q.char_end].rstrip()[-1:] in (",", "?", "!")

    def _inverted_subject(self, q: Quote, v: Token) -> list[Token]:
        """The speaker of a tag set after its quote with the verb first ("“…,” said Oversight
        ranking Democrat Elijah Cummings (D-Md.)", "''…,'' said Robert Reich, who served as
        labor secretary …"), where the parser hung the name elsewhere (the object of a
        participle it read in the title, the subject of the relative clause after it): the
        first name after the verb, before any comma, clause or sentence end. Nothing where
        anything but the quote's closing marks lies between the quote and the verb, or where
        a word of the tag before the name is a finite verb ("“…,” said the envoy who met X")."""
        ctx = self.ctx
        doc = ctx.doc
        if v.i < q.end or any(not (t.is_punct or t.is_space) for t in doc[q.end : v.i]):
            return []
        sent_end = ctx.sents[ctx.sent_of[v.i]].end
        for t in doc[v.i + 1 : min(v.i + 9, sent_end)]:
            m = ctx.men[t.i]
            if m is not None and m.start == t.i and m.kind == "name" and not m.place:
                return [doc[m.end - 1]]
            if t.is_punct or t.tag_ in ("VBD", "VBZ", "VBP", "MD") or ctx.quote_of[t.i] >= 0:
                return []
        return []

    def _quoted_label(self, i: int) -> bool | None:
        """At token ``i``, a transcript's label that opens a quote ('"WALLACE: Let's start
        …'): True; a word inside a quote that is no such label: False; outside quotes: None."""
        ctx = self.ctx
        k = ctx.quote_of[i]
        if k < 0:
            return None
        m = ctx.men[i]
        return (
            ctx.quotes[k].start == i
            and m is not None
            and m.start == i
            and m.label in ("LABEL", "ANSWER")
            and colon_after(ctx.doc, m.end) is not None
        )

    def _signed(self, q: Quote) -> str | None:
        """The person who signs a quote with a dash after it, on its line or below it ("“The
        mediators have done all they can.” — Jane Doe, Amman", "— Hamas official Osama
        Hamdan"), as readers' letters, pull quotes and epigraphs print them: the person named
        in the signature (before its first comma), else the body it names. Not a dash that
        goes on with the sentence ("“Peace now” — the slogan of ...", "— Sinwar said"). A
        plain hyphen signs only where it opens a line below the quote ("- Jane Doe")."""
        ctx = self.ctx
        doc, text = ctx.doc, ctx.text
        c = q.char_end  # by characters: the tokenizer may glue the dash to the mark ("”―")
        while c < len(text) and (text[c].isspace() or text[c] in "”\"’'"):
            c += 1
        lines = text.count("\n", q.char_end, c)
        dash = text[c : c + 1]
        hyphen = dash == "-" and lines > 0 and _word_after(text, c)  # "- Jane Doe" below it
        if lines > 2 or not (dash in _SIGNING_DASHES or hyphen):
            return None
        i = q.end
        while i < len(doc) and doc[i].idx <= c:
            i += 1
        found: list[str] = []
        signature: list[Token] = []
        for t in doc[i : i + 11]:
            if "\n" in t.text or t.text in (",", "(", ";") or t.is_space:
                break
            signature.append(t)
            if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                return None  # a clause of its own, not a signature
            m = ctx.men[t.i]
            if m is None or m.start != t.i or m.kind not in ("name", "metonym") or m.place:
                continue
            if m.start in ctx.outlet_at or name_key(m.text) in ctx.lex.outlets:
                return None  # "— Reuters": an agency's credit, nobody's words
            if m.kind == "metonym" and _dated(doc, m.end):
                return None  # "— Cairo, March 3": a dateline, not a speaker
            r = ctx.resolve.from_mention(m, doc[m.start : m.end].root, use=False)
            if r is not None:
                found.append(r.actor)
        people = [a for a in found if ctx.type_of(a) == "person"]
        if not people and (hyphen or not found):  # a plain hyphen signs with a person's name
            return self._named_before(signature, q.start)
        return (people or found)[-1 if people else 0]

    def _named_before(self, words: list[Token], before: int) -> str | None:
        """The person a signature of proper nouns alone names, as the text named them before
        the quote ("- Maris Sangiampongsa", "- Sanders" after "Senator Ana Sanders"), where the
        tagger found no name in the signature line itself."""
        ctx = self.ctx
        words = [t for t in words if not t.is_punct]
        if not words or any(t.pos_ != "PROPN" for t in words):
            return None
        key = name_key(" ".join(t.text for t in words))
        for m in reversed(ctx.mentions):
            if m.start >= before or m.kind != "name":
                continue
            known = name_key(m.text)
            if known != key and not known.endswith(" " + key):
                continue
            r = ctx.resolve.from_mention(m, ctx.doc[m.start : m.end].root, use=False)
            if r is not None and ctx.type_of(r.actor) == "person":
                return r.actor
        return None

    def reported_speech(self) -> None:
        """ "X said that ...", "X vowed to ...", "X affirmed its support for ...", "X described
        the talks as serious", "according to X, ...", "X's claim that ..."."""
        ctx = self.ctx
        lex = ctx.lex
        used = {q.verb.i for q in ctx.quotes if q.verb is not None}
        lows, lems = lowers(ctx.doc), lemmas(ctx.doc)
        cues = (
            lex.according
            | lex.speech_nouns
            | lex.speech_verbs
            | lex.carrier_verbs
            | {w.split()[0] for w in lex.speech_clause_verbs}
            | lex.speech_light_verbs
            | lex.speech_denial_verbs
            | {w.split()[0] for w in lex.speech_particle_verbs}
        )
        toks = tokens(ctx.doc)
        for i, lemma in enumerate(lems):
            if lemma not in cues and lows[i] not in cues:
                continue  # none of the words the cases below look for
            t = toks[i]
            low = t.lemma_.lower()
            if t.lower_ in lex.according and t.dep_ == "prep":
                self._according(t)
                continue
            if t.pos_ == "NOUN" and (low in lex.speech_nouns or t.lower_ in lex.speech_nouns):
                self._noun_attribution(t)
                continue
            if t.i not in used and (self._light(t) or self._act(t)):
                continue  # "expressed hope that …", "made it clear that …", "ruled out X"
            if not self._says(t) or t.pos_ != "VERB" or t.i in used:
                continue
            if ctx.quote_of[t.i] >= 0 or ctx.irrealis(t) or ctx.negated(t):
                continue
            if (t.dep_ in ("acl", "amod") and not finite_on_subject(t)) or (
                t.dep_ == "xcomp" and t.head.lemma_.lower() not in ("go", "continue")
            ):
                continue  # "guidelines to tell him the banks are too big": no speaker there
            if any(c.tag_ == "WP" and c.lower_ == "what" for c in t.children):
                continue  # "what he said was Hamas's response": no clause of his
            if low in lex.speech_clause_verbs and self._reported_within(t):
                continue  # "X said Georgia expects …": X's statement holds it
            span, conf = self._said(t)
            if not span:
                continue
            subs = self._quoted_subjects(t) or ctx.resolve.subjects(t)
            rs = self._speakers(subs)
            if not rs or rs[0].anonymous:
                src = self._unnamed(subs, rs)
                if src is not None:  # "officials said …", "critics argue …"
                    self._reported(src.actor, span, src.confidence, src.principal)
                continue
            r = rs[0]
            self._reported(r.actor, span, conf - (0.05 if r.via == "pronoun" else 0.0))
        self._introduced_blocks()

    def _light(self, v: Token) -> bool:
        """A light verb of saying and the clause of its noun or adjective ("expressed hope
        that …", "made it clear that …", :func:`.speech_forms.light_clause`): the subject's
        statement. Whether one was read."""
        if not self._asserted(v):
            return False
        span = light_clause(self.ctx, v)
        if len(span) < 3 or not any(_finite(x) for x in span):
            return False
        if self._all_quote(span) or self._crosses_quote(span):
            return False  # the quote is the statement
        return self._subjects_statement(v, span, 0.65)

    def _act(self, v: Token) -> bool:
        """A verb and particle of saying or a denial, and its object ("ruled out a ceasefire",
        "denied the existence of such claims", :func:`.speech_forms.said_act`): the subject's
        statement. Whether one was read."""
        if not self._asserted(v) or headline(self.ctx.text, v.idx):
            return False  # "Ethiopia rules out war with Eritrea": the body tells the act
        span = said_act(self.ctx, v)
        if len(span) < 3 or self._reported_within(v) or self._crosses_quote(span):
            return False
        return self._subjects_statement(v, span, 0.6)

    def _asserted(self, v: Token) -> bool:
        """A verb outside quotes, neither negated nor hypothetical."""
        ctx = self.ctx
        return ctx.quote_of[v.i] < 0 and not ctx.irrealis(v) and not ctx.negated(v)

    def _subjects_statement(self, v: Token, span: list[Token], confidence: float) -> bool:
        """The words ``span`` as the statement of the actor the verb's subject names (less
        sure through a pronoun). Whether there was one."""
        rs = self.ctx.resolve.subject_actors(v)
        if not rs or rs[0].anonymous:
            return False
        while span and span[-1].is_punct:
            span = span[:-1]
        self._reported(rs[0].actor, span, confidence - (0.05 if rs[0].via == "pronoun" else 0.0))
        return True

    def _quoted_subjects(self, v: Token) -> list[Token]:
        """The one a verb of quoting names ("X was quoted as saying …", "TASS quoted X as
        saying …"), as the subject of the verb of saying under its "as"."""
        s = quoted_speaker(self.ctx, v)
        return [s] if s is not None else []

    def _introduced_blocks(self) -> None:
        """ "Caddell continued:" or "In a statement, the governor added:" at the end of a
        paragraph, and the words in the next paragraph: a block quotation the colon
        introduces, quoted or set off without marks. The next paragraph is the speaker's
        statement (a quote when it opens with a quotation mark), unless a quote in it already
        has a speaker. The verb is one of saying, or a verb whose object is a speech noun
        ("made the following comment:", "issued a statement:")."""
        ctx = self.ctx
        doc, text = ctx.doc, ctx.text
        wrapped = hard_wrapped(text)
        lows = lowers(doc)
        for colon in tokens(doc):  # one pass over the shared token list
            if lows[colon.i] != ":" or ctx.quote_of[colon.i] >= 0:
                continue
            end = paragraph_end(text, colon.idx, wrapped)
            if text[colon.idx + 1 : end].strip() or end >= len(text):
                continue  # "said: the talks …" on its own line is the sentence's own clause
            v = ctx.sents[ctx.sent_of[colon.i]].root
            if not self._introduces(v) or ctx.irrealis(v) or ctx.negated(v):
                continue
            rs = ctx.resolve.subject_actors(v)
            if not rs or rs[0].anonymous:
                continue
            first = next((t for t in doc[colon.i + 1 :] if not t.is_space), None)
            if first is None:
                continue
            block = doc.char_span(
                first.idx, paragraph_end(text, first.idx, wrapped), alignment_mode="contract"
            )
            if block is None or len(block) < 3:
                continue
            quoted = [ctx.quotes[k] for k in {ctx.quote_of[t.i] for t in block} if k >= 0]
            if any(q.statement is not None for q in quoted):
                continue
            toks = [t for t in block]
            while toks and (toks[-1].is_punct or toks[-1].is_space):
                toks = toks[:-1]
            if len(toks) < 3:
                continue
            r = rs[0]
            sf = ctx.principal.get(r.actor)
            principal = sf.target if sf else None
            said = text[toks[0].idx : toks[-1].idx + len(toks[-1])].strip('“”"‘’ ')
            a, b = toks[0].i, toks[-1].i + 1
            if len(quoted) == 1 and quoted[0].start <= a + 1 and quoted[0].end >= b - 1:
                q = quoted[0]  # the paragraph is one quote: its words as printed
                said, a, b = text[q.char_start : q.char_end], q.start, q.end
            conf = 0.6 if r.via != "pronoun" else 0.55
            sid = ctx.out.statement(r.actor, said, bool(quoted), principal, a, b, conf)
            for q in quoted:
                q.speaker, q.principal, q.statement = r.actor, principal, sid

    def _introduces(self, v: Token) -> bool:
        """Whether the root of a sentence ending in a colon introduces words that follow: a
        verb of saying ("added:"), or one whose object is a speech noun ("made the following
        comment:")."""
        ctx = self.ctx
        lex = ctx.lex
        if v.pos_ != "VERB" or v.tag_ == "VBG":
            return False
        said = lex.speech_nouns | lex.carriers
        objs = [c for c in v.children if c.dep_ == "dobj"]
        if any(c.lemma_.lower() in said for c in objs):
            return True
        said_to = next(  # "She went on to say:", "He was quick to add:"
            (c for c in v.children if c.dep_ == "xcomp" and _infinitive(c) and self._says(c)),
            None,
        )
        if said_to is not None and not ctx.negated(said_to):
            return self._hearers_only(said_to)
        return v.lemma_.lower() in lex.speech_verbs and self._hearers_only(v)

    def _hearers_only(self, v: Token) -> bool:
        """Whether a verb of saying's objects, if any, are only whom it was said to: "told
        reporters:", "told CNN:", "told them:" name the hearer; "added two new members:",
        "noted three changes:" or "said nothing more" name things, not words."""
        ctx = self.ctx
        return all(
            ctx.men[c.i] is not None
            or c.pos_ in ("PRON", "PROPN")
            or c.lemma_.lower() in ctx.lex.journalists
            for c in v.children
            if c.dep_ == "dobj"
        )

    def _said(self, t: Token) -> tuple[list[Token], float]:
        """What a verb of saying reports: its clause, its infinitive ("vowed to ..."), its
        object ("affirmed its support for ..."), or its object and "as" phrase ("described the
        talks as serious"); with the confidence of that reading."""
        ctx = self.ctx
        lex = ctx.lex
        low = t.lemma_.lower()
        kids = list(t.children)
        comp = self._reported_clause(t)
        span: list[Token] = []
        conf = 0.7
        if comp is not None and (low not in lex.quote_only or _marked_that(comp)):
            # a verb that otherwise attributes only quotes reports its own "that" clause
            # ("demanded that the zones be demilitarized", "pointed out that …")
            if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in comp.children):
                return [], 0.0
            span = list(comp.subtree)
            if not any(_finite(x) for x in span):  # "noting the truce declared last week":
                span = []  # a noun and its participle, no clause of what was said
        elif low in lex.speech_xcomp_verbs:
            xc = next((c for c in kids if c.dep_ == "xcomp"), None)
            if xc is not None and any(g.lower_ == "to" for g in xc.children):
                span, conf = list(xc.subtree), 0.65
        elif low in lex.speech_as_verbs:
            obj = next((c for c in kids if c.dep_ == "dobj"), None)
            as_ = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "as"), None)
            if obj is not None and as_ is not None:
                span, conf = sorted([*obj.subtree, *as_.subtree], key=lambda x: x.i), 0.6
        if not span and low in lex.directive_verbs:
            span, conf = self._directive(t), 0.65
        if not span and comp is None:
            span = self._clause_on_carrier(t) or self._misparsed_clause(t) or self._host_clause(t)
        if not span and low in lex.speech_object_verbs and not self._saying_participle(t):
            obj = next((c for c in kids if c.dep_ == "dobj"), None)
            if obj is not None and ctx.men[obj.i] is None:
                span, conf = list(obj.subtree), 0.6
        if not span and low in lex.of_verbs:
            span, conf = self._said_of(t), 0.6
        if not span and low in lex.naming_verbs:
            named = self._name_given(t)
            if named and not self._all_quote(named) and not self._crosses_quote(named):
                return named, 0.6  # "calling it illegitimate": one word may be all of it
        if len(span) < 3 or self._all_quote(span) or self._crosses_quote(span):
            return [], 0.0  # the quote is the statement
        ids = {x.i for x in span}
        top = next((x.i for x in span if x.head.i not in ids or x.head.i == x.i), -1)
        while span and (span[0].is_punct or (span[0].dep_ == "mark" and span[0].head.i == top)):
            span = span[1:]  # the clause's own "that", not the "if" of a clause inside it
        while span and span[-1].is_punct:
            span = span[:-1]
        return span, conf

    def _saying_participle(self, v: Token) -> Token | None:
        """A participle of saying after a comma on ``v`` that reports words of its own
        ("emphasised the importance of the plan, stating, “…”"): a clause or a quote under
        it."""
        for c in v.children:
            if c.dep_ != "advcl" or c.tag_ != "VBG" or c.i <= v.i or not self._says(c):
                continue
            if self.ctx.doc[c.i - 1].text != ",":
                continue
            if any(g.dep_ == "ccomp" for g in c.children) or any(
                self.ctx.quote_of[x.i] >= 0 for x in c.subtree
            ):
                return c
        return None

    def _reported_clause(self, v: Token) -> Token | None:
        """The clause a verb of saying reports: of its clauses, the first after it ("In a
        statement released after the senator suspended his campaign, Cruz said he's certain
        …", where the parser hung the fronted "suspended" on "said" too), else the first before
        it; never another speaker's tag (:meth:`_tag_clause`)."""
        comps = [c for c in v.children if c.dep_ == "ccomp" and not self._tag_clause(c, v)]
        return next((c for c in comps if c.i > v.i), comps[0] if comps else None)

    def _tag_clause(self, comp: Token, v: Token) -> bool:
        """Whether a clause the parser hung on a verb of saying, before it, is a quote's tag
        of its own ("“His demeanor is grumpy,” she said, but “I think he will do it,” said
        Kunin": "she said" is no part of what Kunin said): a verb of saying with its own
        subject and a quote in its words."""
        ctx = self.ctx
        return (
            comp.i < v.i
            and comp.pos_ == "VERB"
            and self._says(comp)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in comp.children)
            and any(ctx.quote_of[x.i] >= 0 for x in comp.subtree)
        )

    def _directive(self, t: Token) -> list[Token]:
        """What a verb of asking asks (lexicon ``directive_verbs``): its addressee and the act
        ("urged Nhongo to join the talks", "called on the army to withdraw", "appealed to
        donors to fund the camps"), or what it asks for ("called for a truce", "appealed for
        calm"). Nothing where the one asked is the subject ("was urged to ...") or nothing is
        asked ("called the minister on Friday", "asked about the talks"), or the call is part
        of what another verb of saying reports ("X said Oslo regretted it and called on the
        rebels to ...": X's statement holds it)."""
        lex = self.ctx.lex
        kids = list(t.children)
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) or self._reported_within(t):
            return []
        addressee = next((c for c in kids if c.dep_ == "dobj"), None)
        for c in kids:
            if addressee is None and c.dep_ == "prep" and c.lower_ in lex.addressee_preps:
                addressee = next((g for g in c.children if g.dep_ == "pobj"), None)
        if addressee is not None:
            act = next((c for c in (*kids, *addressee.children) if _infinitive(c)), None)
            if act is not None:
                return sorted({*addressee.subtree, *act.subtree}, key=lambda x: x.i)
        asked = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "for"), None)
        thing = next((g for g in asked.children if g.dep_ == "pobj"), None) if asked else None
        return list(thing.subtree) if thing is not None else []

    def _said_of(self, t: Token) -> list[Token]:
        """What a verb of saying reports through "of" (lexicon ``speech.of_verbs``): its
        object and the "of" phrase ("accused Ethiopia of violating its sovereignty",
        "warned of a catastrophe in Rafah"). Not a passive's ("was accused of"), nor one
        inside another verb's reported clause (that verb's statement holds it)."""
        kids = list(t.children)
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        of = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "of" and c.i > t.i), None)
        if of is None and obj is not None:  # "accuses [the commanders of running …]": an
            of = next(  # act the parser hung on the object (not "the leader of the rebels")
                (c for c in obj.children if c.lower_ == "of" and _has_dep(c, "pcomp")), None
            )
            obj = None if of is None else obj
        if of is None or not any(g.dep_ in ("pobj", "pcomp") for g in of.children):
            return []
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) or self._reported_within(t):
            return []
        if obj is not None and obj.i > of.i:
            obj = None
        if obj is None:  # "warned of a catastrophe": the thing warned of
            return [x for x in of.subtree if x.i != of.i]
        return sorted({*obj.subtree, *of.subtree}, key=lambda x: x.i)

    def _name_given(self, t: Token) -> list[Token]:
        """What a verb of naming calls its object ("called the offer an insult", "calling it
        illegitimate", "branded the talks a farce"): the object's predicate. Not a proper
        name ("called him Abu Ali"), an idiom of the lexicon ("called it a day"), the
        subject of a passive ("was called a traitor": who called it is not said), or a name
        given in the clause another verb of saying reports (that verb's statement holds
        it)."""
        lex = self.ctx.lex
        kids = list(t.children)
        objs = [c for c in kids if c.dep_ == "dobj"]
        if not objs or any(c.dep_ in ("nsubjpass", "auxpass") for c in kids):
            return []
        if self._reported_within(t):
            return []
        named, inner = objs[0], set()  # what is named, and words of it the predicate holds
        pred = next((c for c in kids if c.dep_ == "oprd"), None)
        if pred is None and len(objs) == 2:  # "branded the proposal a trap": two objects
            pred = objs[1]
        elif pred is None:
            small = next((c for c in named.children if c.dep_ == "nsubj" and c.i < named.i), None)
            if small is not None:  # "branded [the plan a trap]": a small clause
                named, pred, inner = small, objs[0], {x.i for x in small.subtree}
            else:
                pred = _hung_predicate(named)
        if pred is None or named.i >= pred.i or pred.pos_ not in ("ADJ", "NOUN"):
            return []  # not a name ("called its negotiators home"), nor a proper name
        if pred.pos_ == "ADJ":  # "termed the round in Muscat constructive": not "Muscat"
            span = sorted(
                [pred, *(c for c in pred.children if c.dep_ == "advmod")], key=lambda x: x.i
            )
        else:
            span = [x for x in pred.subtree if x.i not in inner]
        while span and span[-1].is_punct:
            span = span[:-1]
        if phrase_text(span).lower() in lex.naming_idioms:
            return []
        return span

    def _reported_within(self, t: Token) -> bool:
        """Whether a token lies in the clause of a verb of saying above it."""
        lex = self.ctx.lex
        child = t
        for a in t.ancestors:
            if child.dep_ == "ccomp" and a.lemma_.lower() in lex.speech_verbs:
                return True
            child = a
        return False

    def _misparsed_clause(self, t: Token) -> list[Token]:
        """ "He said legalizing it could put thousands to work": a clause the parser did not
        hang on "said" as its object, but right after it, with a finite verb in it."""
        if t.lemma_.lower() not in ("say", "tell", "add", "write", "report", "claim", "argue"):
            return []
        for c in t.children:
            if c.i <= t.i or c.dep_ not in ("xcomp", "advcl", "dobj", "npadvmod"):
                continue
            if any(g.dep_ == "mark" for g in c.children):
                return []  # "said when he arrived"
            rel = next((g for g in c.children if g.dep_ in ("relcl", "acl")), None)
            if c.dep_ == "dobj" and rel is not None and rel.left_edge.lower_ == "that":
                # "told a press briefing that the sides had agreed": the clause, not the
                # audience it was told to
                return [x for x in rel.subtree if x.i != rel.left_edge.i]
            if any(x.tag_ in ("VBD", "VBZ", "VBP", "MD") for x in c.subtree if x.i != t.i):
                return list(c.subtree)
            return []
        return []

    def _host_clause(self, t: Token) -> list[Token]:
        """ "The museum, Mr. Obama said, would make visitors face hard truths", "That is why,
        he argued, the party should be prepared": an attribution set into the clause it
        reports (the parser hangs it on that clause as a parenthetical)."""
        host = t.head
        if t.dep_ != "parataxis" or host.pos_ not in ("VERB", "AUX"):
            return []
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in host.children):
            return []  # a fragment, not a clause
        inner = {x.i for x in t.subtree}
        return [x for x in host.subtree if x.i not in inner]

    def _clause_on_carrier(self, t: Token) -> list[Token]:
        """ "noted in a statement that the talks had made progress": the parser hung the
        clause on the statement."""
        lex = self.ctx.lex
        for c in t.children:
            if c.dep_ != "prep" or c.lower_ not in ("in", "on", "via", "through"):
                continue
            for n in c.children:
                if n.lemma_.lower() in lex.speech_media:
                    media = self._clause_on_medium(n)
                    if media:
                        return media
                if n.lemma_.lower() not in lex.carriers | lex.speech_nouns:
                    continue
                clause = next(
                    (
                        g
                        for g in n.children
                        if g.dep_ in ("acl", "ccomp", "relcl")
                        and any(x.dep_ == "mark" and x.lower_ == "that" for x in g.children)
                    ),
                    None,
                )
                if clause is not None:
                    return list(clause.subtree)
        return []

    def _clause_on_medium(self, n: Token) -> list[Token]:
        """ "said on the “X” platform that the delegation arrived": the parser read the
        reported clause as a relative clause on the medium, its "that" as the clause's
        object. What was said is that clause without its "that", where the clause has a
        subject of its own and a finite verb ("the platform that he uses" has "that" as the
        object its verb needs, and is kept out where nothing follows the verb)."""
        for g in n.children:
            if g.dep_ not in ("relcl", "acl", "ccomp") or g.left_edge.lower_ != "that":
                continue
            that = g.left_edge
            subj = next((x for x in g.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.i == that.i or not _finite(g):
                continue
            if g.i == g.right_edge.i and that.dep_ == "dobj":
                continue  # "the account that she runs": the object its verb needs
            inner = next((c for c in g.children if c.dep_ == "ccomp" and _marked_that(c)), None)
            if inner is not None:  # "on the platform that he uses daily that …"
                return list(inner.subtree)
            return [x for x in g.subtree if x.i != that.i]
        return []

    def _noun_attribution(self, n: Token) -> None:
        """ "Netanyahu's claim that Hamas had rejected every proposal", "a warning by Egypt
        that ..."."""
        ctx = self.ctx
        clause = next(
            (
                c
                for c in n.children
                if c.dep_ in ("acl", "ccomp", "relcl")
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ),
            None,
        )
        if clause is None or ctx.quote_of[n.i] >= 0:
            return
        owner = None
        for c in n.children:
            if c.dep_ == "poss":
                owner = c
            elif c.dep_ == "prep" and c.lower_ in ("by", "from", "of") and owner is None:
                owner = next((g for g in c.children if g.dep_ == "pobj"), None)
        if owner is None:
            return
        rs = ctx.resolve.resolve_np(owner)
        if not rs or rs[0].anonymous:
            src = self.sources.speaker(owner, rs) if self.sources is not None else None
            if src is not None:  # "the officials' claim that …"
                span = self._noun_clause(clause)
                if span:
                    self._reported(src.actor, span, src.confidence, src.principal)
            return
        span = self._noun_clause(clause)
        if span:
            self._reported(rs[0].actor, span, 0.6)

    def _noun_clause(self, clause: Token) -> list[Token]:
        """The words of a noun's "that" clause, unless quoted or too short."""
        ctx = self.ctx
        span = [x for x in clause.subtree if not (x.dep_ == "mark" and x.head.i == clause.i)]
        if len(span) < 3 or self._crosses_quote(span):
            return []
        if any(ctx.quote_of[x.i] >= 0 and ctx.quotes[ctx.quote_of[x.i]].statement for x in span):
            return []  # the quote is the statement; unattributed quoted words stay inside the
            # clause ("Ruto's remarks that the talks were “almost done”")
        return span

    def labelled(self) -> None:
        """ "Hamdan: Israel is stalling the talks", "Qatar's prime minister: “We are close”":
        a speaker's name (with a few capitalized title words before it) that opens a sentence
        and is followed by a colon, as headlines and transcripts write speech. The words after
        the colon, to the end of the paragraph, are the statement when they hold a finite verb
        or a quote. Places ("Gaza: strikes kill 20"), states, unnamed speakers, a topic heading
        ("Hamas: a timeline", "Hezbollah: what we know") are not speakers."""
        ctx = self.ctx
        doc = ctx.doc
        wrapped = hard_wrapped(ctx.text)
        for m in ctx.mentions:
            c = colon_after(doc, m.end)  # "Hamdan:", "KYAW SOE WIN (recorded):"
            if c is None or c >= len(doc) - 3 or m.place or self._quoted_label(m.start) is False:
                continue
            sent = ctx.sents[ctx.sent_of[m.start]]
            lead = [t for t in doc[sent.start : m.start] if not (t.is_punct or t.is_space)]
            if (
                len(lead) > 5
                or any(  # "Hezbollah chief Hassan Nasrallah:"
                    not t.text[:1].isupper() and t.tag_ != "POS" and ctx.title_at[t.i] is None
                    for t in lead
                )
            ):
                continue
            root = doc[m.start : m.end].root
            r = self.ctx.resolve.from_mention(m, root, use=False)
            if r is None or ctx.type_of(r.actor) == "state" or m.kind not in ("name", "metonym"):
                continue
            if r.actor in ctx.journalists or INTERVIEWER.fullmatch(m.text + ":"):
                continue  # the presenter's or correspondent's lines in a transcript, "Q:"
            first = doc[c + 1]
            if first.lower_ in _HEADING_WORDS:
                continue
            end_char = paragraph_end(ctx.text, first.idx, wrapped)
            span = doc.char_span(first.idx, end_char, alignment_mode="contract")
            if span is None or len(span) < 3:
                continue
            quoted = [ctx.quotes[q] for q in {ctx.quote_of[t.i] for t in span} if q >= 0]
            if any(q.statement is not None for q in quoted):
                continue  # a quote attributed by a verb of its own
            finite = any(  # a clause of its own, not a relative one ("the group that rules");
                # a clause the parser hung on the label itself is the turn's own
                t.tag_ in ("VBD", "VBZ", "VBP", "MD")
                and ctx.quote_of[t.i] < 0
                and not any(
                    x.dep_ in ("relcl", "acl", "advcl") and x.head.i >= span.start
                    for x in (t, *t.ancestors)
                )
                for t in span
            )
            if not finite and not quoted:
                continue
            toks = list(span)
            while toks and toks[-1].is_punct:
                toks = toks[:-1]
            if len(toks) < 3:
                continue
            self.ctx.resolve.from_mention(m, root)  # counted as the document's actor now
            sf = ctx.principal.get(r.actor)
            principal = sf.target if sf else None
            text = ctx.text[toks[0].idx : toks[-1].idx + len(toks[-1])]
            sid = ctx.out.statement(
                r.actor,
                text.strip('“”"‘’ '),
                bool(quoted) or m.label == "ANSWER",  # a transcript's answer is verbatim
                principal,
                toks[0].i,
                toks[-1].i + 1,
                0.6,
            )
            for q in quoted:
                q.speaker, q.principal, q.statement = r.actor, principal, sid
            if not quoted and m.label == "ANSWER":  # an interview's answer speaks like a
                self._turn_as_quote(toks, r.actor, principal, sid)  # quote: "we" is the side
        self._merge_nested()

    def _turn_as_quote(
        self, toks: list[Token], speaker: str, principal: str | None, sid: str
    ) -> None:
        """ "A: We demand that the airport be reopened": the interviewee's words, so that "we"
        and "our" in them are the interviewee's side, as in a quote. (A turn opened by a name,
        "Amum: That offer we have turned down", is left as it was: measured on the dev sets,
        its "we" moved the inferred parties of talks whose other side the text only
        describes.)"""
        ctx = self.ctx
        end = toks[-1]
        q = Quote(toks[0].i, end.i + 1, toks[0].idx, end.idx + len(end), None, speaker, principal)
        q.statement = sid
        ctx.quotes.append(q)
        for t in toks:
            ctx.quote_of[t.i] = len(ctx.quotes) - 1

    def _merge_nested(self) -> None:
        """A quote that lies inside a reported clause of the same speaker ("the movement said
        any settlement must recognise the “right of the Patani people to …”") is part of
        that one statement, however the two were found."""
        ctx = self.ctx
        out = ctx.out
        spans = list(out.stmt_spans)
        parts: dict[str, list[tuple[int, int]]] = {}
        for a, b, sid in spans:
            parts.setdefault(sid, []).append((a, b))
        for sid, pieces in parts.items():
            rec = out.get_statement(sid)
            if rec is None or not rec["quote"]:
                continue
            a, b = min(p[0] for p in pieces), max(p[1] for p in pieces)  # a split quote: all
            for a2, b2, sid2 in spans:
                rec2 = out.get_statement(sid2)
                if (
                    sid2 == sid
                    or rec2 is None
                    or rec2["quote"]
                    or rec2["speaker"] != rec["speaker"]
                    or not (a2 <= a and b <= b2 + 1)
                ):
                    continue
                out.absorb(sid, sid2)
                for q in ctx.quotes:
                    if q.statement == sid:
                        q.statement = sid2
                break

    # ------------------------------------------------------------------ helpers
    def _says(self, v: Token) -> bool:
        """Whether a word is a verb of saying: one of the lexicon's, or a verb that says
        only of a carrier ("the statement read": lexicon ``carrier_verbs``)."""
        lex = self.ctx.lex
        low = v.lemma_.lower()
        if low in lex.speech_verbs or low in lex.speech_clause_verbs:
            return True
        if any(  # "went on: “…”", "“…,” she hit back" (a particle, or read as an adverb)
            c.dep_ in ("prt", "advmod")
            and c.i == v.i + 1
            and f"{low} {c.lower_}" in lex.speech_clause_verbs
            for c in v.children
        ):
            return True
        if low not in lex.carrier_verbs:
            return False
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        return subj is not None and subj.lemma_.lower() in lex.carriers

    def _negated(self, v: Token) -> bool:
        """Whether a verb of saying is negated, not counting a negation the parser hung on
        it from inside a quote ("“Are we there? Probably not,” she said": her answer, not a
        denial that she spoke)."""
        ctx = self.ctx
        negs = [c for c in v.children if c.dep_ == "neg" or c.lower_ in ("never", "no")]
        if negs and all(ctx.quote_of[c.i] >= 0 for c in negs):
            return False
        return ctx.negated(v)

    def _speakers(self, subjects: list[Token]) -> list[Resolved]:
        """The actors the subjects of a verb of saying name: "it" right after a statement
        was a source, its issuer (:meth:`_statement_pronoun`); else as the resolver reads
        them; else who speaks through the carrier noun that is the subject."""
        ctx = self.ctx
        s = subjects[0] if subjects else None
        if s is not None and s.pos_ == "PRON":
            issuer = self._statement_pronoun(s)
            if issuer is not None:
                ctx.use(issuer, s.i)
                return [Resolved(issuer, via="pronoun")]
        rs = [r for x in subjects for r in ctx.resolve.resolve_np(x)]
        return rs or self._carrier_speaker(subjects)

    def _carrier_speaker(self, subjects: list[Token]) -> list[Resolved]:
        """Who speaks through a statement that is a verb of saying's subject and names
        nobody itself: the person or body its possessive pronoun stands for ("Her statement
        said ..."), else whoever issued or owned "the statement" just before ("He read out
        a joint statement. “…,” the statement said"; see
        :meth:`~.coref.Resolver.statement_issuer`). "The Hamas statement", "the movement's
        statement" the resolver names already."""
        ctx = self.ctx
        s = subjects[0] if subjects else None
        if s is None or s.pos_ != "NOUN" or s.lemma_.lower() not in ctx.lex.carriers:
            return []
        poss = next((c for c in s.children if c.dep_ == "poss"), None)
        if poss is not None:
            return ctx.resolve.resolve_np(poss) if poss.pos_ == "PRON" else []
        issuer = ctx.resolve.statement_issuer(s) or self._carried_before(s)
        if issuer is None:
            return []
        ctx.use(issuer, s.i)
        return [Resolved(issuer, via="organ")]

    def _carried_before(self, s: Token) -> str | None:
        """Who speaks through "the (joint) statement" a verb of saying has as its subject,
        where the statement it points back to is farther than the resolver looks or was
        itself a channel: the issuer of the nearest carrier noun (statement, communique, …)
        in its sentence or the five before (:meth:`_carrier_issuer`: "said X in a joint
        statement … “…,” said the joint statement", "according to a statement issued by the
        facilitator … The statement said"). Only "the" or "this" and adjectives before the
        noun ("the Hamas statement" the resolver names)."""
        ctx = self.ctx
        mods = [c for c in s.children if c.dep_ in ("det", "poss", "amod", "compound", "nmod")]
        if not mods or any(
            c.dep_ != "amod" and c.lower_ not in ("the", "this", "that") for c in mods
        ):
            return None
        if not any(c.dep_ == "det" for c in mods):
            return None
        x = self._carrier_before(s, ctx.sent_of[s.i] - 5)
        return self._carrier_issuer(x) if x is not None else None

    def _carrier_before(self, t: Token, first: int) -> Token | None:
        """The nearest carrier noun before ``t``, outside quotes, from sentence ``first``."""
        ctx = self.ctx
        toks = tokens(ctx.doc)
        start = ctx.sents[max(0, first)].start
        carriers = ctx.lex.carriers
        for x in reversed(toks[start : t.i]):
            if x.pos_ == "NOUN" and x.lemma_.lower() in carriers and ctx.quote_of[x.i] < 0:
                return x
        return None

    def _carrier_issuer(self, x: Token) -> str | None:
        """Who a statement (communique, letter) speaks for, from how its sentence names it:
        its owner ("Malaysia's statement"), the one it is "from" or "issued by", the subject
        of the verb of saying it is the means of ("said X in a joint statement": the first
        of them) or of the verb that issued it ("X issued a statement"), and, where it is
        itself the subject of a verb of saying ("the statement said"), whoever the carrier
        before it stands for. An outlet's report is nobody's statement."""
        ctx = self.ctx
        lex = ctx.lex
        found: str | None = ctx.owner_of(x)
        if found is None:
            found = self._issued_by(x)
        head = x.head
        if found is None and x.dep_ == "pobj" and head.lower_ in ("in", "through", "via"):
            verb = head.head
            if verb.pos_ == "VERB" and self._says(verb):
                rs = ctx.resolve.subject_actors(verb)
                found = rs[0].actor if rs and not rs[0].anonymous else None
        if found is None and x.dep_ == "dobj" and head.lemma_.lower() in lex.issuing_verbs:
            rs = ctx.resolve.subject_actors(head)
            found = rs[0].actor if rs and not rs[0].anonymous else None
        if found is None and x.dep_ in ("nsubj", "nsubjpass") and self._issues(head):
            found = self._issued_by(head)  # "the statement was issued by X"
        if (
            found is None
            and x.dep_ in ("nsubj", "nsubjpass")
            and (self._says(head) or self._issues(head))
        ):
            found = self._carried_before(x)  # "the statement said", "… was issued after"
        if found is None or found in ctx.outlets:
            return None
        return found

    def _plain_carrier(self, x: Token) -> bool:
        """A carrier noun with its article or owner and no name after it ("a statement",
        "the joint communique", "its statement"), not a description of a named outlet or
        account ("news website Walla", "Israeli news website Walla" with no article)."""
        doc = self.ctx.doc
        return (
            x.pos_ == "NOUN"
            and x.lemma_.lower() in self.ctx.lex.carriers
            and any(c.dep_ in ("det", "poss") for c in x.children)
            and not (x.i + 1 < len(doc) and doc[x.i + 1].pos_ == "PROPN")
        )

    def _outlet(self, t: Token) -> bool:
        """A name of an outlet the lexicon lists or the text has reporting ("a report by
        Reuters"): a messenger, whose report is nobody's statement."""
        ctx = self.ctx
        m = ctx.men[t.i]
        return m is not None and (m.start in ctx.outlet_at or name_key(m.text) in ctx.lex.outlets)

    def _issues(self, v: Token) -> bool:
        """A verb that issues a carrier, in the passive ("the statement was issued")."""
        return v.lemma_.lower() in self.ctx.lex.issuing_verbs and any(
            c.dep_ in ("auxpass", "nsubjpass") for c in v.children
        )

    def _issued_by(self, x: Token) -> str | None:
        """The one actor after "from" or "by" with a carrier noun, or after the "by" of the
        participle that issued it ("a statement from Qatar", "a statement issued by the
        Malaysian facilitator")."""
        ctx = self.ctx
        preps = [
            c for c in x.children if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")
        ]
        for acl in x.children:
            if acl.dep_ == "acl" and acl.lemma_.lower() in ctx.lex.issuing_verbs:
                preps += [
                    c for c in acl.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                ]
        for p in preps:
            obj = next((g for g in p.children if g.dep_ == "pobj"), None)
            if obj is None or self._outlet(obj):
                continue
            with ctx.quietly():
                rs = ctx.resolve.resolve_np(obj, pronouns=False)
            if rs and not rs[0].anonymous:
                return rs[0].actor
        return None

    def _statement_pronoun(self, s: Token) -> str | None:
        """Who "it" speaks for as the subject of a verb of saying right after a statement
        was the source of what was said ("…, according to a statement issued by the
        facilitator. It said …", "X said in a statement. …, it said."): the statement's
        issuer, found in the pronoun's sentence before it or the two before, through an
        earlier "it" of the same kind too. A statement that is only talked about ("the
        statement was issued at the end") is no source."""
        if s.lower_ != "it" or s.dep_ not in ("nsubj", "nsubjpass") or not self._says(s.head):
            return None
        if s.i not in self._pronoun_issuers:
            self._pronoun_issuers[s.i] = self._issuer_before(s)
        return self._pronoun_issuers[s.i]

    def _issuer_before(self, s: Token) -> str | None:
        """The issuer of the nearest source carrier before "it" (:meth:`_statement_pronoun`)."""
        ctx = self.ctx
        k = ctx.sent_of[s.i]
        toks = tokens(ctx.doc)
        for kk in range(k, max(-1, k - 3), -1):
            sent = ctx.sents[kk]
            for x in reversed(toks[sent.start : s.i if kk == k else sent.end]):
                if ctx.quote_of[x.i] >= 0:
                    continue
                if x.pos_ == "NOUN" and x.lemma_.lower() in ctx.lex.carriers:
                    if self._plain_carrier(x) and self._source_carrier(x):
                        return self._carrier_issuer(x)
                elif x.lower_ == "it" and x.pos_ == "PRON":
                    issuer = self._statement_pronoun(x)
                    if issuer is not None:
                        return issuer
        return None

    def _source_carrier(self, x: Token) -> bool:
        """A carrier noun that is the source of what its sentence says: after "according
        to", the means of a verb of saying ("said in a statement"), the subject of one ("the
        statement said"), or the object of a verb that issued it ("issued a statement")."""
        head = self.ctx.lex
        h = x.head
        if x.dep_ == "pobj" and h.lower_ == "to" and h.head.lower_ in head.according:
            return True
        if x.dep_ == "pobj" and h.lower_ in ("in", "through", "via"):
            return h.head.pos_ == "VERB" and self._says(h.head)
        if x.dep_ in ("nsubj", "nsubjpass"):
            return self._says(h)
        return x.dep_ == "dobj" and h.lemma_.lower() in head.issuing_verbs

    def _unnamed(self, subjects: list[Token], rs: list[Resolved]) -> Source | None:
        """The unnamed source a verb of saying has as its subject, where its subject names
        no actor (see :mod:`.sources`)."""
        if self.sources is None or not subjects or (rs and not rs[0].anonymous):
            return None
        if not rs and subjects[0].pos_ == "PRON":
            return self.sources.pronoun(subjects[0])
        return self.sources.speaker(subjects[0], rs)

    def _reported(
        self, speaker: str, span: list[Token], confidence: float, principal: str | None = None
    ) -> None:
        """A statement in reported speech (not a quote), on behalf of whom the speaker
        speaks for (or ``principal``)."""
        if self.ctx.asked(span[0]):
            return
        if principal is None:
            sf = self.ctx.principal.get(speaker)
            principal = sf.target if sf else None
        if self._quoted_parts(speaker, span, principal, confidence):
            return
        self.ctx.out.statement(
            speaker,
            phrase_text(span),
            False,
            principal,
            span[0].i,
            span[-1].i + 1,
            confidence,
        )

    def _quoted_parts(
        self, speaker: str, span: list[Token], principal: str | None, confidence: float
    ) -> bool:
        """A reported clause that quotes the speaker twice or more ("said the North was “no
        longer interested” in talks that would “drive us into a corner”", "said the army
        would “continue to talk” and that the truce “is a step, not a destination”"): each
        quoted part is a statement in the speaker's words (the clause around them is the
        reporter's). A single quoted part stays inside the clause's one statement, and so
        do scare quotes ("had worked “hand in hand” and would help “rebuild the army”": one
        part)."""
        ctx = self.ctx
        ids = {x.i for x in span}
        parts = []
        for q in ctx.quotes:
            words = [t.i for t in ctx.doc[q.start : q.end] if not (t.is_punct or t.is_space)]
            if words and not q.embedded and q.statement is None and all(i in ids for i in words):
                parts.append(q)
        if len(parts) < 2:
            return False
        first: str | None = None
        for q in parts:
            sid = ctx.out.statement(
                speaker,
                ctx.text[q.char_start : q.char_end],
                True,
                principal,
                q.start,
                q.end,
                confidence,
            )
            q.speaker, q.principal, q.statement = speaker, principal, sid
            first = first or sid
        if first is not None:  # a stance in the clause around the parts belongs to the first
            ctx.out.stmt_spans.append((span[0].i, span[-1].i + 1, first))
        return True

    def _speech_verb(self, q: Quote) -> Token | None:
        ctx = self.ctx
        ks = {ctx.sent_of[q.start], ctx.sent_of[q.end - 1]}
        best: tuple[int, Token] | None = None
        for k in ks:
            for t in ctx.sents[k]:
                if ctx.quote_of[t.i] >= 0 or t.pos_ not in ("VERB", "AUX"):
                    continue
                if not self._says(t):
                    continue
                if self._in_clause_of(q, t):
                    return t  # "tells reporters the government is ready “on a case by case
                    # basis” but dismisses ...": the verb whose clause holds the quote
                if t.i < q.start:
                    dist = q.start - t.i
                    if k != ctx.sent_of[q.start]:
                        continue
                else:
                    dist = t.i - q.end + 1
                    if k != ctx.sent_of[q.end - 1]:
                        continue
                if best is None or dist < best[0]:
                    best = (dist, t)
        return best[1] if best else self._split_tag(q)

    def _split_tag(self, q: Quote) -> Token | None:
        """The verb of a speaker's tag that the sentence splitter cut off from its quote
        ("“I'm honored!” she said.", "“Who pays?” asked the mayor.", "“We are ready.” he
        said"): the sentence right after the closing mark, in the same paragraph, that opens
        with a lower-case word and whose root is a verb of saying with no clause of its own.
        A sentence that opens with a capital is a tag only when it is all tag: its speaker,
        the verb and adjuncts (:meth:`_bare_tag`: "“Who pays?” Fischer asked.", "“….” Otieno
        wrote on X."); otherwise it is the next sentence ("“Enough!” Lopez said the talks
        were over" reports a clause of its own)."""
        ctx = self.ctx
        k = ctx.sent_of[q.end - 1]
        if k + 1 >= len(ctx.sents):
            return None
        nxt = ctx.sents[k + 1]
        gap = ctx.text[q.char_end : nxt.start_char]
        if "\n" in gap or any(c.isalnum() for c in gap):
            return None
        words = [t for t in tokens(ctx.doc)[nxt.start : nxt.end] if not (t.is_punct or t.is_space)]
        if not words:
            return None
        v = nxt.root
        lower = words[0].text[:1].islower()
        if (
            v.pos_ != "VERB"
            or not self._says(v)
            or (lower and v.i - words[0].i > 4)
            or (not lower and not self._bare_tag(v, words))
            or ctx.quote_of[v.i] >= 0
            or any(c.dep_ in ("ccomp", "xcomp") for c in v.children)
        ):
            return None
        return v

    def _bare_tag(self, v: Token, words: list[Token]) -> bool:
        """Whether a sentence is nothing but a speaker's tag: its subject, then the verb of
        saying with adjuncts at most ("Fischer asked.", "Halvorsen, a former envoy, said
        quietly.", "Mirzoyan told reporters."), nothing it says of its own (no clause, no
        thing as its object: "Patiño said nothing more")."""
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i > v.i or words[0].i != subj.left_edge.i:
            return False
        before = {x.i for x in subj.subtree} | {
            x.i for c in v.children if c.dep_ in ("advmod", "aux", "npadvmod") for x in c.subtree
        }
        if any(x.i not in before for x in words if x.i < v.i):
            return False
        return self._hearers_only(v) and not any(
            c.dep_ in ("ccomp", "xcomp", "attr", "oprd", "dative", "conj") for c in v.children
        )

    def _names_it(self, q: Quote, v: Token) -> bool:
        """Whether a few quoted words are what a quote-only verb names: "called the offer
        “an insult”" (the quote is the verb's complement, not a word inside it)."""
        if v.lemma_.lower() not in self.ctx.lex.quote_only:
            return False
        root = self.ctx.doc[q.start : q.end].root
        head = root.head
        return (
            head.i == v.i
            or (head.dep_ == "prep" and head.head.i == v.i)  # "described it as “…”"
            or (root.dep_ in ("appos", "oprd", "attr") and head.head.i == v.i)  # "the offer “…”"
        )

    def _in_clause_of(self, q: Quote, v: Token) -> bool:
        """Whether a quote lies, as a part, in the clause a verb of saying reports ("said the
        government had “given up”", "urged the mediators to “pressure” Hamas")."""
        lex = self.ctx.lex
        for comp in v.children:
            if comp.dep_ not in ("ccomp", "xcomp") or self._tag_clause(comp, v):
                continue
            if (
                comp.dep_ == "xcomp"
                and v.lemma_.lower() not in lex.speech_xcomp_verbs
                and q.start <= comp.i < q.end
                and q.end >= comp.right_edge.i  # the quote is the whole action, not a word
            ):
                continue  # "urged both sides to “engage in good faith”": the quote is all
                # the verb says (no clause of "urge" is reported)
            ids = {x.i for x in comp.subtree}
            words = self._quote_words(q)
            if words and words <= ids and not self._all_quote(list(comp.subtree)):
                return not self._introduced(q, v, ids)
        return False

    def _introduced(self, q: Quote, v: Token, clause: set[int]) -> bool:
        """Whether the words the parser hung with a quote on the verb of its tag come before
        the quote and end in a colon ("Fischer scolded him: “…,” she said"): a sentence of
        its own that introduces the quote, not part of what the tag reports."""
        doc = self.ctx.doc
        if v.i < q.end or q.start == 0 or any(i >= q.end for i in clause if i < v.i):
            return False
        before = q.start - 1
        while before > 0 and (doc[before].is_space or doc[before].is_quote):
            before -= 1  # the opening mark
        return doc[before].text == ":" and all(
            i < q.start or self.ctx.quote_of[i] >= 0 or doc[i].is_punct for i in clause
        )

    def _quote_words(self, q: Quote) -> set[int]:
        """The token indices of a quote's words (not its punctuation)."""
        return {
            t.i for t in tokens(self.ctx.doc)[q.start : q.end] if not (t.is_punct or t.is_space)
        }

    def _crosses_quote(self, span: list[Token]) -> bool:
        """Whether a quote begins in a clause and runs on past it ("said Biden “has a lot
        of roles to play, but I think …”" parsed with the clause ending at "play"): the quote,
        not the clause, is then the statement."""
        ctx = self.ctx
        ids = {x.i for x in span}
        for k in {ctx.quote_of[x.i] for x in span if ctx.quote_of[x.i] >= 0}:
            if not self._quote_words(ctx.quotes[k]) <= ids:
                return True
        return False

    def _all_quote(self, span: list[Token]) -> bool:
        """Whether one quote holds every word of a clause but its punctuation and its "that"
        ("said that “those who know me know I'm honest”", "told reporters ''I would have been
        all in''"): then the quote is the statement, not a part of one. A word of the clause
        outside the quote ("said Biden “has a lot of roles to play”", "vowed to “fight for
        every vote”") makes the clause the statement, with the quote inside it."""
        ctx = self.ctx
        held = {
            ctx.quote_of[x.i]
            for x in span
            if not (x.is_punct or x.is_space or (x.dep_ == "mark" and ctx.quote_of[x.i] < 0))
        }
        return len(held) == 1 and -1 not in held

    def _other_speaker_between(self, a: Quote, b: Quote) -> bool:
        ctx = self.ctx
        for i in range(a.end, b.start):
            if ctx.quote_of[i] < 0 and ctx.doc[i].lemma_.lower() in ctx.lex.speech_verbs:
                subj = ctx.resolve.subjects(ctx.doc[i])
                rs = [r for s in subj for r in ctx.resolve.resolve_np(s)]
                if rs and rs[0].actor != a.speaker:
                    return True
        return False

    def _extend_statement(self, first: Quote, q: Quote) -> None:
        ctx = self.ctx
        q.statement = first.statement
        rec = ctx.out.get_statement(first.statement) if first.statement else None
        if rec is None:
            return
        rec["text"] = rec["text"].rstrip() + " " + ctx.text[q.char_start : q.char_end]
        ctx.out.stmt_spans.append((q.start, q.end, rec["id"]))

    def _according(self, t: Token) -> None:
        ctx = self.ctx
        to = next((c for c in t.children if c.lower_ == "to"), None)
        obj = next((c for c in (to.children if to else []) if c.dep_ == "pobj"), None)
        if obj is None:
            return
        head = t.head
        if head.pos_ not in ("VERB", "AUX") or head.i == t.i:
            return
        if ctx.quote_of[head.i] >= 0:
            return
        rs = ctx.resolve.resolve_np(obj)
        if not rs and self._plain_carrier(obj):
            issuer = self._carrier_issuer(obj)  # "according to a statement issued by X"
            rs = [Resolved(issuer, via="organ")] if issuer is not None else []
        if rs and rs[0].actor in ctx.outlets:
            return  # "according to the PTI report": the messenger's, no statement (19A)
        src = None
        if not rs or rs[0].anonymous:
            if self.sources is not None:  # "according to two people familiar with …"
                src = self.sources.speaker(obj, rs)
            if src is None:
                return
        skip = {x.i for x in t.subtree}
        span = [x for x in head.subtree if x.i not in skip]
        while span and span[0].is_punct:
            span = span[1:]
        while span and span[-1].is_punct:
            span = span[:-1]
        if len(span) < 3:
            return
        if src is not None:
            self._reported(src.actor, span, src.confidence, src.principal)
        else:
            self._reported(rs[0].actor, span, 0.7)

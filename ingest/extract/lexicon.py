"""The cue lexicon (``data/lexicon.yaml``) as sets and frames the rules look up."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from actorgraph.graph.errors import InputError

DATA = Path(__file__).parent / "data"
DEFAULT_LEXICON = DATA / "lexicon.yaml"


@dataclass(frozen=True)
class Frame:
    """What a cue verb needs around it to count (empty: any object, clause or prep object)."""

    needs: tuple[str, ...] = ()
    #: where the target is, when not the usual clause/object ("prep:on" for "condition X on Y")
    target: tuple[str, ...] = ()


def _words(v: Any, where: str, file: str) -> frozenset[str]:
    if v is None:
        return frozenset()
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise InputError(
            'must be a list of words (quote words YAML reads as true/false: "on", "no")',
            file=file,
            field=where,
        )
    return frozenset(x.strip().lower() for x in v if x.strip())


def _frames(v: Any, where: str, file: str) -> dict[str, Frame]:
    if v is None:
        return {}
    if isinstance(v, list):  # a plain list of verbs: no frame
        return {w: Frame() for w in _words(v, where, file)}
    if not isinstance(v, dict):
        raise InputError("must be a mapping of verb -> {needs: [...]}", file=file, field=where)
    out = {}
    for verb, spec in v.items():
        spec = spec or {}
        if not isinstance(spec, dict) or set(spec) - {"needs", "target"}:
            raise InputError(
                f"'{verb}' must be {{}} or {{needs: [...], target: [...]}}", file=file, field=where
            )
        out[str(verb).lower()] = Frame(
            tuple(sorted(_words(spec.get("needs"), where, file))),
            tuple(sorted(_words(spec.get("target"), where, file))),
        )
    return out


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: frozenset[str]
    according: frozenset[str]
    quote_only: frozenset[str]
    anonymous: frozenset[str]
    organs: frozenset[str]
    groups: frozenset[str]
    suborgs: frozenset[str]
    role_titles: frozenset[str]
    spokespeople: frozenset[str]
    role_blockers: frozenset[str]
    demand_verbs: dict[str, Frame]
    demand_nouns: frozenset[str]
    light_verbs: frozenset[str]
    producers: frozenset[str]
    modals: frozenset[str]
    necessity: frozenset[str]
    insist_verbs: frozenset[str]
    agree_verbs: frozenset[str]
    reject_verbs: dict[str, Frame]
    negated_acceptance: frozenset[str]
    reject_predicates: frozenset[str]
    reject_phrases: tuple[str, ...]
    stance_nouns: frozenset[str]
    channel_verbs: frozenset[str]
    channel_preps: frozenset[str]
    mediator_nouns: frozenset[str]
    mediator_adjectives: frozenset[str]
    mediation_verbs: frozenset[str]
    mediation_nouns: frozenset[str]
    irrealis_governors: frozenset[str]
    irrealis_marks: frozenset[str]
    proposal_heads: frozenset[str]
    topic_drop: frozenset[str]
    anaphors: frozenset[str]
    topic_stopwords: frozenset[str]
    object_classes: dict[str, frozenset[str]] = field(default_factory=dict)
    #: every lemma that can start a cue, for a quick test per sentence
    cue_lemmas: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: str | Path = DEFAULT_LEXICON) -> Lexicon:
        file = str(path)
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise InputError(f"cannot read lexicon: {exc}", file=file) from None
        if not isinstance(data, dict):
            raise InputError("a lexicon is a mapping of sections", file=file)

        def sec(name: str) -> dict[str, Any]:
            s = data.get(name) or {}
            if not isinstance(s, dict):
                raise InputError("must be a mapping", file=file, field=name)
            return s

        def w(section: str, key: str) -> frozenset[str]:
            return _words(sec(section).get(key), f"{section}.{key}", file)

        dem, rej = sec("demands"), sec("rejects")
        classes = {
            str(k): _words(v, f"object_classes.{k}", file)
            for k, v in (sec("object_classes")).items()
        }
        lex = cls(
            speech_verbs=w("speech", "verbs"),
            according=w("speech", "according"),
            quote_only=w("speech", "quote_only"),
            anonymous=w("speakers", "anonymous"),
            organs=w("speakers", "organs"),
            groups=w("speakers", "groups"),
            suborgs=w("speakers", "suborgs"),
            role_titles=w("roles", "titles"),
            spokespeople=w("roles", "spokespeople"),
            role_blockers=w("roles", "blockers"),
            demand_verbs=_frames(dem.get("verbs"), "demands.verbs", file),
            demand_nouns=w("demands", "nouns"),
            light_verbs=w("demands", "light_verbs"),
            producers=w("demands", "producers"),
            modals=w("demands", "modals"),
            necessity=w("demands", "necessity"),
            insist_verbs=w("demands", "insist_verbs"),
            agree_verbs=w("demands", "agree_verbs"),
            reject_verbs=_frames(rej.get("verbs"), "rejects.verbs", file),
            negated_acceptance=w("rejects", "negated"),
            reject_predicates=w("rejects", "predicates"),
            reject_phrases=tuple(sorted(w("rejects", "phrases"), key=len, reverse=True)),
            stance_nouns=w("rejects", "stance_nouns"),
            channel_verbs=w("mediation", "channel_verbs"),
            channel_preps=w("mediation", "channel_preps"),
            mediator_nouns=w("mediation", "nouns"),
            mediator_adjectives=w("mediation", "adjectives"),
            mediation_verbs=w("mediation", "verbs"),
            mediation_nouns=w("mediation", "action_nouns"),
            irrealis_governors=w("irrealis", "governors"),
            irrealis_marks=w("irrealis", "marks"),
            proposal_heads=w("topics", "proposal_heads"),
            topic_drop=w("topics", "drop"),
            anaphors=w("topics", "anaphors"),
            topic_stopwords=w("topics", "stopwords"),
            object_classes=classes,
        )
        for frames in (lex.demand_verbs, lex.reject_verbs):
            for verb, frame in frames.items():
                for need in frame.needs:
                    if need.startswith("dobj_class:") and need.split(":", 1)[1] not in classes:
                        raise InputError(
                            f"'{verb}' needs unknown object class '{need.split(':', 1)[1]}'",
                            file=file,
                        )
        cue = (
            set(lex.demand_verbs)
            | set(lex.reject_verbs)
            | lex.negated_acceptance
            | lex.reject_predicates
            | lex.demand_nouns
            | lex.modals
            | lex.necessity
            | lex.insist_verbs
            | lex.agree_verbs
            | lex.channel_verbs
            | lex.mediator_nouns
            | lex.mediator_adjectives
            | lex.mediation_verbs
            | lex.mediation_nouns
            | {p.split()[0] for p in lex.reject_phrases}
            | {p.split()[-1] for p in lex.reject_phrases}
        )
        object.__setattr__(lex, "cue_lemmas", frozenset(cue))
        return lex

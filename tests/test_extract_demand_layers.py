"""The demand rules are layers (one module each) mixed into the stance dispatcher: a rule
defined twice would shadow the other silently, by the order of the bases."""

from __future__ import annotations

from actorgraph.ingest.extract.demand_owners import DemandOwners
from actorgraph.ingest.extract.demands import DemandRules
from actorgraph.ingest.extract.rejections import RejectRules
from actorgraph.ingest.extract.stance_rules import StanceRules
from actorgraph.ingest.extract.stances import Stances


def _own(cls: type) -> set[str]:
    return {n for n in vars(cls) if not n.startswith("__")}


def test_each_demand_rule_has_one_home() -> None:
    layers = [c for c in DemandRules.__mro__ if issubclass(c, DemandOwners)]
    assert len(layers) >= 5  # the rules, their four layers and the owners' base
    seen: dict[str, str] = {}
    for layer in layers:
        for name in _own(layer):
            assert name not in seen, f"{name} in {layer.__name__} and {seen[name]}"
            seen[name] = layer.__name__
    shadowed = set(seen) & (_own(RejectRules) | _own(StanceRules))
    assert not shadowed, f"demand rules shadow the stance rules' {sorted(shadowed)}"


def test_the_dispatcher_reads_demands_before_rejections() -> None:
    mro = Stances.__mro__
    assert mro.index(DemandOwners) < mro.index(RejectRules) < mro.index(StanceRules)

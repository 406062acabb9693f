"""Counts read as English wherever the CLI and the reports print them."""

import pytest
from actorgraph.wording import counted


@pytest.mark.parametrize(
    ("n", "noun", "expected"),
    [
        (0, "relation", "0 relations"),
        (1, "relation", "1 relation"),
        (2, "relation", "2 relations"),
        (1, "piece of evidence", "1 piece of evidence"),
        (3, "piece of evidence", "3 pieces of evidence"),
        (2, "entity", "2 entities"),
    ],
)
def test_counts_agree_with_their_noun(n: int, noun: str, expected: str) -> None:
    assert counted(n, noun) == expected

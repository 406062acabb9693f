"""Docs that must stay true: every setting documented, the README's commands exist."""

from __future__ import annotations

import re

from actorgraph.graph.schema import default_schema
from actorgraph.settings import PARTS, Settings, env_name

from tests.helpers import ROOT


def test_every_setting_is_documented_under_its_layer() -> None:
    """docs/configuration.md has one section per settings class (named by its module's path)
    listing exactly that class's variables; together they are every setting."""
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", doc, flags=re.M)[1:]
    documented: dict[str, set[str]] = {}
    for section in sections:
        path = re.search(r"\(`([a-z]+/settings\.py)`\)", section.splitlines()[0])
        if path:
            documented[path.group(1)] = set(re.findall(r"^\| `([A-Z0-9_]+)` \|", section, re.M))
    for part in PARTS:
        module = part.__module__.removeprefix("actorgraph.").replace(".", "/") + ".py"
        assert documented.get(module) == {env_name(f) for f in part.model_fields}, module
    assert set().union(*documented.values()) == {env_name(f) for f in Settings.model_fields}


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```bash\n(.*?)```", readme, re.S)
    assert first_block is not None
    commands = [line.split("#")[0].strip() for line in first_block.group(1).splitlines()]
    assert commands[:2] == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test"):
        assert re.search(rf"^{target}:", makefile, re.M), target
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_relation_type_is_in_the_exchange_format_doc_or_schema_command() -> None:
    doc = (ROOT / "docs" / "exchange-format.md").read_text(encoding="utf-8")
    for kind in ("document", "actor", "topic", "statement", "relation"):
        assert f"## {kind}" in doc
    # the vocabulary the doc points to really has the types it names
    for name in ("speaks_for", "mediates", "rejects", "demands"):
        assert name in default_schema().relations


def test_every_file_type_is_in_the_exchange_format_doc() -> None:
    from actorgraph.ingest.inputs import FORMATS

    doc = (ROOT / "docs" / "exchange-format.md").read_text(encoding="utf-8")
    section = doc.split("## Files", 1)[1]
    table = next(block for block in section.split("\n\n") if block.startswith("|"))
    documented = set(re.findall(r"`(\.[a-z]+)`", table))
    assert documented == set(FORMATS)


def _field_tables(doc: str) -> dict[str, tuple[set[str], str]]:
    """``## <name>`` sections of a doc: the backticked names in the first column of their table,
    and the section's text."""
    out: dict[str, tuple[set[str], str]] = {}
    for section in re.split(r"^## ", doc, flags=re.M)[1:]:
        title, _, body = section.partition("\n")
        rows = [line for line in body.splitlines() if line.startswith("| `")]
        out[title.strip()] = (
            {name for row in rows for name in re.findall(r"`([a-z_]+)`", row.split("|")[1])},
            body,
        )
    return out


def test_exchange_format_doc_matches_the_record_models() -> None:
    """Every field of every record kind is documented, and nothing that does not exist."""
    from actorgraph.graph.exchange import COMMON_FIELDS, MODELS, RoleRecord

    tables = _field_tables((ROOT / "docs" / "exchange-format.md").read_text(encoding="utf-8"))
    assert tables["every record"][0] == set(COMMON_FIELDS)
    for kind, model in MODELS.items():
        fields = {f.alias or name for name, f in model.model_fields.items()}
        assert tables[kind][0] == fields - set(COMMON_FIELDS), kind
    role_keys = {f.alias or name for name, f in RoleRecord.model_fields.items()}
    roles_row = next(r for r in tables["actor"][1].splitlines() if r.startswith("| `roles`"))
    listed = re.search(r"\{([a-z, ]+)\}", roles_row)
    assert listed and {k.strip() for k in listed.group(1).split(",")} == role_keys


def test_published_record_schema_is_the_models_schema() -> None:
    import json

    from actorgraph.graph.exchange import records_json_schema

    published = json.loads((ROOT / "docs" / "exchange-format.schema.json").read_text("utf-8"))
    assert published == records_json_schema(), (
        "regenerate docs/exchange-format.schema.json from graph.exchange.records_json_schema()"
    )


def test_architecture_doc_names_files_that_exist() -> None:
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(
        re.findall(r"`((?:graph|ingest|api|cli|reports|cypher|actorgraph)/[\w/.*-]*)`", doc)
    )
    assert len(named) > 10
    missing = [p for p in named if not list(ROOT.glob(p))]
    assert missing == []


def test_ci_runs_the_linters_before_the_tests() -> None:
    """`make lint` (ruff check, ruff format --check, mypy) is a gate of `.ci/run`, before the
    suite; a CI script that skipped it once let lint failures pile up unseen."""
    ci = [ln.strip() for ln in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert "make lint" in ci and "make test" in ci
    assert ci.index("make lint") < ci.index("make test")
    assert "set -euo pipefail" in ci  # a failing lint stops the run
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = make.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    for tool in ("ruff check", "ruff format --check", "mypy"):
        assert tool in lint, tool

"""Without its built scripts (api/static/vendor/, from npm) the page used to be blank with
"cytoscape is not defined". Now the page, the server log and ``actorgraph serve`` say what is
missing and how to get it; the wheel ships them (tests/test_packaging.py builds one)."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from actorgraph.api import ui_assets

from tests.helpers import EXAMPLE
from tests.ui_harness import serve_store


@pytest.fixture
def bare_static(tmp_path: Path) -> Path:
    """api/static/ as a git checkout has it: without vendor/."""
    dst = tmp_path / "static"
    shutil.copytree(ui_assets.STATIC_DIR, dst, ignore=shutil.ignore_patterns("vendor"))
    return dst


def test_missing_scripts_are_named_with_the_way_to_get_them(bare_static: Path) -> None:
    assert ui_assets.missing() == [], "run make ui: the checkout's page lacks its scripts"
    gone = ui_assets.missing(bare_static)
    assert "vendor/cytoscape.min.js" in gone and "vendor/d3-force.min.js" in gone
    note = ui_assets.warning(bare_static)
    assert note is not None and "make ui" in note and "cytoscape.min.js" in note
    assert ui_assets.warning() is None


@pytest.fixture
def bare_server(
    bare_static: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, list[str]]]:
    import actorgraph.api.app as app_module
    from actorgraph.graph.embedded import EmbeddedStore
    from actorgraph.ingest.loader import Loader

    monkeypatch.setattr(app_module, "STATIC_DIR", bare_static)
    logged: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: logged.append(record.getMessage())  # type: ignore[method-assign]
    # on the root logger: create_app configures the actorgraph loggers (dictConfig), which
    # drops handlers added to them before; its records still reach the root
    logging.getLogger().addHandler(handler)
    store = EmbeddedStore(tmp_path / "store")
    Loader(store).load_file(EXAMPLE)
    served = serve_store(store)
    try:
        yield served.url, logged
    finally:
        logging.getLogger().removeHandler(handler)
        served.stop()
        store.close()


@pytest.mark.browser
def test_the_page_says_what_is_missing_instead_of_staying_blank(
    page: Any, bare_server: tuple[str, list[str]]
) -> None:
    url, logged = bare_server
    assert any("make ui" in m for m in logged), logged
    page.goto(f"{url}/")
    box = page.locator("#missing-assets")
    box.wait_for(state="visible")
    text = box.inner_text()
    assert "scripts are missing" in text and "make ui" in text and "wheel" in text
    assert page.get_by_role("link", name="/docs").count() == 1
    # the errors are the 404s of the missing files and the page's own explanation, not
    # "cytoscape is not defined"
    errors = [e for e in page.js_errors if "404" not in e]
    assert errors and all("make ui" in e for e in errors), page.js_errors

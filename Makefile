# One task runner for people and CI. `make help` lists the targets.
SHELL := bash
.DEFAULT_GOAL := help
UV ?= $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
STORE ?= .actorgraph

.PHONY: help install demo serve test test-fast lint format neo4j-start neo4j-stop ui bench

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

install: ## Python deps from the lock file, with the training extra (installs uv first if needed)
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install -q uv
	$(UV) sync --frozen -q --extra train

demo: install ## load the example into the embedded store, show a path, serve API and UI
	scripts/demo

test: ## everything: deps, Neo4j, chromium, UI build, then the whole test suite on both stores
	scripts/run-tests

test-fast: install ## the suite on the embedded store only (says so at the end)
	ACTORGRAPH_TEST_NEO4J=off .venv/bin/pytest -q -m "not browser"

PACKAGE_FOLDERS := graph ingest api cli reports cypher

lint: install ## ruff and mypy (CI runs it)
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	@# mypy cannot follow the editable install's folder mapping (actorgraph.graph -> graph/),
	@# so it checks a tree of symlinks laid out as the installed package is.
	@rm -rf .typecheck && mkdir -p .typecheck/actorgraph
	@for f in actorgraph/*.py; do ln -s ../../$$f .typecheck/$$f; done
	@for d in $(PACKAGE_FOLDERS); do ln -s ../../$$d .typecheck/actorgraph/$$d; done
	cd .typecheck && ../.venv/bin/mypy --config-file ../pyproject.toml -p actorgraph

format: install
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

neo4j-start: ## a local Neo4j 5.26 from Maven Central on 127.0.0.1:17687
	scripts/neo4j/neo4j start

neo4j-stop:
	scripts/neo4j/neo4j stop

ui: ## build the web UI's vendored assets from npm
	@if [ -f package.json ]; then npm ci --no-audit --no-fund --loglevel=error && npm run --silent build; fi

bench: install ## benchmarks (see docs/performance.md)
	.venv/bin/python bench/embedded_store.py

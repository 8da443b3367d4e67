# polikg: one command per job. `make run` and `make test` need nothing installed by
# hand beyond Python 3.11 and a JDK 17 with Maven (Neo4j's jars come from Maven Central).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# npm ci writes node_modules/.package-lock.json: newer than the lockfile once installed.
NODE_STAMP := node_modules/.package-lock.json

.PHONY: install run serve test lint eval bench bench-full neo4j-start neo4j-stop clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund

install: $(STAMP) $(NODE_STAMP)  ## create .venv, install polikg with its dev tools, npm ci (/explore)

neo4j-start: install
	$(BIN)/polikg neo4j start

neo4j-stop:
	$(BIN)/polikg neo4j stop

run: neo4j-start  ## start Neo4j, apply the schema, load the examples, serve on :8000
	$(BIN)/polikg schema apply
	@if $(BIN)/polikg ingest --help >/dev/null 2>&1; then $(BIN)/polikg ingest examples; fi
	$(BIN)/polikg serve

test: install  ## start a throwaway Neo4j and run the whole suite
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy app graph_schema loaders queries

eval: install  ## extract the dev set and print score.py's table
	$(BIN)/polikg eval

bench: install  ## quick benchmarks (1k articles)
	$(BIN)/python -m benchmarks.run --quick

bench-full: install
	$(BIN)/python -m benchmarks.run --full

clean:
	rm -rf $(VENV) node_modules *.egg-info .pytest_cache .ruff_cache .mypy_cache

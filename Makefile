# The two commands of the README: `make demo` (set up, ingest the bundled demo
# corpus into ./rasid.db and print a digest) and `make test` (set up, run tests).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test install bench clean

$(BIN)/rasid: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,hf]'
	touch $(BIN)/rasid

install: $(BIN)/rasid

demo: install
	$(BIN)/rasid demo --db rasid.db

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/bench_ingest.py --runs 3

clean:
	rm -rf $(VENV) rasid.db rasid.db-wal rasid.db-shm rasid.db.cache build *.egg-info

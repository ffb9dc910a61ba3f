# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed


.PHONY: run test lint bench package screenshots i18n clean mutation

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/plainview

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	-@sh packaging/install_validators.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s tests/bench -p no:cacheprovider --bench

# Mutation sampling of the security-critical modules (tools/mutation.py); slow, not in CI.
mutation: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/mutation.py $(MUTATION_ARGS)

i18n: $(STAMP)
	$(BIN)/python tools/i18n.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py

package: $(STAMP)
	$(BIN)/python packaging/build.py

clean:
	rm -rf $(VENV) build dist packaging/pyinstaller/build packaging/pyinstaller/dist

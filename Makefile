# The two commands a fresh machine needs:  `make demo` (install, build the sample, serve it)
# and `make test` (install, run the whole suite).  Everything installs into ./.venv.
PYTHON ?= python3
VENV ?= .venv
STORE ?= kg-store
HOST ?= 127.0.0.1
PORT ?= 8000
BIN := $(VENV)/bin
APT_PACKAGES := chromium fonts-wqy-microhei

.PHONY: install system-deps demo build serve test eval dev-score sanity bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# `pip install .` (not editable): the tests run against the installed package and its data files.
install: $(BIN)/python
	$(BIN)/python -m pip install -q ".[test]"

# Debian packages the browser tests need (headless Chromium and a Chinese font).
system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi wqy; then \
	  command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi

build: install
	$(BIN)/kg build examples/ --store $(STORE)
	$(BIN)/kg stats --store $(STORE)

demo: build
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

test: system-deps install
	cd tests && ../$(BIN)/pytest -q -p no:cacheprovider

# The evaluation kit in ../shared (not part of the tests: it measures).
eval: install
	rm -rf out/eval-store && mkdir -p out
	$(BIN)/kg build examples/000_4de6902b1dfc0275.txt --store out/eval-store
	$(BIN)/kg export --store out/eval-store --format nt -o out/seed.nt
	$(BIN)/python ../shared/eval/score_graph.py out/seed.nt ../shared/eval/seed_gold.json --verbose
	$(BIN)/kg ner < ../shared/data/pfr1998/ner_dev.jsonl > out/ner_dev.pred.jsonl
	$(BIN)/python ../shared/eval/score_ner.py out/ner_dev.pred.jsonl ../shared/data/pfr1998/ner_dev.jsonl

# The development gold (real articles, benchmarks/devgold/): per-article lines, per-kind P/R/F1 and a
# SCORE line for the tune half and the check half.
dev-score: install
	$(BIN)/python benchmarks/score_dev.py

# Build all CCTV transcripts in ../shared/data/news/xwlb and report what the graph holds (minutes).
sanity: install
	$(BIN)/python benchmarks/xwlb_sanity.py

clean:
	rm -rf $(VENV) $(STORE) out build *.egg-info

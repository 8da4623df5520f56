# Trợ lý CCHC — two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-16)

.PHONY: install index run test evals bench clean-index

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

index: install
	$(PY) -m retrieval ingest

run: index
	$(PY) app.py

test: install
	$(PY) -m pytest -q tests

evals: index
	$(PY) -m evals.run retrieval

bench: index
	$(PY) -m evals.bench retrieval

clean-index:
	rm -rf data/chroma data/lexical-*.pkl

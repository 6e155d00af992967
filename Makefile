# astc — the two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast test-slow bench lint clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found (set PYTHON=...)" >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

demo: $(STAMP)
	@mkdir -p build/demo
	@for f in samples/*.py; do \
	  out=build/demo/$$(basename $$f); \
	  echo "=== $$f (before)"; cat $$f; \
	  echo "=== $$f (after astc; report on stderr)"; $(VENV)/bin/astc show $$f > $$out || exit $$?; cat $$out; \
	  echo "=== running the compiled module ($$out)"; $(PY) $$out || exit $$?; \
	done

# The whole suite, the slow corpus included (CI runs this).
test: $(STAMP)
	$(PY) -m pytest -q -p no:cacheprovider

# Everything except the tests marked slow.
test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

test-slow: $(STAMP)
	$(PY) -m pytest -q -m slow

bench: $(STAMP)
	$(PY) -m benchmarks

lint: $(STAMP)
	$(VENV)/bin/ruff check astc
	$(VENV)/bin/mypy astc

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .hypothesis .astc_cache

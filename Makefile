# Two commands: `make run` serves the lab, `make test` runs every check.
VENV    ?= .venv
PYTHON  ?= python3
PORT    ?= 8501
ADDRESS ?= localhost
BIN     := $(VENV)/bin

.PHONY: run serve test test-fast lint bench system-deps clean

# One process, started like each of `make serve`'s replicas (deploy/replica.py says why).
run: $(VENV)/.installed-run
	$(BIN)/python deploy/replica.py --server.port $(PORT) --server.address $(ADDRESS) \
		--server.headless true --browser.gatherUsageStats false

# A class on one machine: REPLICAS app processes behind nginx, sticky by cookie, restarted
# if they die; Ctrl-C stops them all. deploy/serve.py says how; the README says when.
REPLICAS ?= $(shell nproc 2>/dev/null || echo 2)

serve: $(VENV)/.installed-run
	$(BIN)/python deploy/serve.py --replicas $(REPLICAS) --port $(PORT) --address $(ADDRESS)

test: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/pytest

# The edit-test loop: constraints, core, formulas, surfaces, schedules, figures, ui helpers,
# catalog; no browser and no AppTest pages (`make test` runs those too).
FAST_TESTS := $(wildcard tests/constraints tests/core tests/formulas tests/surfaces tests/schedules \
	tests/figures tests/ui tests/i18n)

test-fast: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/pytest -q -m "not browser" $(FAST_TESTS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Benchmarks compare against torch.optim and optax: they get a venv of their own, so the app
# and its tests can never come to depend on them.
BENCH_VENV ?= .venv-bench

bench: $(BENCH_VENV)/.installed
	for script in bench/*.py; do $(BENCH_VENV)/bin/python $$script || exit 1; done

# Chromium (browser tests, PNG/SVG/GIF/video export), a CJK font (Chinese in exported images;
# fontconfig's fc-list is how the app checks for one), nginx (`make serve`'s balancer) and
# PostgreSQL (the classroom storage tests start their own cluster), from Debian's packages.
# Needs root; installs only what is missing.
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium chromium-driver"; \
	command -v fc-list >/dev/null || missing="$$missing fontconfig"; \
	fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then apt-get update -q && apt-get install -y -q $$missing; fi

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed-run: requirements.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

$(BENCH_VENV)/.installed: requirements.txt requirements-bench.txt
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install -q -r requirements-bench.txt
	touch $@

clean:
	rm -rf $(VENV) $(BENCH_VENV) .pytest_cache .ruff_cache .hypothesis

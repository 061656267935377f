# mlkata: the two commands a learner needs are `make check exercise=NAME` and `make test`.
# The first use creates .venv and installs the kit (needs only python3 and make).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.DEFAULT_GOAL := help
.PHONY: help install check list hint watch test bench

help:
	@echo "make check exercise=NAME [impl=FILE] [seed=N]   grade your exercises/NAME/NAME.py (or FILE)"
	@echo "make hint exercise=NAME                          reveal the next hint"
	@echo "make watch [exercise=NAME]                       re-grade on every save (keys: h hint, r reset, n next, q quit)"
	@echo "make list                                        the exercises and your progress"
	@echo "make test                                        the kit's own test suite"
	@echo "make bench                                       timings, side by side"
	@echo "make install                                     set up .venv alone (the CLI is then $(BIN)/mlkata)"

# The learner's set-up: the kit and what grading needs. The test suite's extras come on top.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "mlkata needs Python >= 3.11, found " + sys.version.split()[0])'
	@echo "Setting up $(VENV) (first use only)..."
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --disable-pip-version-check -e . > $(VENV)/install.log 2>&1 \
		|| { cat $(VENV)/install.log; echo "mlkata: installing into $(VENV) failed (log: $(VENV)/install.log)" >&2; exit 1; }
	@touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	@echo "Installing the test suite's extras into $(VENV)..."
	@$(BIN)/python -m pip install --disable-pip-version-check -e '.[dev]' > $(VENV)/install-dev.log 2>&1 \
		|| { cat $(VENV)/install-dev.log; echo "mlkata: installing the extras failed (log: $(VENV)/install-dev.log)" >&2; exit 1; }
	@touch $(DEV_STAMP)

install: $(STAMP)

define need_exercise
	@test -n "$(exercise)" || { echo "usage: make $(1) exercise=NAME (see: make list)" >&2; exit 2; }
endef

check: $(STAMP)
	$(call need_exercise,check)
	@$(BIN)/mlkata check $(exercise) $(if $(impl),--impl $(impl)) $(if $(seed),--seed $(seed))

hint: $(STAMP)
	$(call need_exercise,hint)
	@$(BIN)/mlkata hint $(exercise)

list: $(STAMP)
	@$(BIN)/mlkata list

watch: $(STAMP)
	@$(BIN)/mlkata watch $(exercise)

test: $(DEV_STAMP)
	@$(BIN)/python -m pytest -n auto -q

# One BLAS thread on both sides of every comparison: on a shared 2-core machine competing
# threads swing numerical timings several-fold, and the sandbox grades with one thread too.
bench: $(DEV_STAMP)
	@OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 $(BIN)/python benchmarks/bench.py

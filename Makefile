# mlkata: the two commands a learner needs are `make check exercise=NAME` and `make test`.
# The first use creates .venv and installs the kit (needs only python3 and make).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install check list hint test bench

help:
	@echo "make check exercise=NAME [impl=FILE] [seed=N]   grade your exercises/NAME/NAME.py (or FILE)"
	@echo "make hint exercise=NAME                          reveal the next hint"
	@echo "make list                                        the exercises and your progress"
	@echo "make test                                        the kit's own test suite"
	@echo "make bench                                       timings, side by side"
	@echo "make install                                     set up .venv alone (the CLI is then $(BIN)/mlkata)"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "mlkata needs Python >= 3.11, found " + sys.version.split()[0])'
	@echo "Setting up $(VENV) (first use only)..."
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --disable-pip-version-check -e '.[dev]' > $(VENV)/install.log 2>&1 \
		|| { cat $(VENV)/install.log; echo "mlkata: installing into $(VENV) failed (log: $(VENV)/install.log)" >&2; exit 1; }
	@touch $(STAMP)

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

test: $(STAMP)
	@$(BIN)/python -m pytest -n auto -q

bench: $(STAMP)
	@$(BIN)/python benchmarks/bench.py

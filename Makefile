# One target per task. `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
SUBMISSIONS ?=
OUT    ?= build/grades

.PHONY: help venv demo test test-fast lint notebooks release grade lab clean

help:
	@echo "make demo        release the course, grade a sample class, print the grade table"
	@echo "make test        the full test suite (nbval, grading end to end, slow tests included)"
	@echo "make lab         open the student release in JupyterLab"
	@echo "make release     write course/release (refused unless the solutions earn full marks)"
	@echo "make grade SUBMISSIONS=DIR [OUT=DIR]   grade <student>/<assignment>/<notebook>.ipynb"
	@echo "make notebooks   rebuild course/source/*/*.ipynb from course/authoring/*.py"
	@echo "make lint        ruff"

# The kit is used from its checkout and never installed as a package, so that the hidden
# reference library (autograder/) is not importable from a student's kernel.
$(STAMP): pyproject.toml tools/requirements.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PYTHON) tools/requirements.py --dev > $(VENV)/requirements.txt
	$(PY) -m pip install --quiet -r $(VENV)/requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(PY) -m autograder demo --out build/demo

test: $(STAMP) lint
	$(PY) -m pytest

test-fast: $(STAMP)
	$(PY) -m pytest -m "not slow"

lint: $(STAMP)
	$(PY) -m ruff check autograder course/bpkit course/authoring tests tools benchmarks

notebooks: $(STAMP)
	$(PY) -m autograder.authoring

release: $(STAMP)
	$(PY) -m autograder release

grade: $(STAMP)
	@test -n "$(SUBMISSIONS)" || { echo "usage: make grade SUBMISSIONS=DIR [OUT=DIR]"; exit 2; }
	$(PY) -m autograder grade --submissions "$(SUBMISSIONS)" --out "$(OUT)"

# JupyterLab refuses to start as root unless told (containers and CI machines often are root).
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--ServerApp.allow_root=True,)

lab: $(STAMP)
	@test -d course/release || $(PY) -m autograder release
	cd course/release && ../../$(VENV)/bin/jupyter lab $(LAB_ARGS)

clean:
	rm -rf build course/release course/submitted course/autograded course/feedback course/gradebook.db

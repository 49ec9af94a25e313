# One target per task. `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
SUBMISSIONS ?=
OUT    ?= build/grades

ASSETS := build/html-assets/VERSIONS

.PHONY: help venv assets chromium sandbox demo test test-fast test-browser screenshots lint notebooks release grade lab clean

help:
	@echo "make demo        release the course, grade a sample class, print the grade table"
	@echo "make test        the full test suite (nbval, grading end to end, slow tests included)"
	@echo "make lab         open the student release in JupyterLab"
	@echo "make release     write course/release (refused unless the solutions earn full marks)"
	@echo "make grade SUBMISSIONS=DIR [OUT=DIR]   grade <student>/<assignment>/<notebook>.ipynb"
	@echo "make notebooks   rebuild course/source/*/*.ipynb from course/authoring/*.py"
	@echo "make screenshots build/screenshots/{widget,report}.png from the browser tests, copied to docs/img/"
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

# MathJax, require.js and the widget renderer for offline feedback pages, from the npm registry
# (tools/html_assets.py). Without npm it warns and the pages use the CDNs.
$(ASSETS): tools/html_assets.py
	$(PYTHON) tools/html_assets.py build/html-assets

assets: $(ASSETS)

# The browser tests drive Debian's chromium through the PyPI playwright package (never
# `playwright install`, which downloads a browser build of its own).
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

chromium:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

# bubblewrap sandboxes the kernels that run students' code (see README, "Grading untrusted
# code"); without it grading still works, with the resource limits only.
sandbox:
	@command -v bwrap >/dev/null || { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y bubblewrap; } || echo "warning: bubblewrap could not be installed: kernels will run without the file-system sandbox"

demo: $(STAMP) $(ASSETS) sandbox
	$(PY) -m autograder demo --out build/demo

test: $(STAMP) $(ASSETS) chromium sandbox lint
	$(PY) -m pytest

test-browser: $(STAMP) $(ASSETS) chromium
	$(PY) -m pytest -m browser tests/browser

screenshots: $(STAMP) $(ASSETS) chromium
	$(PY) -m pytest -q -m browser tests/browser -k "01_cost_functions or report_renders"
	mkdir -p docs/img
	cp build/screenshots/widget.png build/screenshots/report.png docs/img/

test-fast: $(STAMP)
	$(PY) -m pytest -m "not slow and not browser"

lint: $(STAMP)
	$(PY) -m ruff check autograder course/bpkit course/authoring tests tools benchmarks

notebooks: $(STAMP)
	$(PY) -m autograder notebooks

release: $(STAMP) sandbox
	$(PY) -m autograder release

grade: $(STAMP) $(ASSETS) sandbox
	@test -n "$(SUBMISSIONS)" || { echo "usage: make grade SUBMISSIONS=DIR [OUT=DIR]"; exit 2; }
	$(PY) -m autograder grade --submissions "$(SUBMISSIONS)" --out "$(OUT)"

# JupyterLab refuses to start as root unless told (containers and CI machines often are root).
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--ServerApp.allow_root=True,)

lab: $(STAMP)
	@test -d course/release || $(PY) -m autograder release
	cd course/release && ../../$(VENV)/bin/jupyter lab $(LAB_ARGS)

clean:
	rm -rf build course/release course/submitted course/autograded course/feedback course/gradebook.db

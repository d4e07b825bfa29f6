# The two commands of the README:
#   make run   set up, build every table from the bundled corpus, execute the notebooks, write figures/
#   make test  set up, run the test suite (pytest + nbval on every notebook)
# and for your own corpus:
#   make report CORPUS=path/to/corpus OUT=report   tables, notebooks and a website (OUT/index.html)
# Only Python 3.11+, pip and make are needed; everything else is installed into .venv.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    ?= out
# The corpus of `make report` (no default: the report is for your own corpus)
CORPUS ?=
# its folder: OUT when given (make report CORPUS=... OUT=...), else report/
REPORT_OUT = $(if $(filter command line environment,$(origin OUT)),$(OUT),report)
# Options for `make lab`, passed on to jupyter lab: make lab LAB_ARGS="--port 9999 --no-browser"
LAB_ARGS ?=
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.PHONY: setup run tables notebooks report test lab bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed (found %s)" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[notebooks,test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3" >/dev/null
	touch $(STAMP)

run: setup tables notebooks

tables: setup
	$(BIN)/congress-lib build corpus --out $(OUT)

notebooks: setup
	@if ls notebooks/*.ipynb >/dev/null 2>&1; then $(BIN)/python -m congress_lib.notebooks run notebooks; fi

# A report on any corpus into $(OUT) (never into notebooks/, figures/ or corpus/): exit code 1 if a notebook failed.
report: setup
	@if [ -z "$(CORPUS)" ]; then echo "make report needs a corpus: make report CORPUS=path/to/corpus OUT=report" >&2; exit 2; fi
	$(BIN)/congress-lib report "$(CORPUS)" --out "$(REPORT_OUT)"

# tests/test_browser.py opens a generated report's website in headless Chromium (Debian's
# chromium + chromium-driver); without them pytest skips it, and this says so in one line.
test: setup
	@if ! { command -v chromium || command -v chromium-browser; } >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	  echo "make test: browser test SKIPPED (tests/test_browser.py): no chromium/chromedriver found; install them with: apt-get install chromium chromium-driver"; fi
	$(BIN)/python -m pytest tests $(if $(wildcard notebooks/*.ipynb),--nbval notebooks,) -q

# JupyterLab on notebooks/ with the settings in jupyter/ (each notebook listed once, paired
# with its .py source), --allow-root when run as root (containers), then $(LAB_ARGS).
lab: setup
	$(BIN)/python -m congress_lib.notebooks lab notebooks $(LAB_ARGS)

bench: setup
	$(BIN)/python benchmarks/bench_build.py

clean:
	rm -rf $(OUT) report .pytest_cache

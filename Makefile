# Factcheck Workbench. `make run` starts everything; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-faults lint format bench bench-ingest bench-fetch bench-api bench-profile eval migrate clean model bench-match

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# Local commands run with DEBUG on unless told otherwise: with DEBUG off a SECRET_KEY is required.
LOCAL := DEBUG=$${DEBUG:-true}

migrate: $(STAMP)
	$(LOCAL) $(PY) manage.py migrate --noinput
	$(LOCAL) $(PY) manage.py createcachetable

run: migrate
	$(LOCAL) $(PY) manage.py bootstrap
	$(LOCAL) SOURCES_WIKIPEDIA_URL=$${SOURCES_WIKIPEDIA_URL-https://en.wikipedia.org} \
		$(PY) manage.py runworkbench

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: lint
	$(LOCAL) $(PY) manage.py makemigrations --check --dry-run > /dev/null
	$(PY) -m pytest

# Faults injected into a running stack (own Redis, workers, beat); see README "Fault injection".
test-faults: $(STAMP)
	$(PY) -m pytest -m faults tests/faults

# Rebuild the check-worthiness model from factcheck/extraction/data/ (same data, same file).
model: $(STAMP)
	$(PY) manage.py checkworthiness_train

bench: bench-ingest bench-fetch bench-api bench-match

bench-ingest: $(STAMP)
	$(PY) bench/ingest.py

bench-profile: $(STAMP)
	$(PY) bench/profile_ingest.py

bench-fetch: $(STAMP)
	-$(PY) bench/fetch.py --stack sqlite  # a missed target must not skip the PostgreSQL run
	$(PY) bench/fetch.py --stack postgres

bench-api: $(STAMP)
	@command -v wrk > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null; } \
		|| echo "wrk is not installed and could not be installed (Debian: apt-get install wrk)" >&2
	$(PY) bench/api.py

bench-match: $(STAMP)
	@command -v wrk > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null; } \
		|| echo "wrk is not installed and could not be installed (Debian: apt-get install wrk)" >&2
	$(PY) bench/match.py

# Published evaluation: one script per automatic part, each prints its table (those given
# --readme also write it into README.md's Evaluation section).
eval: $(STAMP)
	$(PY) eval/checkworthiness.py --readme
	$(PY) eval/extraction.py --readme
	for set in heldout heldout2 heldout3 heldout4 heldout5 heldout6 heldout7 heldout8 heldout9 heldout10 heldout11; do $(PY) eval/extraction.py --$$set --readme; done
	$(PY) eval/numbers.py
	$(PY) eval/numbers_cv.py
	$(PY) eval/matching.py

clean:
	rm -rf var db.sqlite3 staticfiles .pytest_cache

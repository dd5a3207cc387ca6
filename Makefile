# Sala: `make run` to try it, `make test` to check it. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export SALA_DATA_DIR ?= $(CURDIR)/var
export SALA_SITE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run test test-postgres lint bench bootstrap system-deps messages clean

$(BIN)/sala: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/sala

system-deps:
	@bash scripts/system-deps.sh $(SYSTEM_DEPS_FLAGS)

messages: $(BIN)/sala
	@$(BIN)/sala compilemessages --ignore '.venv' -v 0

bootstrap: system-deps $(BIN)/sala messages
	@mkdir -p $(SALA_DATA_DIR)

run: bootstrap
	$(BIN)/sala migrate --noinput -v 0
	$(BIN)/sala collectstatic --noinput -v 0
	$(BIN)/sala load_demo
	@# The background worker sends the emails (printed to this console by default).
	$(BIN)/sala db_worker --interval 2 & worker=$$!; trap "kill $$worker" EXIT INT TERM; \
	  $(BIN)/sala runserver 127.0.0.1:$(PORT)

test: SYSTEM_DEPS_FLAGS = --with-browser
test: bootstrap
	SALA_STATICFILES_STORAGE=django.contrib.staticfiles.storage.StaticFilesStorage \
	  $(BIN)/pytest $(PYTEST_ARGS)

lint: $(BIN)/sala
	$(BIN)/ruff check .
	$(BIN)/ruff format --check src tests bench

bench: bootstrap
	$(BIN)/python bench/run.py $(SCENARIOS)

clean:
	rm -rf $(VENV) var

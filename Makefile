# The two commands: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000

.PHONY: run test install lint messages bench clean

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

# Front-end libraries (Bootstrap, icons, Chart.js) come from npm and are served locally.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: pages will render without Bootstrap styling"; fi

install: $(BIN)/.installed node_modules/.installed

run: install
	$(BIN)/haidang migrate --no-input
	$(BIN)/haidang demo
	$(BIN)/haidang run --port $(PORT)

test: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/haidang check
	$(BIN)/haidang makemigrations --check --dry-run
	# pytest exits 5 when it collects nothing; that is not a failure of the code.
	$(BIN)/python -m pytest $(PYTEST_ARGS) || [ $$? -eq 5 ]

messages: install
	cd haidang && ../$(BIN)/haidang makemessages -l vi --no-obsolete && ../$(BIN)/haidang compilemessages -l vi

bench: install
	for b in bench/*.py; do $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) node_modules

# missive — make help lists the targets.

CARGO ?= cargo
PYTHON ?= python3
VENV := .venv
CORPUS ?= data/corpus
OUT ?= data/out
GOLD ?= data/gold/dev
BIN := target/debug/missive
INTEROP_OUT := target/interop-out

export CARGO_INCREMENTAL ?= 0

.PHONY: help build pipeline eval test lint fmt check-fmt clippy unit interop schema clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

build: ## Build the missive binary
	$(CARGO) build --bin missive

pipeline: build ## Run pipelines/default.toml over data/corpus into data/out
	$(BIN) run pipelines/default.toml --corpus $(CORPUS) --out $(OUT)

eval: build ## Score data/out against the dev gold (run `make pipeline` first)
	$(BIN) eval --out $(OUT) --gold $(GOLD)

schema: build ## Print every table's columns, types and descriptions
	$(BIN) schema

test: check-fmt clippy unit interop ## What CI runs: fmt, clippy, every test, interoperability

check-fmt: ## cargo fmt --check
	$(CARGO) fmt --all -- --check

fmt: ## Format the code
	$(CARGO) fmt --all

clippy: ## Clippy with warnings denied
	$(CARGO) clippy --workspace --all-targets -- -D warnings

unit: ## Every Rust test
	$(CARGO) test --workspace

$(VENV)/.ok: tests/interop/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r tests/interop/requirements.txt
	touch $@

interop: build $(VENV)/.ok ## Open every table with pyarrow, polars, pandas and DuckDB
	$(BIN) run pipelines/default.toml --out $(INTEROP_OUT) --quiet
	$(VENV)/bin/python tests/interop/check_tables.py $(INTEROP_OUT)

clean: ## Remove build output, data/out and the virtual environment
	$(CARGO) clean
	rm -rf $(OUT) $(VENV)

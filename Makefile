# missive — make help lists the targets.

CARGO ?= cargo
PYTHON ?= python3
VENV := .venv
CORPUS ?= data/corpus
OUT ?= data/out
GOLD ?= data/gold
# PROFILE=perf builds the profile `make bench` measures: about twice as fast
# on a large corpus, for a longer first build (see BENCHMARKS.md).
PROFILE ?= dev
BIN := target/$(if $(filter dev,$(PROFILE)),debug,$(PROFILE))/missive
INTEROP_OUT := target/interop-out
# apt-get needs root: CI runs as root, a GitHub runner has sudo.
SUDO ?= $(shell [ "$$(id -u)" = 0 ] || echo sudo)

BENCH_SIZE ?= 1G
BENCH_PROFILE ?= perf
BENCH_DIR := target/bench

export CARGO_INCREMENTAL ?= 0
# CI runs are reproducible: under CI=true the property tests use a fixed
# seed (their saved regressions are replayed in every run); locally each run
# explores new cases.
ifdef CI
export PROPTEST_RNG_SEED ?= 20261201
endif

.PHONY: chromium-installed pdf-tools rg-installed
.PHONY: help build pipeline eval eval-phrasings test lint fmt check-fmt clippy unit interop schema clean \
	codebook report notebook notebook-outputs browser actionlint screenshot bench bench-pgo bench-memory bench-micro fuzz

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

build: ## Build the missive binary (PROFILE=perf for large corpora)
	$(CARGO) build --profile $(PROFILE) --bin missive

pipeline: build ## Run pipelines/default.toml over data/corpus into data/out, with its report.html
	$(BIN) run pipelines/default.toml --corpus $(CORPUS) --out $(OUT)
	$(BIN) report $(OUT)

eval: build ## Score data/out against both gold splits, dev and test (run `make pipeline` first)
	@echo "== dev split (rules are written against it)"
	$(BIN) eval --out $(OUT) --gold $(GOLD)/dev
	@echo "== test split (no rule is written against it)"
	$(BIN) eval --out $(OUT) --gold $(GOLD)/test

PHRASINGS := docs/audits/2026-12-07-event-phrasings

eval-phrasings: build $(VENV)/.ok ## Score mandate events on the blind phrasing sets (B, D, G, I, K, M and O held out)
	@for set in a b c d e f g h i j k l m n o; do $(VENV)/bin/python $(PHRASINGS)/score.py $(BIN) $(PHRASINGS)/set_$$set.csv target/phrasings-$$set; done

schema: build ## Print every table's columns, types and descriptions
	$(BIN) schema

codebook: build ## Regenerate docs/CODEBOOK.md and docs/datapackage.json from the table contract
	$(BIN) codebook > docs/CODEBOOK.md
	$(BIN) codebook --format datapackage > docs/datapackage.json

report: build ## Write data/out/report.html (run `make pipeline` first)
	$(BIN) report $(OUT)

test: check-fmt clippy unit interop notebook browser actionlint ## What CI runs: fmt, clippy, every test, interop, notebook, browser, actionlint

check-fmt: ## cargo fmt --check
	$(CARGO) fmt --all -- --check

fmt: ## Format the code
	$(CARGO) fmt --all

clippy: ## Clippy with warnings denied
	$(CARGO) clippy --workspace --all-targets -- -D warnings

unit: pdf-tools ## Every Rust test
	$(CARGO) test --workspace

$(VENV)/.ok: tests/interop/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r tests/interop/requirements.txt
	touch $@

# The default corpus's tables and report, for the Python-side checks.
$(INTEROP_OUT)/report.html: build
	$(BIN) run pipelines/default.toml --out $(INTEROP_OUT) --quiet
	$(BIN) report $(INTEROP_OUT)

interop: $(INTEROP_OUT)/report.html $(VENV)/.ok ## Open every table with pyarrow, polars, pandas, DuckDB; validate datapackage.json
	$(VENV)/bin/python tests/interop/check_tables.py $(INTEROP_OUT)
	$(VENV)/bin/python tests/interop/check_datapackage.py $(INTEROP_OUT)

notebook: $(INTEROP_OUT)/report.html $(VENV)/.ok ## Execute notebooks/explore.ipynb on the default corpus's tables; fail if its committed outputs are stale
	$(VENV)/bin/python tests/interop/run_notebook.py notebooks/explore.ipynb $(INTEROP_OUT)

notebook-outputs: $(INTEROP_OUT)/report.html $(VENV)/.ok ## Execute notebooks/explore.ipynb on the default corpus and commit-ready its outputs
	$(VENV)/bin/python tests/interop/run_notebook.py notebooks/explore.ipynb $(INTEROP_OUT) --write

# Debian's chromium and its WebDriver, and fonts for the page.
CHROMIUM := $(shell command -v chromium 2>/dev/null)
CHROMEDRIVER := $(shell command -v chromedriver 2>/dev/null)
PDFTOTEXT := $(shell command -v pdftotext 2>/dev/null)
QPDF := $(shell command -v qpdf 2>/dev/null)

pdf-tools: ## Install poppler's pdftotext (reads PDF input) and qpdf (the tests encrypt a PDF with it)
ifeq ($(and $(PDFTOTEXT),$(QPDF)),)
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils qpdf
else
	@echo "pdf tools: $(PDFTOTEXT), $(QPDF)"
endif

chromium-installed:
ifeq ($(and $(CHROMIUM),$(CHROMEDRIVER)),)
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		chromium chromium-driver fonts-dejavu-core fonts-liberation
else
	@echo "chromium: $(CHROMIUM), $(CHROMEDRIVER)"
endif

browser: $(INTEROP_OUT)/report.html $(VENV)/.ok chromium-installed ## Load report.html in headless Chromium: no errors, charts drawn
	$(VENV)/bin/python tests/interop/check_report.py $(INTEROP_OUT)/report.html --screenshot target/report.png

screenshot: $(VENV)/.ok chromium-installed ## Refresh docs/report.png from data/out (run `make pipeline` first)
	$(VENV)/bin/python tests/interop/check_report.py $(OUT)/report.html --screenshot docs/report.png --mission-screenshot docs/report-mission.png

actionlint: $(VENV)/.ok ## Lint .github/workflows with actionlint
	$(VENV)/bin/actionlint -no-color .github/workflows/*.yml
	@if $(VENV)/bin/actionlint -no-color tests/fixtures/workflows/broken.yml >/dev/null; then \
		echo "actionlint accepted tests/fixtures/workflows/broken.yml"; exit 1; fi
	@echo "actionlint: $(words $(wildcard .github/workflows/*.yml)) workflow files clean"

rg-installed:
	@command -v rg >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep) || $(CARGO) install ripgrep

bench: rg-installed ## Scaled corpus (BENCH_SIZE=1G) under target/bench: rg, missive on 1 and 2 threads
	$(CARGO) build --profile $(BENCH_PROFILE) -p missive -p missive-bench --bin missive --bin scale-corpus
	target/$(BENCH_PROFILE)/scale-corpus $(CORPUS) $(BENCH_DIR)/corpus-$(BENCH_SIZE) $(BENCH_SIZE)
	benches/run.sh target/$(BENCH_PROFILE)/missive $(BENCH_DIR)/corpus-$(BENCH_SIZE) \
	  $(BENCH_DIR)/work-$(BENCH_SIZE) $(BENCH_DIR)/report-$(BENCH_SIZE).md

# Profile-guided build (issue 23): an instrumented binary runs the default
# corpus once on one thread, llvm-profdata (rustup's llvm-tools, matching
# rustc's LLVM) merges the counts, and the bench profile is rebuilt with
# them. Separate target folders keep the plain build as it is.
PGO_DIR := $(BENCH_DIR)/pgo
LLVM_PROFDATA = $(shell rustc --print sysroot)/lib/rustlib/$(shell rustc -vV | sed -n 's/^host: //p')/bin/llvm-profdata

bench-pgo: rg-installed ## make bench with a profile-guided build trained on data/corpus (adds rustup's llvm-tools)
	rustup component add llvm-tools
	rm -rf $(PGO_DIR)/profiles $(PGO_DIR)/train-out
	CARGO_TARGET_DIR=$(PGO_DIR)/gen RUSTFLAGS="-Cprofile-generate=$(abspath $(PGO_DIR))/profiles" \
	  $(CARGO) build --profile $(BENCH_PROFILE) -p missive --bin missive
	$(PGO_DIR)/gen/$(BENCH_PROFILE)/missive run pipelines/default.toml --corpus $(CORPUS) --out $(PGO_DIR)/train-out --threads 1 --quiet
	$(LLVM_PROFDATA) merge -o $(PGO_DIR)/merged.profdata $(PGO_DIR)/profiles
	CARGO_TARGET_DIR=$(PGO_DIR)/use RUSTFLAGS="-Cprofile-use=$(abspath $(PGO_DIR))/merged.profdata -Cllvm-args=-pgo-warn-missing-function=false" \
	  $(CARGO) build --profile $(BENCH_PROFILE) -p missive -p missive-bench --bin missive --bin scale-corpus
	$(PGO_DIR)/use/$(BENCH_PROFILE)/scale-corpus $(CORPUS) $(BENCH_DIR)/corpus-$(BENCH_SIZE) $(BENCH_SIZE)
	benches/run.sh $(PGO_DIR)/use/$(BENCH_PROFILE)/missive $(BENCH_DIR)/corpus-$(BENCH_SIZE) \
	  $(BENCH_DIR)/work-$(BENCH_SIZE)-pgo $(BENCH_DIR)/report-$(BENCH_SIZE)-pgo.md

bench-memory: ## Peak memory over distinct documents at 1 GiB and 2 GiB (--threads 2)
	$(CARGO) build --profile $(BENCH_PROFILE) -p missive -p missive-bench --bin missive --bin scale-corpus
	benches/memory.sh target/$(BENCH_PROFILE)/missive target/$(BENCH_PROFILE)/scale-corpus $(CORPUS) \
	  $(BENCH_DIR)/memory 1G 2G

bench-micro: ## Micro-benchmarks of the hot paths (divan)
	$(CARGO) bench --profile $(BENCH_PROFILE) -p missive-bench --bench hot_paths

FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= document numbers dates

# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP=1 lets the stable
# toolchain accept them. A crash stops the target and leaves its input in
# fuzz/artifacts/TARGET/: turn it into a regression test.
fuzz: ## Run each fuzz target for FUZZ_SECONDS (60) s; installs cargo-fuzz if missing
	@command -v cargo-fuzz >/dev/null 2>&1 || $(CARGO) install cargo-fuzz --locked
	@set -e; cd fuzz; for t in $(FUZZ_TARGETS); do \
	  mkdir -p corpus/$$t; \
	  echo "fuzz $$t: $(FUZZ_SECONDS) s"; \
	  seeds=seeds/$$t; [ $$t = document ] && seeds="../tests/fixtures/layouts ../tests/fixtures/missions"; \
	  RUSTC_BOOTSTRAP=1 $(CARGO) fuzz run $$t corpus/$$t $$seeds -- \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1; \
	done

clean: ## Remove build output, data/out and the virtual environment
	$(CARGO) clean
	rm -rf $(OUT) $(VENV)

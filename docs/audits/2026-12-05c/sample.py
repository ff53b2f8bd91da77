"""Draws the audit samples of docs/audits/2026-12-05c from an output folder.

Usage: python3 sample.py OUT_DIR  (OUT_DIR: `make pipeline`'s data/out, the
default corpus at the commit named in README.md; schema 2.x tables).
Seed 202612053; polars' sample with that seed, so the same tables give the
same rows.
"""
import sys, pathlib
import polars as pl

out = pathlib.Path(sys.argv[1]); here = pathlib.Path(__file__).parent
SEED = 202612053
src = pl.read_parquet(out / "documents.parquet").select("doc_id", "source_path")
def write(name, df):
    df.write_csv(here / f"{name}.csv")
ev = pl.read_parquet(out / "mandate_events.parquet")
write("sample_mandate_events", ev.sample(40, seed=SEED).join(src, on="doc_id")
      .select("doc_id", "source_path", "mission_id", "event", "status", "date", "until", "resolution", "sentence").with_row_index("id", 1))
ind = pl.read_parquet(out / "indicators.parquet")
write("sample_indicators", ind.sample(60, seed=SEED + 2).join(src, on="doc_id")
      .select("indicator_id", "source_path", "surface", "value", "value_high", "qualifier", "unit_surface", "unit", "category", "sentence").with_row_index("id", 1))
print("samples written to", here)

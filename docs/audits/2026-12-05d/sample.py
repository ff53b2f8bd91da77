"""Draws the audit samples of docs/audits/2026-12-05d from an output folder.

Usage: python3 sample.py OUT_DIR  (OUT_DIR: `make pipeline`'s data/out, the
default corpus at the commit named in README.md; schema 2.x tables).
Seed 202612054; polars' sample with that seed, so the same tables give the
same rows.
"""
import sys, pathlib
import polars as pl

out = pathlib.Path(sys.argv[1]); here = pathlib.Path(__file__).parent
SEED = 202612054
docs = pl.read_parquet(out / "documents.parquet").select("doc_id", "source_path", "title")
src = docs.select("doc_id", "source_path")
def write(name, df):
    df.write_csv(here / f"{name}.csv")
ev = pl.read_parquet(out / "mandate_events.parquet")
write("sample_mandate_events", ev.sample(40, seed=SEED).join(src, on="doc_id")
      .select("doc_id", "source_path", "mission_id", "event", "status", "date", "until", "resolution", "sentence").with_row_index("id", 1))
ind = pl.read_parquet(out / "indicators.parquet")
write("sample_indicator_subjects", ind.sample(40, seed=SEED + 1).join(src, on="doc_id")
      .select("indicator_id", "source_path", "surface", "subject", "mission_id", "sentence").with_row_index("id", 1))
write("sample_indicators", ind.sample(60, seed=SEED + 2).join(src, on="doc_id")
      .select("indicator_id", "source_path", "surface", "value", "value_high", "qualifier", "unit_surface", "unit", "category", "sentence").with_row_index("id", 1))
act = pl.read_parquet(out / "activities.parquet")
write("sample_activities", act.sample(40, seed=SEED + 3).join(src, on="doc_id")
      .select("activity_id", "source_path", "mission_id", "categories", "mode", "sentence")
      .with_columns(pl.col("categories").list.join("|")).with_row_index("id", 1))
write("sample_titles", docs.sample(30, seed=SEED + 4).select("doc_id", "source_path", "title").with_row_index("id", 1))
print("samples written to", here)

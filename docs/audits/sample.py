"""Draws the samples of an audit from an output folder.

Usage: python3 docs/audits/sample.py OUT_DIR AUDIT_DIR SEED
OUT_DIR: `make pipeline`'s data/out (the default corpus at the commit the
audit's README names; schema 2.x tables). Writes sample_*.csv into
AUDIT_DIR: 40 mandate events (seed), 40 indicator subjects (seed + 1), 60
indicators (seed + 2), 40 activities (seed + 3), 30 titles (seed + 4).
polars' `sample` with those seeds: the same tables give the same rows.
"""
import sys, pathlib
import polars as pl

out, here, seed = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
docs = pl.read_parquet(out / "documents.parquet").select("doc_id", "source_path", "title")
src = docs.select("doc_id", "source_path")
def write(name, df):
    df.write_csv(here / f"{name}.csv")
ev = pl.read_parquet(out / "mandate_events.parquet")
write("sample_mandate_events", ev.sample(40, seed=seed).join(src, on="doc_id")
      .select("doc_id", "source_path", "mission_id", "event", "status", "date", "until", "resolution", "sentence").with_row_index("id", 1))
ind = pl.read_parquet(out / "indicators.parquet")
write("sample_indicator_subjects", ind.sample(40, seed=seed + 1).join(src, on="doc_id")
      .select("indicator_id", "source_path", "surface", "subject", "mission_id", "sentence").with_row_index("id", 1))
write("sample_indicators", ind.sample(60, seed=seed + 2).join(src, on="doc_id")
      .select("indicator_id", "source_path", "surface", "value", "value_high", "qualifier", "unit_surface", "unit", "category", "sentence").with_row_index("id", 1))
act = pl.read_parquet(out / "activities.parquet")
write("sample_activities", act.sample(40, seed=seed + 3).join(src, on="doc_id")
      .select("activity_id", "source_path", "mission_id", "categories", "mode", "sentence")
      .with_columns(pl.col("categories").list.join("|")).with_row_index("id", 1))
write("sample_titles", docs.sample(30, seed=seed + 4).select("doc_id", "source_path", "title").with_row_index("id", 1))
print("samples written to", here)

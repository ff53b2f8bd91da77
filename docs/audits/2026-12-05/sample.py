"""Draws the audit samples of docs/audits/2026-12-05 from an output folder.

Usage: python3 sample.py OUT_DIR  (OUT_DIR: `missive run pipelines/default.toml`
over data/corpus at commit 793a736). Seed 20261205; polars' sample with that
seed, so the same tables give the same rows.
"""
import sys, pathlib
import polars as pl

out = pathlib.Path(sys.argv[1]); here = pathlib.Path(__file__).parent
SEED = 20261205
letters = pl.read_parquet(out / "letters.parquet").select("doc_id", "source_path", "title")
def write(name, df):
    df.write_csv(here / f"{name}.csv")
act = pl.read_parquet(out / "activities.parquet")
write("sample_activities", act.sample(40, seed=SEED).join(letters.select("doc_id", "source_path"), on="doc_id")
      .select("activity_id", "source_path", "mission_id", "categories", "mode", "sentence")
      .with_columns(pl.col("categories").list.join("|")).with_row_index("id", 1))
write("sample_titles", letters.sample(30, seed=SEED + 1).select("doc_id", "source_path", "title").with_row_index("id", 1))
ind = pl.read_parquet(out / "indicators.parquet")
write("sample_indicator_subjects", ind.sample(40, seed=SEED + 2).join(letters.select("doc_id", "source_path"), on="doc_id")
      .select("indicator_id", "source_path", "surface", "subject", "mission_id", "sentence").with_row_index("id", 1))
print("samples written to", here)

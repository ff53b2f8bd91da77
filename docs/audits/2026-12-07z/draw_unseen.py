"""Draws samples d and e of audit 07z: activity rows whose sentence is not
one the category model learned (`data/gold/pact/sentence_codes.csv`), and
not in samples a-c.

usage: python draw_unseen.py OUT_DIR (the output of `make pipeline` at the
commit the README names)
"""
import csv, os, sys

import polars as pl

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..", "..", "..")
out = sys.argv[1]
train = {r["sentence"] for r in csv.DictReader(open(os.path.join(root, "data/gold/pact/sentence_codes.csv")))}
act = pl.read_parquet(os.path.join(out, "activities.parquet"))
docs = pl.read_parquet(os.path.join(out, "documents.parquet")).select("doc_id", "source_path")
unseen = act.filter(~pl.col("sentence").is_in(list(train)))
drawn = set()
for d in ["", "b", "c"]:
    drawn |= {r["activity_id"] for r in csv.DictReader(open(os.path.join(here, d, "sample_activities.csv")))}
unseen = unseen.filter(~pl.col("activity_id").is_in(list(drawn)))
for name, seed in [("d", 202615917), ("e", 202616017)]:
    os.makedirs(os.path.join(here, name), exist_ok=True)
    path = os.path.join(here, name, "sample_activities.csv")
    (unseen.sample(40, seed=seed).join(docs, on="doc_id")
     .select("activity_id", "source_path", "mission_id", "categories", "mode", "sentence")
     .with_columns(pl.col("categories").list.join("|")).with_row_index("id", 1).write_csv(path))
    unseen = unseen.filter(~pl.col("activity_id").is_in(pl.read_csv(path)["activity_id"].to_list()))

"""Draws the paired review 08a: 120 activity rows whose category changed
between two outputs of `make pipeline` over the same corpus (OLD: at
c6a9a66, paragraph model and cue rules; NEW: with the sentence-in-context
category model), 60 per reviewer, the two codings in a seeded random order
(`key.csv` says which is which).

usage: python draw.py OLD_OUT NEW_OUT
"""
import csv, os, random, sys

import polars as pl

here = os.path.dirname(os.path.abspath(__file__))
old, new = (pl.read_parquet(os.path.join(d, "activities.parquet")) for d in sys.argv[1:3])
docs = pl.read_parquet(os.path.join(sys.argv[2], "documents.parquet")).select("doc_id", "source_path")
k = ["doc_id", "char_start"]
j = (old.select(k + ["categories"]).rename({"categories": "old"})
     .join(new.select(k + ["activity_id", "mission_id", "mode", "sentence", "categories"]).rename({"categories": "new"}), on=k)
     .with_columns(pl.col("old").list.join("|"), pl.col("new").list.join("|"))
     .filter(pl.col("old") != pl.col("new")))
s = j.sample(120, seed=202616117).join(docs, on="doc_id")
rng = random.Random(202616117)
rows, key = [], []
for i, r in enumerate(s.iter_rows(named=True)):
    flip = rng.random() < 0.5
    a, b = (r["new"], r["old"]) if flip else (r["old"], r["new"])
    rows.append({"id": i % 60 + 1, "source_path": r["source_path"], "mission_id": r["mission_id"], "mode": r["mode"],
                 "coding_A": a or "(none)", "coding_B": b or "(none)", "sentence": r["sentence"]})
    key.append({"set": "a" if i < 60 else "b", "id": i % 60 + 1, "activity_id": r["activity_id"], "A": "new" if flip else "old"})
for sub, part in [("", rows[:60]), ("b", rows[60:])]:
    os.makedirs(os.path.join(here, sub), exist_ok=True)
    w = csv.DictWriter(open(os.path.join(here, sub, "sample_pairs.csv"), "w", newline=""), fieldnames=rows[0].keys())
    w.writeheader()
    w.writerows(part)
w = csv.DictWriter(open(os.path.join(here, "key.csv"), "w", newline=""), fieldnames=key[0].keys())
w.writeheader()
w.writerows(key)

"""Judge an output's activity rows by the blind coders' labels of some batches.

usage: python score_rows.py OUT_DIR FIRST LAST
(OUT_DIR: a run's output folder, e.g. the pipeline run over the documents
of batches FIRST..LAST with models trained without them, the held-out
check of data/models/README.md.) For the items of batches FIRST..LAST,
finds the row of each sentence in `activities.parquet` and prints: how
many coded acts (both coders: an act with categories) are kept and how
many of those have categories among the coders' that include one both
gave; how many no-acts and acts no category fits (both coders) are kept;
and the share of kept rows that are coded acts with such categories.
"""
import csv, os, sys

import polars as pl

here = os.path.dirname(os.path.abspath(__file__))
out, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = {}
for r in pl.read_parquet(os.path.join(out, "activities.parquet")).iter_rows(named=True):
    rows.setdefault(r["sentence"], r)
cats = lambda r: {x.strip() for x in r["categories"].split("|") if x.strip() and x.strip() != "none"}
acts = kept = right = no_act = no_act_kept = no_cat = no_cat_kept = 0
for b in range(first, last + 1):
    items = list(csv.DictReader(open(os.path.join(here, f"items_{b}.csv"))))
    la = list(csv.DictReader(open(os.path.join(here, f"labels_{b}_A.csv"))))
    lb = list(csv.DictReader(open(os.path.join(here, f"labels_{b}_B.csv"))))
    for it, a, c in zip(items, la, lb):
        row = rows.get(it["sentence"])
        ra, rb = a["real"].strip().lower() == "yes", c["real"].strip().lower() == "yes"
        if not ra and not rb:
            no_act += 1
            no_act_kept += row is not None
            continue
        if ra != rb:
            continue
        ca, cb = cats(a), cats(c)
        if not ca and not cb:
            no_cat += 1
            no_cat_kept += row is not None
            continue
        acts += 1
        if row is None:
            continue
        kept += 1
        rc = set(row["categories"])
        right += bool(rc and rc <= (ca | cb) and rc & (ca & cb))
print(f"coded acts {acts}: kept {kept}, categories right {right} ({right / max(1, kept):.3f})")
print(f"no acts {no_act}: kept {no_act_kept}; acts no category fits {no_cat}: kept {no_cat_kept}")
total = kept + no_act_kept + no_cat_kept
print(f"kept rows right: {right} / {total} = {right / max(1, total):.3f}")

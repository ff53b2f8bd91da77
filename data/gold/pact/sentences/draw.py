"""Draw batches of activity sentences for blind coding.

usage: python draw.py OUT_DIR SEED FIRST_BATCH N_BATCHES
(OUT_DIR: `make pipeline`'s data/out.) Samples 150 rows per batch of
`activities.parquet` with distinct sentences (polars `sample(seed=SEED)`),
leaving out every sentence already in `key.csv` and every sentence of an
audit sample under docs/audits/ (by its first 80 characters), and writes
items_N.csv (id, mission, sentence, context: about 700 characters either
side of the sentence in its document, whitespace collapsed) and appends
the batch's rows to key.csv.
"""
import csv, glob, os, re, sys

import polars as pl

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", "..", "..", ".."))
out, seed, first, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
key_path = os.path.join(here, "key.csv")
key = list(csv.DictReader(open(key_path)))
seen = {r["sentence"][:80] for r in key}
for p in glob.glob(os.path.join(root, "docs", "audits", "**", "*.csv"), recursive=True):
    for r in csv.DictReader(open(p)):
        if r.get("sentence"):
            seen.add(r["sentence"][:80])
docs = pl.read_parquet(os.path.join(out, "documents.parquet"), columns=["doc_id", "source_path"])
act = (
    pl.read_parquet(os.path.join(out, "activities.parquet"), columns=["activity_id", "doc_id", "mission_id", "sentence"])
    .unique(subset="sentence", keep="first", maintain_order=True)
    .filter(~pl.col("sentence").str.slice(0, 80).is_in(list(seen)))
    .sample(150 * n, seed=seed)
    .join(docs, on="doc_id")
)
space = lambda s: re.sub(r"\s+", " ", s)
texts = {}
def context(path, sentence):
    if path not in texts:
        texts[path] = space(open(os.path.join(root, "data", "corpus", path), encoding="utf-8", errors="replace").read())
    t, s = texts[path], space(sentence)
    i = t.find(s[:60])
    return t[max(0, i - 700): i + len(s) + 700] if i >= 0 else ""
rows = act.iter_rows(named=True)
with open(key_path, "a", newline="") as kf:
    kw = csv.writer(kf, lineterminator="\n")
    for b in range(first, first + n):
        with open(os.path.join(here, f"items_{b}.csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "mission", "sentence", "context"])
            for i in range(1, 151):
                r = next(rows)
                w.writerow([i, r["mission_id"], r["sentence"], context(r["source_path"], r["sentence"])])
                kw.writerow([b, i, r["doc_id"], r["activity_id"], r["mission_id"], r["sentence"]])
print(f"batches {first}-{first + n - 1} written")

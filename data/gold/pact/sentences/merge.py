"""Merge the two blind annotators' labels of each batch into ../sentence_codes.csv.

usage: python merge.py DOCUMENTS_PARQUET
(DOCUMENTS_PARQUET: the documents table of the run the items were drawn
from, for the file name of each item's document; `key.csv` gives it.)

A sentence is kept when both annotators judged it an act of the mission
(`real` = yes). Its categories are those both gave; when both gave none, it
is kept with none (an act no category fits); when each gave categories but
none in common, it is left out. Its `mode` is the one both gave, else empty. Prints the
agreement per batch.

Also writes ../act_codes.csv (`file`, `sentence`, `activity`): `yes` for a
sentence both judged an act of the mission and both gave a category, `no`
for one both judged no act, or both judged an act no category fits (the
mission's own administration: its premises, staff, moves, plans); a
sentence on which they differ is left out. It trains the filter that keeps
such sentences out of `activities` (`data/models/acts.tsv`).
"""
import csv, glob, os, sys

import polars as pl

here = os.path.dirname(os.path.abspath(__file__))
docs = dict(pl.read_parquet(sys.argv[1], columns=["doc_id", "source_path"]).iter_rows())
key = {(r["batch"], r["id"]): r for r in csv.DictReader(open(os.path.join(here, "key.csv")))}
cats = lambda r: [x.strip() for x in r["categories"].split("|") if x.strip() and x.strip() != "none"]
out, rows, acts = [], [], []
batches = sorted(int(p.rsplit("_", 1)[1][:-4]) for p in glob.glob(os.path.join(here, "items_*.csv")))
for b in batches:
    items = list(csv.DictReader(open(os.path.join(here, f"items_{b}.csv"))))
    la = list(csv.DictReader(open(os.path.join(here, f"labels_{b}_A.csv"))))
    lb = list(csv.DictReader(open(os.path.join(here, f"labels_{b}_B.csv"))))
    assert len(items) == len(la) == len(lb), b
    agree = both = exact = 0
    jac = 0.0
    for it, a, c in zip(items, la, lb):
        assert it["id"] == a["id"] == c["id"], (b, it["id"])
        k = key[(str(b), it["id"])]
        assert k["sentence"] == it["sentence"], (b, it["id"])
        ra, rb = a["real"].strip().lower() == "yes", c["real"].strip().lower() == "yes"
        agree += ra == rb
        file = docs[k["doc_id"]].rsplit("/", 1)[-1]
        if not ra and not rb:
            acts.append((file, it["sentence"], "no"))
        if not (ra and rb):
            continue
        both += 1
        ca, cb = cats(a), cats(c)
        union = set(ca) | set(cb)
        jac += len(set(ca) & set(cb)) / len(union) if union else 1.0
        exact += set(ca) == set(cb)
        common = [x for x in ca if x in cb]
        mode = a["mode"].strip() if a["mode"].strip() == c["mode"].strip() else ""
        if common or not union:
            out.append((file, it["sentence"], "|".join(common), mode))
        if ca and cb:
            acts.append((file, it["sentence"], "yes"))
        elif not union:
            acts.append((file, it["sentence"], "no"))
    rows.append((b, len(items), agree, both, jac / both, exact))
with open(os.path.join(here, "..", "sentence_codes.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["file", "sentence", "categories", "mode"])
    w.writerows(out)
with open(os.path.join(here, "..", "act_codes.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["file", "sentence", "activity"])
    w.writerows(acts)
print("| batch | items | `real` agreed | both real | category Jaccard | same categories |")
print("| --- | --- | --- | --- | --- | --- |")
for b, n, agree, both, j, exact in rows:
    print(f"| {b} | {n} | {agree} | {both} | {j:.2f} | {exact} |")
n = sum(r[1] for r in rows); agree = sum(r[2] for r in rows); both = sum(r[3] for r in rows)
j = sum(r[4] * r[3] for r in rows) / both; exact = sum(r[5] for r in rows)
print(f"| all | {n} | {agree} ({agree / n:.1%}) | {both} | {j:.2f} | {exact} |")
print(f"{len(acts)} act codes written, {sum(1 for a in acts if a[2] == 'no')} of them no PACT activity")
print(f"{len(out)} sentences written, {sum(1 for o in out if not o[2])} with no category, {sum(1 for o in out if o[3])} with a mode")

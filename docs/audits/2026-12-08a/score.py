"""Tallies the paired review 08a: per coding (the categories at c6a9a66,
`old`, and with the sentence-in-context model, `new`), how many rows the
reviewer judged plausible and which was better, with the rows whose
sentence the new model learned apart. usage: python score.py"""
import csv, os

here = os.path.dirname(os.path.abspath(__file__))
train = {r["sentence"] for r in csv.DictReader(open(os.path.join(here, "../../../data/gold/pact/sentence_codes.csv")))}
key = list(csv.DictReader(open(os.path.join(here, "key.csv"))))
tot = {}
for name, sub in [("a", ""), ("b", "b")]:
    s = list(csv.DictReader(open(os.path.join(here, sub, "sample_pairs.csv"))))
    j = list(csv.DictReader(open(os.path.join(here, sub, "judgments_pairs.csv"))))
    for k, row, r in zip([k for k in key if k["set"] == name], s, j):
        assert k["id"] == row["id"] == r["id"]
        new_is = k["A"] == "new"
        plaus = {"new": r["A_plausible" if new_is else "B_plausible"] == "yes",
                 "old": r["B_plausible" if new_is else "A_plausible"] == "yes"}
        better = r["better"].strip()
        who = "same" if better == "same" else ("new" if (better == "A") == new_is else "old")
        group = "learned" if row["sentence"] in train else "unseen"
        for g in (name, group, "all"):
            t = tot.setdefault(g, {"rows": 0, "old plausible": 0, "new plausible": 0, "old better": 0, "new better": 0, "same": 0})
            t["rows"] += 1
            t["old plausible"] += plaus["old"]
            t["new plausible"] += plaus["new"]
            t[f"{who} better" if who != "same" else "same"] += 1
for g, t in tot.items():
    print(g, t)

"""Tallies audit 07z, with the rows whose sentence the category model
learned (`data/gold/pact/sentence_codes.csv`) apart. usage: python score.py"""
import csv, os

here = os.path.dirname(os.path.abspath(__file__))
train = {r["sentence"] for r in csv.DictReader(open(os.path.join(here, "../../../data/gold/pact/sentence_codes.csv")))}
for d in ["", "b", "c", "d", "e"]:
    s = list(csv.DictReader(open(os.path.join(here, d, "sample_activities.csv"))))
    j = list(csv.DictReader(open(os.path.join(here, d, "judgments_activities.csv"))))
    ok = [b["real"] == "yes" and b["categories_plausible"] == "yes" for b in j]
    seen = [a["sentence"] in train for a in s]
    print(f"{d or 'a'}: real {sum(b['real'] == 'yes' for b in j)}, real with plausible categories {sum(ok)}, "
          f"fully right {sum(b['verdict'] == 'right' for b in j)} of {len(j)}; learned {sum(seen)} -> "
          f"{sum(o for o, t in zip(ok, seen) if t)}, unseen {len(s) - sum(seen)} -> {sum(o for o, t in zip(ok, seen) if not t)}")

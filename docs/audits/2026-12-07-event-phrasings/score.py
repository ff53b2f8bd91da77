"""Score missive's mandate events on the blind phrasing sets.

    python score.py MISSIVE_BINARY SET.csv WORKDIR [--list]

Each sentence of SET.csv becomes a one-paragraph report dated
`report_date`; missive runs over them (pipelines/default.toml) and its
events are matched to the expected ones as `missive eval` matches gold
(GUIDELINES §5: mission, event, and the date fields the expected row gives;
a `YYYY-MM` matches any day of that month). Prints precision, recall, F1
and status accuracy; `--list` lists every miss (set A only: set B is held
out, its failures are not read).
"""
import collections, csv, os, shutil, subprocess, sys

import polars as pl

binary, src, work = sys.argv[1], sys.argv[2], sys.argv[3]
root = os.path.dirname(os.path.abspath(__file__))
repo = os.path.abspath(os.path.join(root, "..", "..", ".."))
rows = list(csv.DictReader(open(src)))
sents, exp = {}, collections.defaultdict(list)
norm = lambda m: m.strip().upper().replace("-", "").replace(" ", "")
for r in rows:
    sents[r["id"]] = (r["report_date"], r["sentence"])
    if r["mission"].strip():
        exp[r["id"]].append((norm(r["mission"]), r["event"].strip(), r["status"].strip(),
                             r["date"].strip() or None, r["until"].strip() or None))
docs, out = os.path.join(work, "docs"), os.path.join(work, "out")
shutil.rmtree(work, ignore_errors=True)
os.makedirs(docs)
months = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
for i, (d, s) in sents.items():
    y, m, dd = map(int, d.split("-"))
    text = (f"S/{y}/9{int(i):03d}\n\nUnited Nations\n\nSecurity Council\n\nDistr.: General\n"
            f"{dd} {months[m - 1]} {y}\nOriginal: English\n\nReport of the Secretary-General\n\n"
            f"I. Introduction\n1. {s}\n2. The situation remained calm.\n")
    open(os.path.join(docs, f"p{int(i):03d}.txt"), "w").write(text)
subprocess.run([binary, "run", "pipelines/default.toml", "--corpus", docs, "--out", out, "--quiet"],
               cwd=repo, check=True, capture_output=True)
rejects = pl.read_parquet(os.path.join(out, "rejects.parquet"))
if len(rejects):
    print(f"{len(rejects)} sentences rejected: {rejects['reason'].to_list()}")
e = pl.read_parquet(os.path.join(out, "mandate_events.parquet"))
d = pl.read_parquet(os.path.join(out, "documents.parquet")).select("doc_id", "source_path")
got = collections.defaultdict(list)
for r in e.join(d, on="doc_id").iter_rows(named=True):
    i = str(int(os.path.basename(r["source_path"])[1:4]))
    got[i].append((norm(r["mission_id"]), r["event"], r["status"], r["date"], r["until"]))

def match(g, p):
    if g[0] != p[0] or g[1] != p[1]:
        return False
    for gi, pi in ((g[3], p[3]), (g[4], p[4])):
        if gi and not (pi and (pi == gi or (len(gi) == 7 and pi.startswith(gi)))):
            return False
    return True

tp = fp = fn = status = 0
lines = []
for i in sorted(sents, key=int):
    gold, pred, ok = list(exp[i]), list(got[i]), []
    for g in gold[:]:
        for p in pred:
            if match(g, p):
                ok.append((g, p)); pred.remove(p); gold.remove(g)
                break
    tp, fp, fn = tp + len(ok), fp + len(pred), fn + len(gold)
    status += sum(g[2] == p[2] for g, p in ok)
    bad = [f"missed {g}" for g in gold] + [f"spurious {p}" for p in pred]
    bad += [f"status {g[2]} -> {p[2]} {g[0]} {g[1]}" for g, p in ok if g[2] != p[2]]
    if bad:
        lines.append(f"{i}: {'; '.join(bad)} | {sents[i][1][:160]}")
P, R = tp / max(1, tp + fp), tp / max(1, tp + fn)
print(f"{os.path.basename(src)}: precision {P:.3f} recall {R:.3f} F1 {2 * P * R / max(1e-9, P + R):.3f} "
      f"(tp/fp/fn {tp}/{fp}/{fn}), status {status}/{tp}")
if "--list" in sys.argv:
    print("\n".join(lines))

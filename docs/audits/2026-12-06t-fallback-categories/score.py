"""Score an output folder's activity categories on the 160 labelled sentences.
usage: score.py OUT [-v]   (odd ids: rules were written against them; even ids: held out)"""
import os, sys, polars as pl
HERE=os.path.dirname(os.path.abspath(__file__))
def norm(s): return " ".join(s.split())
A=pl.read_csv(HERE+"/labels_A.csv"); B=pl.read_csv(HERE+"/labels_B.csv")
S=pl.read_csv(HERE+"/sample.csv")
out=pl.read_parquet(sys.argv[1]+"/activities.parquet")
cats={norm(s):list(c) for s,c in out.select("sentence","categories").iter_rows()}
def parse(x): return [c for c in (x or "").split("|") if c]
res={"odd":[0,0,0],"even":[0,0,0]}
verbose=len(sys.argv)>2
for a,b,s in zip(A.iter_rows(named=True),B.iter_rows(named=True),S.iter_rows(named=True)):
    la,lb=parse(a["categories"]),parse(b["categories"])
    if "not_activity" in la+lb: continue
    half="odd" if a["id"]%2 else "even"
    c=cats.get(norm(s["sentence"]))
    if c is None: res[half][2]+=1; continue
    if la==["none"] and lb==["none"]: ok = c==[]
    else:
        acc=set(la)|set(lb)-{"none"}; ok = bool(c) and set(c)<=acc
    res[half][0 if ok else 1]+=1
    if verbose and half=="odd" and not ok: print(a["id"],c,la,lb,s["sentence"][:120])
for h,(g,bd,gone) in res.items(): print(f"{h}: good {g} bad {bd} ({g/(g+bd):.2f}) rows gone {gone}")

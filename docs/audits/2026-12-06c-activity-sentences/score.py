# Scores an output folder against the two annotators of this folder: python3 score.py OUT dev|test [-v]
import csv, sys, polars as pl, collections
# usage: actscore.py OUTDIR SPLIT [-v]
out, split = sys.argv[1], sys.argv[2]; verbose = '-v' in sys.argv
items = {r['id']: r for r in csv.DictReader(open(f'docs/audits/2026-12-06c-activity-sentences/{split}_items.csv'))}
ours0 = {r['id']: r for r in csv.DictReader(open(f'docs/audits/2026-12-06c-activity-sentences/{split}_ours.csv'))}
def load(w):
    try: return {r['id']: r for r in csv.DictReader(open(f'docs/audits/2026-12-06c-activity-sentences/{split}_{w}.csv'))}
    except FileNotFoundError: return None
A, B = load('A'), load('B')
anns = [x for x in (A, B) if x]
a = pl.read_parquet(f'{out}/activities.parquet')
norm = lambda s: ' '.join(s.split())
cur = {}
for r in a.iter_rows(named=True):
    cur.setdefault(norm(r['sentence']), []).append(r)
def cats(r): 
    c = (r.get('categories') or '').strip()
    return set() if c in ('', 'none') else set(x.strip() for x in c.split('|') if x.strip())
def real(r): return r['real'].strip().lower().startswith('y')
n = collections.Counter(); kappa_pairs = []
for i, it in items.items():
    rows = [r for r in cur.get(norm(it['sentence']), []) if r['mission_id'] == it['mission']]
    js = [x[i] for x in anns]
    reals = [real(j) for j in js]
    if len(js) == 2: n['agree_real'] += reals[0] == reals[1]
    gold_real_both = all(reals); gold_real_any = any(reals)
    union = set().union(*[cats(j) for j in js if real(j)]) if gold_real_any else set()
    modes = set(j['mode'].strip() for j in js if real(j))
    if not rows:
        n['dropped'] += 1; n['dropped_real_both' if gold_real_both else ('dropped_real_one' if gold_real_any else 'dropped_not_real')] += 1
        if verbose: print(f'{i} DROPPED real={reals} {it["sentence"][:150]}')
        continue
    r = rows[0]; ours = set(r['categories']); n['rows'] += 1
    n['real_both'] += gold_real_both; n['real_any'] += gold_real_any
    none_fits = gold_real_any and not union
    plaus = (bool(ours) and ours <= union) or (none_fits and not ours)
    n['plaus_any'] += gold_real_any and plaus
    n['plaus_both'] += gold_real_both and plaus
    n['mode_ok'] += gold_real_any and r['mode'] in modes
    n['full_any'] += gold_real_any and plaus and r['mode'] in modes
    if gold_real_any:
        n['cat_tp'] += len(ours & union); n['cat_fp'] += len(ours - union)
        inter = set.intersection(*[cats(j) for j in js if real(j)])
        n['cat_fn'] += len(inter - ours)
    if verbose and not (gold_real_any and plaus):
        print(f'{i} {"REAL" if gold_real_any else "NOTREAL"} ours={sorted(ours)} gold={[j["categories"] for j in js]} mode={r["mode"]}/{modes} | {it["sentence"][:200]}')
N = len(items)
ja=[]
for i in items:
    if len(anns)==2 and real(anns[0][i]) and real(anns[1][i]):
        x,y=cats(anns[0][i]),cats(anns[1][i])
        ja.append(len(x&y)/len(x|y) if x|y else 1.0)
print(f'category Jaccard between annotators (both real): {sum(ja)/max(1,len(ja)):.2f} over {len(ja)}')
print(f'{split}: items {N}, rows now {n["rows"]}, dropped {n["dropped"]} (real both {n["dropped_real_both"]}, one {n["dropped_real_one"]}, not real {n["dropped_not_real"]}); real agreement {n["agree_real"]}/{N}')
print(f'  of rows: real(any) {n["real_any"]}, real(both) {n["real_both"]}; real+plausible cats (any) {n["plaus_any"]} = {n["plaus_any"]/max(1,n["rows"]):.2f}; (both) {n["plaus_both"]}; +mode {n["full_any"]}')
p = n['cat_tp']/max(1,n['cat_tp']+n['cat_fp']); r_ = n['cat_tp']/max(1,n['cat_tp']+n['cat_fn'])
print(f'  categories vs union: P {p:.2f}; recall of the agreed ones {r_:.2f}')

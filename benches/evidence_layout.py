"""Evidence in the rows or in a `sentences` table: the figures behind the
choice recorded in BENCHMARKS.md ("Evidence: one column, no join").

Usage: python3 benches/evidence_layout.py OUT_DIR   (an output folder, e.g.
data/out after `make pipeline`; needs polars and duckdb, as in
tests/interop/requirements.txt).

Builds, beside a copy of the real tables, the alternative layout: a
`sentences` table of the distinct (doc_id, sentence) pairs of indicators,
activities and mandate_events, and those tables with a `sentence_id`
instead of the sentence; prints the bytes of both layouts and the best of
five timings of reading indicators with their evidence in polars and
DuckDB (a plain read against a join).
"""
import os, sys, tempfile, time

import duckdb
import polars as pl

out = sys.argv[1]
EVIDENCE = ["indicators", "activities", "mandate_events"]
size = lambda p: os.path.getsize(p)
d = tempfile.mkdtemp()
sentences = (pl.concat([pl.read_parquet(f"{out}/{t}.parquet").select("doc_id", "sentence") for t in EVIDENCE])
             .unique().sort("doc_id", "sentence").with_row_index("sentence_id"))
sentences.write_parquet(f"{d}/sentences.parquet", compression="zstd")
rows_now = rows_alt = 0
for t in EVIDENCE:
    df = pl.read_parquet(f"{out}/{t}.parquet")
    df.join(sentences, on=["doc_id", "sentence"]).drop("sentence").write_parquet(f"{d}/{t}.parquet", compression="zstd")
    rows_now += size(f"{out}/{t}.parquet")
    rows_alt += size(f"{d}/{t}.parquet")
total = sum(size(f"{out}/{f}") for f in os.listdir(out) if f.endswith(".parquet"))
alt = total - rows_now + rows_alt + size(f"{d}/sentences.parquet")
print(f"output now: {total:,} bytes; with a sentences table: {alt:,} ({(alt - total) / total:+.1%})")
print(f"  evidence tables now {rows_now:,}; without their sentence {rows_alt:,}; "
      f"sentences table {size(f'{d}/sentences.parquet'):,} ({sentences.height:,} distinct sentences)")

def best(f, n=5):
    t = []
    for _ in range(n):
        a = time.perf_counter(); f(); t.append(time.perf_counter() - a)
    return min(t) * 1000

con = duckdb.connect()
print("indicators with their sentence, best of 5 (ms):")
print(f"  polars read {best(lambda: pl.read_parquet(f'{out}/indicators.parquet').select('value', 'sentence')):.1f}, "
      f"join {best(lambda: pl.scan_parquet(f'{d}/indicators.parquet').join(pl.scan_parquet(f'{d}/sentences.parquet'), on='sentence_id').select('value', 'sentence').collect()):.1f}")
print(f"  duckdb read {best(lambda: con.execute(f'select value, sentence from {chr(39)}{out}/indicators.parquet{chr(39)}').fetchall()):.1f}, "
      f"join {best(lambda: con.execute(f'select i.value, s.sentence from {chr(39)}{d}/indicators.parquet{chr(39)} i join {chr(39)}{d}/sentences.parquet{chr(39)} s using (sentence_id)').fetchall()):.1f}")

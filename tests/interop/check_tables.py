"""Open every missive table with pyarrow, polars, pandas and DuckDB and
check the types an analyst relies on: dates are dates, lists are lists,
low-cardinality strings are categorical, offsets slice the evidence.

Usage: check_tables.py OUTPUT_DIR
"""

import datetime
import json
import pathlib
import sys

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

out = pathlib.Path(sys.argv[1])
manifest = json.loads((out / "manifest.json").read_text())
tables = sorted(p.stem for p in out.glob("*.parquet"))
expected = set(manifest["tables"])
assert set(tables) == expected, (tables, expected)

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)


for name in tables:
    path = out / f"{name}.parquet"
    t = pq.read_table(path)
    check(t.num_rows == manifest["tables"][name], f"{name}: rows {t.num_rows} != manifest")
    for field in t.schema:
        check(field.metadata and b"description" in field.metadata, f"{name}.{field.name}: no description")
        ty = field.type
        if pa.types.is_date32(ty):
            pdf = pd.read_parquet(path, columns=[field.name])
            vals = [v for v in pdf[field.name] if v is not None and not pd.isna(v)]
            check(all(isinstance(v, (datetime.date, pd.Timestamp)) for v in vals), f"pandas {name}.{field.name}")
            check(pl.read_parquet(path, columns=[field.name]).schema[field.name] == pl.Date, f"polars {name}.{field.name}")
        if pa.types.is_list(ty):
            check(isinstance(pl.read_parquet(path, columns=[field.name]).schema[field.name], pl.List), f"polars list {name}.{field.name}")
        if pa.types.is_dictionary(ty):
            check(str(pd.read_parquet(path, columns=[field.name])[field.name].dtype) == "category", f"pandas category {name}.{field.name}")
    pd.read_parquet(path)
    pl.read_parquet(path)
    n = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchall()[0][0]
    check(n == t.num_rows, f"duckdb {name}: {n} rows")

con = duckdb.connect()
types = {r[0]: r[1] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{out / 'documents.parquet'}')").fetchall()}
check(types["letter_date"] == "DATE", f"duckdb letter_date is {types['letter_date']}")
check(types["countries"] == "VARCHAR[]", f"duckdb countries is {types['countries']}")

# Offsets are code-point offsets into documents.text: the evidence slices out.
letters = pl.read_parquet(out / "documents.parquet").select("doc_id", "text", "title")
fields = {
    "text": dict(zip(letters["doc_id"], letters["text"])),
    "title": dict(zip(letters["doc_id"], letters["title"])),
}
for name, col in [("citations", "surface"), ("mission_mentions", "surface"), ("indicators", "surface")]:
    df = pl.read_parquet(out / f"{name}.parquet")
    for row in df.head(5000).iter_rows(named=True):
        source = fields[row.get("field") or "text"][row["doc_id"]]
        got = source[row["char_start"]:row["char_end"]]
        if name == "mission_mentions":
            got = " ".join(got.split())
        check(got == row[col], f"{name}: offsets give {got!r}, surface {row[col]!r}")

# docs/views.sql: a view per table, named as the table (unquoted names
# that are not SQL keywords), and the joined views an analyst starts from.
views = duckdb.connect()
views.execute(f"SET VARIABLE out = '{out}'")
views.execute((pathlib.Path(__file__).resolve().parents[2] / "docs" / "views.sql").read_text())
for name in tables:
    n = views.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0]
    check(n == pq.read_metadata(out / f"{name}.parquet").num_rows, f"view {name}: {n} rows")
joined = views.execute("SELECT count(*) FROM indicators_in_context WHERE doc_type IS NULL").fetchall()[0][0]
check(joined == 0, f"indicators_in_context: {joined} rows without their document")
check(views.execute("SELECT count(*) FROM mission_periods").fetchall()[0][0] > 0, "mission_periods is empty")
check(views.execute("SELECT count(*) FROM citations_per_resolution WHERE citations < documents").fetchall()[0][0] == 0,
      "citations_per_resolution counts")
check(bool(views.execute("SELECT 1 FROM documents d JOIN citations c USING (doc_id) JOIN indicators i USING (doc_id) "
                         "JOIN missions m ON m.mission_id = d.main_mission_id LIMIT 1").fetchall()), "unquoted joins")

# Counts add up.
c = manifest["counts"]
check(c["documents"] + c["rejects"] == c["files"], f"manifest counts {c}")
check(c["documents"] == manifest["tables"]["documents"], "documents count")
check(c["rejects"] == manifest["tables"]["rejects"], "rejects count")

if failures:
    print("\n".join(failures[:50]))
    print(f"0 passed, {len(failures)} failed")
    sys.exit(1)
print(f"interop: {len(tables)} tables open in pyarrow {pa.__version__}, polars {pl.__version__}, "
      f"pandas {pd.__version__}, duckdb {duckdb.__version__}")

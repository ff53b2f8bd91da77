"""Validate the datapackage.json that missive writes beside the tables with
the frictionless library: the descriptor against the Data Package and
Table Schema specs, then every table's rows against its schema (types,
required, enum, pattern, minimum, primary key unique, foreign keys found).

frictionless reads CSV and JSON rather than Parquet, so each table is
read with pyarrow and handed to frictionless as inline rows: the check is
of the data and the descriptor, not of a format plugin.

Usage: check_datapackage.py OUTPUT_DIR
"""

import json
import pathlib
import sys

import frictionless
import pyarrow.parquet as pq
from frictionless import Package, Resource, Schema

out = pathlib.Path(sys.argv[1])
descriptor_path = out / "datapackage.json"
descriptor = json.loads(descriptor_path.read_text())
failures = []

# 1. The descriptor itself, against the Data Package and Table Schema profiles.
for e in Package.validate_descriptor(descriptor).errors:
    failures.append(f"descriptor: {e.message}")

# The descriptor lists exactly the tables in the folder, and matches the committed copy.
on_disk = sorted(p.name for p in out.glob("*.parquet"))
listed = sorted(r["path"] for r in descriptor["resources"])
if on_disk != listed:
    failures.append(f"descriptor lists {listed}, folder has {on_disk}")
committed = pathlib.Path(__file__).resolve().parents[2] / "docs" / "datapackage.json"
if committed.read_text() != descriptor_path.read_text():
    failures.append("docs/datapackage.json differs from the one the run wrote: run `make codebook`")

# 2. The data, as inline resources of one package (so foreign keys resolve).
resources = []
rows = 0
for r in descriptor["resources"]:
    table = pq.read_table(out / r["path"])
    # Dictionary columns arrive as plain strings; lists as Python lists.
    data = [table.column_names] + [list(row.values()) for row in table.to_pylist()]
    rows += table.num_rows
    schema = Schema.from_descriptor(r["schema"])
    if [f.name for f in schema.fields] != table.column_names:
        failures.append(f"{r['name']}: columns {table.column_names} != schema {[f.name for f in schema.fields]}")
    resources.append(Resource(name=r["name"], data=data, schema=schema))

package = Package(resources=resources)
report = package.validate(limit_errors=100)
if not report.valid:
    for task in report.tasks:
        for e in task.errors[:20]:
            failures.append(f"{task.name}: {e.type}: {e.message}")

if failures:
    print("\n".join(failures[:60]))
    print(f"0 passed, {len(failures)} failed")
    sys.exit(1)
print(
    f"datapackage: {len(resources)} resources, {rows} rows valid against their Table Schemas "
    f"(types, constraints, primary and foreign keys) with frictionless {frictionless.__version__}"
)

"""Execute a notebook headless with nbclient against an output folder.

Usage: run_notebook.py NOTEBOOK OUTPUT_DIR [--write]

The notebook reads its output folder from its parameters cell (`OUT`,
from the MISSIVE_OUT environment variable here). The committed notebook
carries its executed outputs, so that it reads on GitHub:

- without --write (what `make test` runs): execute it, then fail if a cell
  fails, if it draws fewer than two figures, if the checks below fail, or
  if its committed outputs differ from the fresh ones (text, tables and
  the presence of each figure; a figure's bytes depend on the matplotlib
  build and are not compared). The executed copy goes under target/.
- with --write (`make notebook-outputs`): execute it and store the outputs
  in the notebook itself.

The checks are the harness's, not the reader's: they run in the same
kernel after the notebook's own cells, in a cell that is never saved
(the DuckDB and polars joins give the same rows; the evidence offsets
slice the document's text to the row's words).
"""

import argparse
import copy
import os
import pathlib
import sys
import time

import nbformat
from jupyter_client import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

CHECKS = '''
assert joined.height == joined_sql.height == indicators.height, (joined.height, joined_sql.height)
assert joined.select("indicator_id", "mission_name").sort("indicator_id").equals(
    joined_sql.select("indicator_id", "mission_name").sort("indicator_id")
)
assert evidence == source["surface"], (evidence, source["surface"])
assert (OUT / "manifest.json").samefile(pathlib_out / "manifest.json")
'''

ap = argparse.ArgumentParser()
ap.add_argument("notebook", type=pathlib.Path)
ap.add_argument("out", type=pathlib.Path)
ap.add_argument("--write", action="store_true")
args = ap.parse_args()
notebook, out = args.notebook.resolve(), args.out.resolve()
root = pathlib.Path(__file__).resolve().parents[2]


def fail(msg):
    print(msg)
    print("0 passed, 1 failed")
    sys.exit(1)


committed = nbformat.read(notebook, as_version=4)
nbformat.validate(committed)
nb = copy.deepcopy(committed)
for c in nb.cells:
    if c.cell_type == "code":
        c.outputs, c.execution_count = [], None
nb.cells.append(nbformat.v4.new_code_cell(f"import pathlib\npathlib_out = pathlib.Path({str(out)!r})\n" + CHECKS))

os.environ["MISSIVE_OUT"] = str(out)
os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
# The kernel talks over Unix sockets in a private folder: no TCP port is opened.
runtime = root / "target" / "jupyter-runtime"
runtime.mkdir(parents=True, exist_ok=True)
km = KernelManager(kernel_name="python3", transport="ipc", connection_file=str(runtime / f"kernel-{os.getpid()}.json"))
client = NotebookClient(nb, km=km, timeout=600, resources={"metadata": {"path": str(notebook.parent)}})
started = time.time()
try:
    client.execute()
except CellExecutionError as e:
    fail(str(e)[-3000:])
finally:
    if km.has_kernel:
        km.shutdown_kernel(now=True)
    for f in runtime.glob(f"kernel-{os.getpid()}*"):
        f.unlink()
nb.cells.pop()  # the harness's checks are not the reader's

code = [c for c in nb.cells if c.cell_type == "code"]
figures = sum(1 for c in code for o in c.outputs if "image/png" in o.get("data", {}))
errors = [o for c in code for o in c.outputs if o.output_type == "error"]
if errors or figures < 2:
    fail(f"{notebook.name}: {len(errors)} errors, {figures} figures (expected at least 2)")


def shown(cell):
    """What a reader sees of a cell's outputs, figures as placeholders."""
    seen = []
    for o in cell.get("outputs", []):
        if o.output_type == "stream":
            if seen and seen[-1][0] == o.name:
                seen[-1] = (o.name, seen[-1][1] + o.text)
            else:
                seen.append((o.name, o.text))
        elif o.output_type in ("execute_result", "display_data"):
            data = o.get("data", {})
            seen.append(("data", "<figure>" if "image/png" in data else data.get("text/html") or data.get("text/plain")))
    return seen


if args.write:
    nbformat.write(nb, notebook)
    print(f"notebook: {notebook.name} executed on {out.name}, outputs written ({figures} figures)")
    sys.exit(0)

executed = root / "target" / f"{notebook.stem}.executed.ipynb"
executed.parent.mkdir(parents=True, exist_ok=True)
nbformat.write(nb, executed)
old = [shown(c) for c in committed.cells if c.cell_type == "code"]
new = [shown(c) for c in code]
stale = [i for i, (a, b) in enumerate(zip(old, new)) if a != b] + ([-1] if len(old) != len(new) else [])
if stale:
    i = stale[0]
    detail = "" if i < 0 else f"\ncommitted: {str(old[i])[:600]}\nfresh:     {str(new[i])[:600]}"
    fail(f"{notebook.name}: the committed outputs of code cells {stale} are stale; run `make notebook-outputs`{detail}")
print(
    f"notebook: {notebook.name} ran {len(code)} code cells on {out.name} in {time.time() - started:.0f} s, "
    f"{figures} figures, committed outputs current -> {executed.relative_to(root)}"
)

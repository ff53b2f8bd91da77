"""Execute a notebook headless with nbclient against an output folder and
fail if any cell fails. The committed notebook must carry no outputs;
the executed copy is written under target/ for a look.

Usage: run_notebook.py NOTEBOOK OUTPUT_DIR
"""

import os
import pathlib
import sys
import time

import nbformat
from jupyter_client import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

notebook = pathlib.Path(sys.argv[1]).resolve()
out = pathlib.Path(sys.argv[2]).resolve()
root = pathlib.Path(__file__).resolve().parents[2]

nb = nbformat.read(notebook, as_version=4)
nbformat.validate(nb)
stale = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
if stale:
    print(f"{notebook.name}: cells {stale} carry outputs; clear them before committing")
    print("0 passed, 1 failed")
    sys.exit(1)

# The notebook reads MISSIVE_OUT (default ../data/out); the kernel inherits it.
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
    print(str(e)[-3000:])
    print("0 passed, 1 failed")
    sys.exit(1)
finally:
    if km.has_kernel:
        km.shutdown_kernel(now=True)
    for f in runtime.glob(f"kernel-{os.getpid()}*"):
        f.unlink()
    executed = root / "target" / f"{notebook.stem}.executed.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, executed)

code = [c for c in nb.cells if c.cell_type == "code"]
figures = sum(1 for c in code for o in c.outputs if "image/png" in o.get("data", {}))
errors = [o for c in code for o in c.outputs if o.output_type == "error"]
if errors or figures < 2:
    print(f"{notebook.name}: {len(errors)} errors, {figures} figures (expected at least 2)")
    print("0 passed, 1 failed")
    sys.exit(1)
print(
    f"notebook: {notebook.name} ran {len(code)} code cells on {out.name} in {time.time() - started:.0f} s, "
    f"{figures} figures -> {executed.relative_to(root)}"
)

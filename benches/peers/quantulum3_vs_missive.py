#!/usr/bin/env python3
"""Peer comparison: quantulum3 versus missive on the dev gold indicators.

Runs the Python library quantulum3 over the corpus files that the dev gold
annotates, maps its quantities onto the gold's unit conventions, and scores
them with the same one-to-one matching rules as missive's evaluator
(crates/eval/src/lib.rs, data/gold/GUIDELINES.md section 5). Runs missive on
the same files and reads its own evaluator's report. Prints precision,
recall, F1, qualifier accuracy and throughput for both tools.

Usage (from the repository root):
    .venv/bin/pip install -r benches/peers/requirements.txt
    .venv/bin/python benches/peers/quantulum3_vs_missive.py [--missive PATH] [--json]

See benches/peers/README.md for the unit mapping and its caveats.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


# --------------------------------------------------------------------------
# Gold and corpus
# --------------------------------------------------------------------------


@dataclass
class GoldDoc:
    file: str
    path: Path  # the corpus file
    indicators: list[dict]
    optional: list[dict]


def load_gold(gold_dir: Path, corpus_dir: Path) -> list[GoldDoc]:
    """Gold files sorted by name (as missive's evaluator reads them), each
    with the corpus file it annotates, found under corpus_dir by name."""
    by_name: dict[str, list[Path]] = {}
    for root, _dirs, files in os.walk(corpus_dir):
        for f in files:
            by_name.setdefault(f, []).append(Path(root) / f)
    docs = []
    for gp in sorted(gold_dir.glob("*.json")):
        g = json.loads(gp.read_text(encoding="utf-8"))
        # Partial gold (FORMAT.md): a file that does not annotate indicators
        # scores neither tool's indicators.
        if "annotated" in g and "indicators" not in g["annotated"]:
            continue
        hits = sorted(by_name.get(g["file"], []))
        if not hits:
            sys.exit(f"error: {gp.name}: corpus file {g['file']!r} not found under {corpus_dir}")
        if len(hits) > 1:
            print(f"warning: {g['file']} found {len(hits)} times; using {hits[0]}", file=sys.stderr)
        docs.append(GoldDoc(g["file"], hits[0], g.get("indicators") or [], g.get("optional_indicators") or []))
    if not docs:
        sys.exit(f"error: no gold files in {gold_dir}")
    return docs


# --------------------------------------------------------------------------
# Scoring: a port of missive's evaluator (crates/eval/src/lib.rs)
# --------------------------------------------------------------------------


@dataclass
class Pred:
    value: float
    value_high: float | None
    unit: str
    qualifier: str = "exact"
    surface: str = ""


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    qual_correct: int = 0
    qual_total: int = 0
    misses: list[str] = field(default_factory=list)

    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0

    def qualifier_accuracy(self) -> float:
        return self.qual_correct / self.qual_total if self.qual_total else 0.0


def _close(a: float, b: float) -> bool:
    # Same tolerance as missive: |a - b| <= 1e-6 * max(|a|, 1), a being gold.
    return abs(a - b) <= 1e-6 * max(abs(a), 1.0)


def value_ok(g: dict, v: float, hi: float | None) -> bool:
    if not _close(float(g["value"]), v):
        return False
    gh = g.get("value_high")
    if gh is None and hi is None:
        return True
    if gh is not None and hi is not None:
        return _close(float(gh), hi)
    return False


def unit_ok(g: dict, unit: str) -> bool:
    return g["unit"] == unit or unit in (g.get("unit_alt") or [])


def score_doc(doc: GoldDoc, preds: list[Pred], total: Score, check_unit: bool = True) -> None:
    """Greedy one-to-one matching in gold order, first unused prediction
    that matches; optional gold indicators then absorb unused predictions
    that match on value alone; the rest are false positives."""
    used = [False] * len(preds)
    tp = 0
    for g in doc.indicators:
        hit = next(
            (
                i
                for i, p in enumerate(preds)
                if not used[i] and value_ok(g, p.value, p.value_high) and (not check_unit or unit_ok(g, p.unit))
            ),
            None,
        )
        if hit is None:
            total.misses.append(f"{doc.file}: missed {g['value']} {g['unit']} ({g.get('text', '')})")
        else:
            used[hit] = True
            tp += 1
            total.qual_total += 1
            total.qual_correct += preds[hit].qualifier == g["qualifier"]
    for g in doc.optional:
        hit = next((i for i, p in enumerate(preds) if not used[i] and value_ok(g, p.value, p.value_high)), None)
        if hit is not None:
            used[hit] = True
    for i, p in enumerate(preds):
        if not used[i]:
            total.misses.append(f"{doc.file}: spurious {p.value:g} {p.unit} ({p.surface})")
    total.tp += tp
    total.fp += used.count(False)
    total.fn += len(doc.indicators) - tp


# --------------------------------------------------------------------------
# quantulum3 and the unit mapping
# --------------------------------------------------------------------------

# quantulum3 unit name -> gold unit. Currencies use the unit's own ISO 4217
# code (quantulum3's Unit.currency_code) and fall back to this table.
UNIT_MAP = {
    "percentage": "percent",
    "per cent": "percent",
    "percent": "percent",
    "dollar": "USD",
    "united states dollar": "USD",
    "us dollar": "USD",
    "euro": "EUR",
    "year": "year",
    "month": "month",
    "week": "week",
    "day": "day",
    "kilometre": "km",
    "kilometer": "km",
    "hectare": "hectare",
}

_NEXT_WORD = re.compile(r"[\s\-\u2010\u2011\u2013]*([A-Za-z]+)")


def singular(word: str) -> str:
    """Naive singular: -ies -> -y; -sses/-shes/-ches/-xes/-zes lose -es;
    any other trailing -s (not -ss) is dropped."""
    w = word.lower()
    if len(w) > 3 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if len(w) > 1 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def next_noun(text: str, end: int) -> str:
    """The word right after a quantity's surface (skipping white space and
    hyphens, so '22-member' gives 'member'), in singular lower case; '' if
    none."""
    m = _NEXT_WORD.match(text, end)
    return singular(m.group(1)) if m else ""


def map_quantity(q, text: str) -> Pred:
    unit_name = q.unit.name
    entity = q.unit.entity.name
    if unit_name == "dimensionless":
        unit = next_noun(text, q.span[1])
    elif entity == "currency" and getattr(q.unit, "currency_code", None):
        unit = q.unit.currency_code
    else:
        unit = UNIT_MAP.get(unit_name.lower(), unit_name)
    value = float(q.value)
    hi = None
    unc = getattr(q, "uncertainty", None)
    # quantulum3 reports a range 'a to b' / 'a-b' / 'between a and b' as
    # value (a+b)/2 with uncertainty (b-a)/2; '±' is a real uncertainty.
    if unc is not None and "±" not in q.surface and "+/-" not in q.surface:
        value, hi = value - float(unc), value + float(unc)
    return Pred(value, hi, unit, "exact", q.surface)


def run_quantulum3(docs: list[GoldDoc], repeat: int, collapse: bool) -> tuple[dict, list[list[Pred]]]:
    import importlib.metadata

    with warnings.catch_warnings():
        # Without scikit-learn it warns once that it falls back to
        # disambiguation by dimension; that fallback is what we measure.
        warnings.simplefilter("ignore")
        from quantulum3 import classifier, parser

        # The same fallback when scikit-learn is installed for something
        # else: quantulum3's pickled classifier then loads only with the
        # scikit-learn release it was pickled with.
        classifier.USE_CLF = False

        parser.parse("Warm-up: 3 km, $5 million, 10 per cent and four centres.")
        texts = [d.path.read_text(encoding="utf-8", errors="replace") for d in docs]
        if collapse:
            # Outside the timed region: join hard-wrapped lines.
            texts = [re.sub(r"\s+", " ", t) for t in texts]
        best = math.inf
        results = []
        for _ in range(repeat):
            results = []
            elapsed = 0.0
            for t in texts:
                t0 = time.perf_counter()
                qs = parser.parse(t)
                elapsed += time.perf_counter() - t0
                results.append(qs)
            best = min(best, elapsed)
    preds = [[map_quantity(q, t) for q in qs] for qs, t in zip(results, texts)]
    info = {"version": importlib.metadata.version("quantulum3"), "seconds": best, "collapse_whitespace": collapse}
    return info, preds


# --------------------------------------------------------------------------
# missive
# --------------------------------------------------------------------------


def run_missive(binary: Path, docs: list[GoldDoc], gold_dir: Path, repeat: int, threads: int | None) -> dict:
    if not binary.is_file():
        return {"error": f"{binary} not found (build it: cargo build --bin missive)"}
    with tempfile.TemporaryDirectory(prefix="missive-peer-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for d in docs:
            shutil.copy2(d.path, corpus / d.path.name)
        out = Path(tmp) / "out"
        cmd = [str(binary), "run", "--corpus", str(corpus), "--out", str(out), "--quiet"]
        if threads:
            cmd += ["--threads", str(threads)]
        best = math.inf
        for _ in range(repeat):
            t0 = time.perf_counter()
            r = subprocess.run(cmd, capture_output=True, text=True)
            elapsed = time.perf_counter() - t0
            if r.returncode != 0:
                return {"error": f"missive run exited {r.returncode}: {r.stderr.strip()[-500:]}"}
            best = min(best, elapsed)
        r = subprocess.run(
            [str(binary), "eval", "--out", str(out), "--gold", str(gold_dir), "--json"],
            capture_output=True,
            text=True,
        )
        if r.returncode != 0:
            return {"error": f"missive eval exited {r.returncode}: {r.stderr.strip()[-500:]}"}
        report = json.loads(r.stdout)
        # `missive eval --json` prints {"gold": ..., "pact": ...}.
        report = report.get("gold", report)
    info: dict = {"seconds": best}
    ind = report.get("indicators")
    qual = report.get("indicator_qualifier")
    if ind is None:
        info["error"] = "no indicators table in missive's output"
        return info
    s = Score(tp=ind["tp"], fp=ind["fp"], fn=ind["fn_"])
    if qual:
        s.qual_correct, s.qual_total = qual["correct"], qual["total"]
    info["score"] = s
    return info


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------


def row(tool: str, score: Score | None, seconds: float | None, n_docs: int, n_bytes: int, error: str | None = None):
    r: dict = {"tool": tool}
    if score is not None:
        r.update(
            precision=round(score.precision(), 4),
            recall=round(score.recall(), 4),
            f1=round(score.f1(), 4),
            qualifier_accuracy=round(score.qualifier_accuracy(), 4),
            tp=score.tp,
            fp=score.fp,
            fn=score.fn,
            qualifier_correct=score.qual_correct,
            qualifier_total=score.qual_total,
        )
    else:
        r.update(precision=None, recall=None, f1=None, qualifier_accuracy=None)
    if seconds is not None and seconds > 0:
        r.update(
            seconds=round(seconds, 4),
            docs_per_s=round(n_docs / seconds, 2),
            mb_per_s=round(n_bytes / 1e6 / seconds, 4),
        )
    else:
        r.update(seconds=None, docs_per_s=None, mb_per_s=None)
    if error:
        r["error"] = error
    return r


def print_table(result: dict) -> None:
    def f(v, fmt):
        return "n/a" if v is None else format(v, fmt)

    print(
        f"dev gold: {result['documents']} documents, {result['bytes']} bytes, "
        f"{result['gold_indicators']} gold indicators (+{result['optional_indicators']} optional)"
    )
    print(f"{'tool':<20} {'precision':>9} {'recall':>7} {'F1':>6} {'qual.acc':>8} {'docs/s':>8} {'MB/s':>8}   tp/fp/fn")
    for r in result["tools"]:
        counts = f"{r['tp']}/{r['fp']}/{r['fn']}" if "tp" in r else ""
        print(
            f"{r['tool']:<20} {f(r['precision'], '.3f'):>9} {f(r['recall'], '.3f'):>7} {f(r['f1'], '.3f'):>6} "
            f"{f(r['qualifier_accuracy'], '.3f'):>8} {f(r['docs_per_s'], '.2f'):>8} {f(r['mb_per_s'], '.4f'):>8}   {counts}"
        )
    for r in result["tools"]:
        if r.get("error"):
            print(f"note: {r['tool']}: {r['error']}")
    d = result.get("quantulum3_value_only")
    if d:
        print(
            f"note: quantulum3 matching on value only (units ignored): "
            f"P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--missive", type=Path, default=REPO / "target" / "debug" / "missive", help="missive binary")
    ap.add_argument("--gold", type=Path, default=REPO / "data" / "gold" / "dev", help="gold folder")
    ap.add_argument("--corpus", type=Path, default=REPO / "data" / "corpus", help="corpus root (searched by name)")
    ap.add_argument("--repeat", type=int, default=1, help="timing runs per tool; the fastest is reported")
    ap.add_argument("--missive-threads", type=int, default=None, help="pass --threads to missive run")
    ap.add_argument("--misses", action="store_true", help="list quantulum3's missed and spurious items on stderr")
    ap.add_argument(
        "--collapse-whitespace",
        action="store_true",
        help="give quantulum3 the text with white-space runs (line breaks) collapsed to one space",
    )
    ap.add_argument("--json", action="store_true", help="print the result as JSON instead of a table")
    args = ap.parse_args(argv)
    repeat = max(1, args.repeat)

    docs = load_gold(args.gold, args.corpus)
    n_docs = len(docs)
    n_bytes = sum(d.path.stat().st_size for d in docs)

    q_info, q_preds = run_quantulum3(docs, repeat, args.collapse_whitespace)
    q_score, q_value_only = Score(), Score()
    for d, p in zip(docs, q_preds):
        score_doc(d, p, q_score)
        score_doc(d, p, q_value_only, check_unit=False)
    m_info = run_missive(args.missive.resolve(), docs, args.gold.resolve(), repeat, args.missive_threads)

    result = {
        "documents": n_docs,
        "bytes": n_bytes,
        "gold_indicators": sum(len(d.indicators) for d in docs),
        "optional_indicators": sum(len(d.optional) for d in docs),
        "tools": [
            row(f"quantulum3 {q_info['version']}", q_score, q_info["seconds"], n_docs, n_bytes),
            row(
                "missive",
                m_info.get("score"),
                m_info.get("seconds"),
                n_docs,
                n_bytes,
                m_info.get("error"),
            ),
        ],
        "quantulum3_value_only": {
            "precision": round(q_value_only.precision(), 4),
            "recall": round(q_value_only.recall(), 4),
            "f1": round(q_value_only.f1(), 4),
        },
        "quantulum3_input": "white space collapsed" if args.collapse_whitespace else "raw file text",
        "timing": {
            "repeat": repeat,
            "quantulum3": "sum of parser.parse() calls, after import and a warm-up parse",
            "missive": "wall time of `missive run --quiet` (process start to exit)",
        },
    }
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
    else:
        print_table(result)
    sys.stdout.flush()
    if args.misses:
        for m in q_score.misses:
            print(m, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

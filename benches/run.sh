#!/usr/bin/env bash
# The end-to-end benchmark behind `make bench`: one run over the same files
# of a plain ripgrep pass (the reading baseline), then missive with
# --threads 1 and --threads 2, each under /usr/bin/time -v. Prints a
# Markdown report (also written to REPORT).
#
# usage: benches/run.sh MISSIVE CORPUS WORKDIR REPORT
set -euo pipefail

missive=$1 corpus=$2 work=$3 report=$4
mkdir -p "$work"

for tool in rg /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing (make bench installs it)" >&2; exit 1; }
done

bytes=$(find "$corpus" -type f -name '*.txt' -printf '%s\n' | awk '{s += $1} END {printf "%.0f\n", s}')
files=$(find "$corpus" -type f -name '*.txt' | wc -l)

# wall, cpu, pct, rss: readers of /usr/bin/time -v output.
source "$(dirname "$0")/time-v.sh"
# Seconds of one stage from --timings output ("stage NAME SECONDS s").
stage() { awk -v n="$2" '$1 == "stage" && $2 == n {print $3}' "$1"; }

# Warm the page cache so that every pass reads from memory alike.
find "$corpus" -type f -name '*.txt' -print0 | xargs -0 cat >/dev/null

# The reading baseline: a regex over every file, on every core.
/usr/bin/time -v -o "$work/rg.time" \
  rg --no-ignore --hidden --count-matches --glob '*.txt' \
  -e '(?-u)S/(?:RES/)?\d{2,4}/\d+|\bUN[A-Z]{2,}\b|\d[\d,.]* (?:troops|personnel|people)' \
  "$corpus" >"$work/rg.out" || true

for t in 1 2; do
  /usr/bin/time -v -o "$work/t$t.time" \
    "$missive" run --corpus "$corpus" --out "$work/out-t$t" --threads "$t" --quiet --timings \
    >"$work/t$t.out" 2>"$work/t$t.stages"
done

load=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "Corpus: $corpus, $files files, $bytes bytes ($(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB); load average at the end $load"
  echo
  echo "| pass | wall s | MB/s | docs/s | peak RSS MiB | CPU s | CPU got |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  for p in rg t1 t2; do
    w=$(wall "$work/$p.time")
    name=$p
    [ "$p" = t1 ] && name="missive --threads 1"
    [ "$p" = t2 ] && name="missive --threads 2"
    [ "$p" = rg ] && name="rg (2 threads)"
    awk -v n="$name" -v w="$w" -v b="$bytes" -v f="$files" -v r="$(rss "$work/$p.time")" \
      -v c="$(cpu "$work/$p.time")" -v g="$(pct "$work/$p.time")" \
      'BEGIN {printf "| %s | %.2f | %.1f | %.0f | %s | %s | %s |\n", n, w, b / 1e6 / w, f / w, r, c, g}'
  done
  echo
  echo "Time per stage (seconds, summed over threads; cross_document runs on the main thread, write on the writer thread):"
  echo
  echo "| stage | --threads 1 | --threads 2 |"
  echo "| --- | --- | --- |"
  for s in read extract normalise enrich cross_document write; do
    echo "| $s | $(stage "$work/t1.stages" $s) | $(stage "$work/t2.stages" $s) |"
  done
  echo
  awk -v rg="$(wall "$work/rg.time")" -v t1="$(wall "$work/t1.time")" -v t2="$(wall "$work/t2.time")" 'BEGIN {
    printf "Ratios: missive (2 threads) / rg = %.2f; threads 2 speed-up over threads 1 = %.2fx\n", t2 / rg, t1 / t2 }'
  echo
  # On a shared machine wall times depend on the load; CPU time per byte does not.
  awk -v b="$bytes" -v c1="$(cpu "$work/t1.time")" -v c2="$(cpu "$work/t2.time")" 'BEGIN {
    printf "Work per byte: %.2f MB per CPU-second with --threads 1, %.2f with --threads 2\n", b / 1e6 / c1, b / 1e6 / c2 }'
  echo
  echo "missive summary (threads 2): $(cat "$work/t2.out")"
} | tee "$report"

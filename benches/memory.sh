#!/usr/bin/env bash
# The memory check behind `make bench-memory`: missive --threads 2 over a
# corpus of distinct documents at two sizes (scale-corpus --distinct), each
# under /usr/bin/time -v; prints the peak resident memory of each and the
# growth from the first to the second.
#
# usage: benches/memory.sh MISSIVE SCALE_CORPUS FROM WORKDIR SIZE1 SIZE2
set -euo pipefail

missive=$1 scale=$2 from=$3 work=$4 size1=$5 size2=$6
mkdir -p "$work"
# wall, rss: readers of /usr/bin/time -v output.
source "$(dirname "$0")/time-v.sh"

echo "| distinct corpus | files | bytes | duplicates found | wall s | peak RSS MiB |"
echo "| --- | --- | --- | --- | --- | --- |"
for size in "$size1" "$size2"; do
  corpus="$work/distinct-$size"
  "$scale" "$from" "$corpus" "$size" --distinct >/dev/null
  bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s += $1} END {printf "%.0f\n", s}')
  files=$(find "$corpus" -type f ! -name '.scaled' | wc -l)
  find "$corpus" -type f -print0 | xargs -0 cat >/dev/null
  rm -rf "$work/out-$size"
  /usr/bin/time -v -o "$work/$size.time" \
    "$missive" run --corpus "$corpus" --out "$work/out-$size" --threads 2 --quiet >"$work/$size.out" 2>&1
  dups=$(sed -n 's/.*(\([0-9]*\) duplicates).*/\1/p' "$work/$size.out")
  echo "| $size | $files | $bytes | $dups | $(wall "$work/$size.time") | $(rss "$work/$size.time") |"
done
awk -v a="$(rss "$work/$size1.time")" -v b="$(rss "$work/$size2.time")" \
  'BEGIN {printf "\npeak memory at %s over %s: %+.1f%%\n", "'"$size2"'", "'"$size1"'", (b - a) * 100 / a}'

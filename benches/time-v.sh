# Readers of `/usr/bin/time -v` output, sourced by run.sh and memory.sh.

# Seconds from the "Elapsed (wall clock) time (h:mm:ss or m:ss): ..." line.
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$1"; }
# CPU seconds (user + system) and the share of a core the pass got.
cpu() { awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$1"; }
pct() { awk -F': ' '/Percent of CPU/ {print $2}' "$1"; }
# Peak resident memory in MiB.
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }

#!/bin/sh
# Writes noun_units.tsv (noun<TAB>unit) from WordNet 3.0 and unit_anchors.tsv:
# each noun's first (most frequent) sense is followed up its hypernyms
# (not instance hypernyms: names are no counted nouns), nearest first, to the first synset that
# unit_anchors.tsv names; the noun takes that synset's unit. Nouns that reach
# no anchor are not listed. Usage, from data/reference:
#   apt-get download wordnet-base && dpkg-deb -x wordnet-base_*.deb wn
#   sh noun_units.sh wn/usr/share/wordnet > noun_units.tsv
set -eu
WN=$1
LC_ALL=C awk -F'\t' -v wn="$WN" '
function hex(s,   i, v) { v = 0; for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", tolower(substr(s, i, 1))) - 1; return v }
BEGIN {
    # Hypernyms of every noun synset.
    file = wn "/data.noun"
    while ((getline line < file) > 0) {
        if (line ~ /^  /) continue
        n = split(line, f, " ")
        off = f[1]; w = hex(f[4]); k = 5 + 2 * w; pc = f[k] + 0
        h = ""
        for (j = 0; j < pc; j++) {
            sym = f[k + 1 + 4 * j]; to = f[k + 2 + 4 * j]; pos = f[k + 3 + 4 * j]
            if (sym == "@" && pos == "n") h = h (h == "" ? "" : " ") to
        }
        hyp[off] = h
    }
    close(file)
    # The senses of every noun, most frequent first.
    file = wn "/index.noun"
    nl = 0
    while ((getline line < file) > 0) {
        if (line ~ /^  /) continue
        split(line, f, " ")
        sc = f[3] + 0; pc = f[4] + 0
        lemma = f[1]
        for (s = 1; s <= sc; s++) sense[lemma, s] = f[4 + pc + 2 + s]
        lemmas[++nl] = lemma
    }
    close(file)
}
FNR == 1 { next }
{
    key = $2; gsub(/ /, "_", key)
    if (!((key, $3) in sense)) { print "unit_anchors.tsv line " FNR ": no sense " $3 " of " $2 > "/dev/stderr"; bad = 1; next }
    anchor[sense[key, $3]] = $1
}
END {
    if (bad) exit 1
    print "noun\tunit"
    for (i = 1; i <= nl; i++) {
        lemma = lemmas[i]
        if (lemma !~ /^[a-z][a-z_-]*$/) continue
        # Breadth first from the first sense, to depth 16.
        delete seen; front = sense[lemma, 1]; unit = ""
        for (d = 0; d < 16 && front != "" && unit == ""; d++) {
            m = split(front, q, " "); next_front = ""
            for (j = 1; j <= m; j++) {
                o = q[j]
                if (o in seen) continue
                seen[o] = 1
                if (o in anchor) { unit = anchor[o]; break }
                if (hyp[o] != "") next_front = next_front (next_front == "" ? "" : " ") hyp[o]
            }
            front = next_front
        }
        if (unit != "") { noun = lemma; gsub(/_/, " ", noun); print noun "\t" unit }
    }
}' unit_anchors.tsv | { IFS= read -r header; echo "$header"; sort; }

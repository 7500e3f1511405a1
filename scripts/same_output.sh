#!/usr/bin/env bash
# Whether two builds of presser read transcripts the same: writes the presser.briefing/1 JSON
# (`presser parse --format json`: turns, exchanges with answer labels, claims, findings) of every
# transcript of Tests/Fixtures/corpus and corpus-zh, and of the first N files of an optional
# folder (a synthetic corpus, say), with each build, and lists the files whose JSON differs.
# How each speed change is checked to leave the analysis's output alone.
#
#   scripts/same_output.sh OLD_PRESSER NEW_PRESSER [FOLDER [N]]
#   scripts/same_output.sh /tmp/presser-before .build/release/presser /tmp/presser-10k/001 150
#
# Exit status 0 when every file's JSON is the same, 1 when some differ, 2 on bad usage.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 4 ]]; then
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
old=$1
new=$2
folder=${3:-}
count=${4:-150}
root=$(cd "$(dirname "$0")/.." && pwd)

files=()
for f in "$root"/Tests/Fixtures/corpus/*.txt "$root"/Tests/Fixtures/corpus/*.html "$root"/Tests/Fixtures/corpus-zh/*.txt; do
    [[ -e $f ]] && files+=("$f")
done
if [[ -n $folder ]]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$folder" -maxdepth 1 -type f | sort | head -n "$count")
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir "$out/old" "$out/new"
for f in "${files[@]}"; do
    name=$(echo "$f" | tr '/' '_')
    "$old" parse --format json "$f" > "$out/old/$name.json" 2> /dev/null || echo "exit $?" >> "$out/old/$name.json"
    "$new" parse --format json "$f" > "$out/new/$name.json" 2> /dev/null || echo "exit $?" >> "$out/new/$name.json"
done

if differing=$(diff -rq "$out/old" "$out/new"); then
    echo "same output for ${#files[@]} files"
else
    echo "$differing" | sed "s#$out/old/##; s# and $out/new/.*##; s#^Files #differs: #"
    echo "$(echo "$differing" | wc -l) of ${#files[@]} files differ"
    exit 1
fi

#!/usr/bin/env bash
# Ingests a folder into a new SQLite file ROUNDS times (each build in turn, when several are
# given) and prints, for each run: the time of day, the build, wall seconds, briefings a second,
# milliseconds of CPU (user + system) a briefing and the peak memory. This host's speed drifts by
# up to a fifth from hour to hour: a figure is only worth its hour, so the hour is printed with it.
#
#   Benchmarks/store/ingest_rate.sh FOLDER ROUNDS BUILD [BUILD...]
#   Benchmarks/store/ingest_rate.sh /tmp/presser-10k 3 .build/release/presser
set -euo pipefail
if [ $# -lt 3 ]; then
    echo "usage: $0 FOLDER ROUNDS BUILD [BUILD...]" >&2
    exit 64
fi
folder=$1
rounds=$2
shift 2
count=$(find "$folder" -type f | wc -l)
if [ "$count" -eq 0 ]; then
    echo "$0: no files under $folder" >&2
    exit 66
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "# $count files under $folder"
for _ in $(seq "$rounds"); do
    for build in "$@"; do
        rm -f "$work"/db.sqlite*
        started=$(date +%H:%M:%S)
        /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$build" ingest --quiet --database "$work/db.sqlite" "$folder" \
            >"$work/out" 2>&1 || {
            cat "$work/out" >&2
            exit 1
        }
        read -r wall user system peak <"$work/time"
        awk -v at="$started" -v b="$build" -v w="$wall" -v u="$user" -v s="$system" -v m="$peak" -v n="$count" \
            'BEGIN { printf "%s  %s  %.2f s  %.0f briefings/s  %.2f ms CPU a briefing  %.0f MB\n",
                     at, b, w, n / w, 1000 * (u + s) / n, m / 1024 }'
    done
done

#!/usr/bin/env bash
# Compares two Presser builds' ingest on the same host at the same moment: build A on core 0 and
# build B on core 1 ingest the same folder into new files at once, then the cores are swapped;
# ROUNDS times. This host's speed drifts by up to a fifth from hour to hour, which swamps a few
# per cent between runs made one after the other; two runs side by side see the same host.
# Each line: build, core, wall seconds, user and system CPU seconds (one core each, so the CPU
# is the whole work: analysis, writer, checkpoints).
#
#   Benchmarks/store/paired_ingest.sh OLD/presser NEW/presser /tmp/presser-10k/004 [ROUNDS]
set -euo pipefail
if [ $# -lt 3 ]; then
    echo "usage: $0 BUILD_A BUILD_B FOLDER [ROUNDS]" >&2
    exit 64
fi
a=$1
b=$2
folder=$3
rounds=${4:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { # build core database
    /usr/bin/time -f "$1 core$2 %e s %U u %S s" taskset -c "$2" "$1" ingest --quiet --database "$3" "$folder" \
        2>&1 >/dev/null | grep " core$2 "
}
for _ in $(seq "$rounds"); do
    for cores in "0 1" "1 0"; do
        set -- $cores
        rm -f "$work"/*.sqlite*
        run "$a" "$1" "$work/a.sqlite" &
        run "$b" "$2" "$work/b.sqlite" &
        wait
    done
done

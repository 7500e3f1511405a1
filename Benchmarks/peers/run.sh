#!/usr/bin/env bash
# Presser's numeric-claim extraction against quantulum3 and Recognizers-Text, on the gold sentences
# of Tests/Fixtures/claims-gold. Usage, from the repo root:
#   bash Benchmarks/peers/run.sh [compare.py options, e.g. --show-errors quantulum3]
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=Benchmarks/peers
VENV=$HERE/.venv
PYTHON=${PYTHON:-python3}

# 1. The peers, in a virtual environment of their own (never the system site-packages).
if [ ! -x "$VENV/bin/python" ]; then
  echo "== making $VENV with $(command -v "$PYTHON") ($("$PYTHON" --version 2>&1))"
  "$PYTHON" -m venv --clear "$VENV"
fi
stamp="$VENV/.requirements.sha256"
want=$(sha256sum "$HERE/requirements.txt" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "== installing the pinned peers into $VENV"
  t0=$(date +%s)
  "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input -q -r "$HERE/requirements.txt"
  echo "$want" > "$stamp"
  echo "   installed in $(( $(date +%s) - t0 )) s"
fi

# 2. Presser, in release. A failed build skips Presser (compare.py says why) rather than running a
#    stale binary.
skip=()
if ! command -v swift >/dev/null 2>&1; then
  echo "== swift not found: Presser is skipped"
  skip=(--skip-presser "swift not found on PATH")
else
  echo "== swift build -c release --product presser"
  log=$(mktemp)
  if swift build -c release --product presser >"$log" 2>&1; then
    tail -n 3 "$log"
  else
    tail -n 30 "$log"
    echo "== the build failed: Presser is skipped"
    skip=(--skip-presser "swift build -c release --product presser failed")
  fi
  rm -f "$log"
fi

# 3. The comparison.
echo "== compare.py"
exec "$VENV/bin/python" "$HERE/compare.py" "${skip[@]}" "$@"

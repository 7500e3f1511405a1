#!/usr/bin/env python3
"""How often two readers gave an exchange the same answer label.

Usage: python3 scripts/answer_agreement.py SECOND_DIR FIRST_DIR [FIRST_DIR ...]

For every NAME.answers.json in SECOND_DIR, finds NAME.answers.json in the first of the FIRST_DIRs that
has it, matches exchanges by questionTurn, and prints per file and in total: agreement over the eight
labels, agreement on answered (direct, partial) / not answered, and Cohen's kappa over the eight labels.
"""
import collections
import json
import os
import sys


def labels(path):
    with open(path, encoding="utf-8") as f:
        return {e["questionTurn"]: e["label"] for e in json.load(f)["exchanges"]}


def answered(label):
    return label in ("direct", "partial")


def kappa(pairs):
    n = len(pairs)
    if n == 0:
        return 0.0
    observed = sum(a == b for a, b in pairs) / n
    first = collections.Counter(a for a, _ in pairs)
    second = collections.Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    second_dir, first_dirs = argv[1], argv[2:]
    groups = collections.defaultdict(list)
    for name in sorted(os.listdir(second_dir)):
        if not name.endswith(".answers.json"):
            continue
        first = next((os.path.join(d, name) for d in first_dirs if os.path.exists(os.path.join(d, name))), None)
        if first is None:
            print(f"{name}: not in {', '.join(first_dirs)}", file=sys.stderr)
            return 1
        a, b = labels(first), labels(os.path.join(second_dir, name))
        pairs = [(a[k], b[k]) for k in a if k in b]
        groups[os.path.dirname(first)].extend(pairs)
        print(f"{name:45} {len(pairs):4} exchanges  labels {sum(x == y for x, y in pairs) / len(pairs):.3f}"
              f"  answered/not {sum(answered(x) == answered(y) for x, y in pairs) / len(pairs):.3f}"
              f"  kappa {kappa(pairs):.3f}")
    everything = [p for ps in groups.values() for p in ps]
    for group, pairs in list(groups.items()) + [("all", everything)]:
        print(f"{group:45} {len(pairs):4} exchanges  labels {sum(x == y for x, y in pairs) / len(pairs):.3f}"
              f"  answered/not {sum(answered(x) == answered(y) for x, y in pairs) / len(pairs):.3f}"
              f"  kappa {kappa(pairs):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

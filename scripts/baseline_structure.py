#!/usr/bin/env python3
"""The usual way to cut a transcript into turns, as a baseline for `presser eval structure`.

Most scripts that analyse press briefings split on a regular expression for an upper-case
speaker label at the start of a line ("MS. PSAKI:", "THE PRESIDENT:", "Q") and give every
line without one to the turn before. This script does exactly that, then scores the turns
against the hand-labelled gold in Tests/Fixtures/gold with the same matching rule as Presser's
scorer: a turn matches when it starts on the gold line and its text begins with the gold
`start` (letters and digits only). Speaker accuracy compares the label, title-cased, with the
gold name by surname. It does not find outlets or exchanges, so those columns are blank.

    python3 scripts/baseline_structure.py Tests/Fixtures/gold
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

LABEL = re.compile(r"^\s*([A-Z][A-Z.\-' ]{1,60}):\s*(.*)$|^\s*(Q)[\s\u00a0]+(.*)$")


def letters(text):
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W_]+", text))


def turns(path):
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        m = LABEL.match(line)
        if m:
            label = m.group(1) or m.group(3)
            out.append({"line": number, "label": label, "text": (m.group(2) or m.group(4) or "").strip()})
        elif out and line.strip():
            out[-1]["text"] += " " + line.strip()
    return out


def surname(name):
    words = letters(name or "").split()
    return words[-1] if words else ""


def main(gold_dir):
    gold_dir = Path(gold_dir)
    corpus = gold_dir.parent / "corpus"
    totals = dict(gold=0, parsed=0, matched=0, speakers=0)
    print(f"{'file':32} {'turnP':>6} {'turnR':>6} {'speaker':>7}")
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        parsed = turns(corpus / gold["file"])
        used, matched, speakers = set(), 0, 0
        for g in gold["turns"]:
            start = letters(g["start"])
            for i, p in enumerate(parsed):
                if i not in used and p["line"] == g["line"] and letters(p["text"]).startswith(start):
                    used.add(i)
                    matched += 1
                    anonymous = p["label"] == "Q"
                    if (g["speaker"] is None and anonymous) or (
                        g["speaker"] and not anonymous and surname(g["speaker"]) == surname(p["label"])):
                        speakers += 1
                    break
        n_gold, n_parsed = len(gold["turns"]), len(parsed)
        p = f"{matched / n_parsed:6.3f}" if n_parsed else "     -"
        r = f"{matched / n_gold:6.3f}" if n_gold else "     -"
        s = f"{speakers / matched:7.3f}" if matched else "      -"
        print(f"{gold['file']:32} {p} {r} {s}   ({n_parsed} turns found, {n_gold} in gold)")
        totals["gold"] += n_gold
        totals["parsed"] += n_parsed
        totals["matched"] += matched
        totals["speakers"] += speakers
    p = totals["matched"] / max(totals["parsed"], 1)
    r = totals["matched"] / max(totals["gold"], 1)
    s = totals["speakers"] / max(totals["matched"], 1)
    print(f"{'TOTAL':32} {p:6.3f} {r:6.3f} {s:7.3f}")


def speed(corpus="Tests/Fixtures/corpus", rounds=5):
    import time
    files = sorted(Path(corpus).glob("*.txt"))
    size = sum(f.stat().st_size for f in files)
    start = time.perf_counter()
    for _ in range(rounds):
        for f in files:
            turns(f)
    seconds = (time.perf_counter() - start) / rounds
    print(f"speed: {len(files)} text files, {size / 1e6:.2f} MB: {size / 1e6 / seconds:.1f} MB/s")


if __name__ == "__main__":
    if "--speed" in sys.argv:
        speed()
        sys.exit()
    main(sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/gold")

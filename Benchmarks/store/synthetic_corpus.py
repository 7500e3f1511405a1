#!/usr/bin/env python3
"""Make a synthetic corpus for measuring the store: N transcripts replicated from the real corpus.

For measurement only; never shipped as data. Copy i is the (i mod 42)th text transcript of
Tests/Fixtures/corpus, with every four-digit year from 1990 to 2030 in it shifted by i // 42 years
(so the copies spread over time, as a real archive does) and a last line "END OF COPY i" (so every
copy has its own bytes and is stored, not skipped as unchanged).

Such copies are the same transcript as their original, and Presser records them as its twins
(searched and counted once): a store of 10,000 holds some 6,000 distinct turns to search. With
--distinct every sentence ending in a lower-case word of three letters or more gets a word of its
copy's own after that word ("zq" and letters from the copy's number: "… the task force zqdw."),
so that copies are no longer the same sentences word for word, nor twins.

    python3 Benchmarks/store/synthetic_corpus.py 10000 /tmp/presser-10k
    python3 Benchmarks/store/synthetic_corpus.py --distinct 10000 /tmp/presser-10k-distinct
"""
import argparse
import pathlib
import re


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Write COUNT synthetic transcripts, replicated from Tests/Fixtures/corpus, into OUT "
        "(for measuring the store only; never shipped as data).")
    parser.add_argument("count", type=int, help="how many transcripts (e.g. 10000)")
    parser.add_argument("out", type=pathlib.Path, help="folder to write them into (made if missing)")
    parser.add_argument("--distinct", action="store_true",
                        help="give every sentence after a paragraph's first a word of the copy's own, "
                        "so that copies are not twins")
    args = parser.parse_args()
    count, out = args.count, args.out
    corpus = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "Fixtures" / "corpus"
    sources = sorted(p for p in corpus.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    year = re.compile(r"\b(19[9][0-9]|20[0-2][0-9]|2030)\b")
    sentence_end = re.compile(r"\b([a-z]{3,})([.?!])(?=\s|$)", re.MULTILINE)
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        k = i % len(sources)
        shift = i // len(sources)
        text = year.sub(lambda m: str(int(m.group(1)) + shift), texts[k]) if shift else texts[k]
        if args.distinct:
            word = "zq" + letters(i)
            text = sentence_end.sub(lambda m: f"{m.group(1)} {word}{m.group(2)}", text)
        text += f"\n\nEND OF COPY {i}\n"
        folder = out / f"{i // 1000:03d}"
        folder.mkdir(exist_ok=True)
        path = folder / f"{i:06d}-{sources[k].name}"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    print(f"{count} transcripts, {total / 1e6:.1f} MB in {out}")


def letters(n: int) -> str:
    """The number in base 26, a to z."""
    out = ""
    while True:
        out = chr(ord("a") + n % 26) + out
        n //= 26
        if n == 0:
            return out


if __name__ == "__main__":
    main()

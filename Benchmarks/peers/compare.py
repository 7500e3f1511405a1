#!/usr/bin/env python3
"""Presser's numeric-claim extraction against quantulum3 and Microsoft Recognizers-Text.

Reads every hand-labelled gold file (Tests/Fixtures/claims-gold/*.claims.json), runs each system
on each gold sentence alone, turns every system's output into (value, kind, qualifier) items and
scores them against the gold claims: precision, recall and F1 on value+kind, then again with the
qualifier required too, micro-averaged over all sentences; and sentences per second.

Run it through run.sh, which makes the virtual environment and builds Presser. See README.md for
the fairness rules.
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from typing import Callable, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_GOLD = os.path.join(ROOT, "Tests", "Fixtures", "claims-gold")
DEFAULT_PRESSER = os.path.join(ROOT, ".build", "release", "presser")
DEFAULT_JSON = os.path.join(HERE, "results.json")

SYSTEMS = ("presser", "quantulum3", "recognizers-text")


# --------------------------------------------------------------------------------------------
# Gold


@dataclass
class GoldClaim:
    text: str
    value: Optional[float]
    upper: Optional[float]
    kind: str
    qualifier: str


@dataclass
class Sentence:
    file: str
    line: int
    text: str
    date: Optional[str]
    language: str
    claims: list


@dataclass
class GoldFile:
    path: str
    file: str
    date: Optional[str]
    language: str
    sentences: list


_EN_WORDS = {"the", "of", "and", "to", "in", "is", "that", "we", "it", "for", "are", "have", "this", "with", "was"}
_ES_WORDS = {"el", "la", "de", "que", "y", "los", "las", "en", "un", "una", "es", "por", "con", "se", "del", "para"}


def detect_language(texts: list) -> str:
    """'es' or 'en', by counting common function words (the gold format has no language field)."""
    en = es = 0
    for t in texts:
        for w in re.findall(r"[a-záéíóúñü]+", t.lower()):
            en += w in _EN_WORDS
            es += w in _ES_WORDS
    return "es" if es > en else "en"


def _number(x) -> Optional[float]:
    if isinstance(x, bool) or x is None:
        return None
    if isinstance(x, (int, float)):
        return float(x)
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def load_gold(directory: str) -> tuple:
    """All gold files in `directory`; files that do not parse (still being written) are skipped
    with a warning. Returns (files, warnings)."""
    files, problems = [], []
    for path in sorted(glob.glob(os.path.join(directory, "*.claims.json"))):
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
            sentences_raw = data["sentences"]
        except (OSError, ValueError, KeyError, TypeError) as e:
            problems.append(f"{os.path.basename(path)}: skipped, not a complete gold file ({e.__class__.__name__}: {e})")
            continue
        date = data.get("date")
        lang = data.get("language") or data.get("lang")
        if lang:
            lang = "es" if str(lang).lower().startswith("es") else "en"
        else:
            lang = detect_language([s.get("text", "") for s in sentences_raw])
        name = data.get("file") or os.path.basename(path)
        sentences = []
        for s in sentences_raw:
            claims = []
            for c in s.get("claims") or []:
                value = _number(c.get("value"))
                if value is None:
                    problems.append(f"{os.path.basename(path)}:{s.get('line')}: gold claim {c.get('text')!r} has no numeric value")
                claims.append(GoldClaim(
                    text=c.get("text") or "",
                    value=value,
                    upper=_number(c.get("upper")),
                    kind=c.get("kind") or "",
                    qualifier=c.get("qualifier") or "exact",
                ))
            sentences.append(Sentence(file=name, line=s.get("line") or 0, text=s.get("text") or "", date=date,
                                      language=lang, claims=claims))
        files.append(GoldFile(path=path, file=name, date=date, language=lang, sentences=sentences))
    return files, problems


# --------------------------------------------------------------------------------------------
# Predictions


@dataclass
class Item:
    """One predicted quantity, in the gold's terms."""
    text: str
    start: int  # character offsets in the sentence, end exclusive (-1 when unknown)
    end: int
    value: Optional[float]
    kind: str
    qualifier: str = "exact"
    raw: str = ""  # what the system said, for --show-errors


_YEAR_RE = re.compile(r"^(19|20)\d\d(\s*(-|–|—|to|and|through)\s*(19|20)\d\d)?$")


def is_bare_year(surface: str) -> bool:
    """A year 1900–2099 written as four digits with no unit (or a range of two such years)."""
    return bool(_YEAR_RE.match(surface.strip()))


@dataclass
class SystemRun:
    name: str
    version: str = ""
    status: str = "ok"  # ok | skipped
    reason: str = ""
    predictions: list = field(default_factory=list)  # one list of Item per sentence
    seconds: float = 0.0  # extraction time only
    timing: str = ""  # how `seconds` was measured
    load_seconds: Optional[float] = None  # import + warm-up, not in `seconds`
    notes: list = field(default_factory=list)


def _pkg_version(name: str) -> str:
    try:
        from importlib.metadata import version
        return version(name)
    except Exception:  # noqa: BLE001
        return "?"


# ---- Presser


def run_presser(sentences: list, binary: str, skip_reason: Optional[str]) -> SystemRun:
    run = SystemRun("presser")
    if skip_reason:
        return SystemRun("presser", status="skipped", reason=skip_reason)
    if not os.path.isfile(binary) or not os.access(binary, os.X_OK):
        return SystemRun("presser", status="skipped",
                         reason=f"{binary} not found (build it with `swift build -c release --product presser`)")
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30)
        run.version = (out.stdout.strip() or out.stderr.strip()).splitlines()[0] if out.returncode == 0 else ""
    except Exception:  # noqa: BLE001
        pass
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for s in sentences:
            f.write(json.dumps({"text": s.text, "date": s.date}, ensure_ascii=False) + "\n")
        path = f.name
    try:
        t0 = time.perf_counter()
        proc = subprocess.run([binary, "claims", "--sentences", path], capture_output=True, text=True, timeout=1800)
        wall = time.perf_counter() - t0
    except subprocess.TimeoutExpired:
        return SystemRun("presser", status="skipped", reason="`presser claims --sentences` timed out (30 min)")
    except OSError as e:
        return SystemRun("presser", status="skipped", reason=f"cannot run {binary}: {e}")
    finally:
        os.unlink(path)
    err_tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
    if proc.returncode != 0:
        return SystemRun("presser", status="skipped",
                         reason=f"`presser claims --sentences` exited {proc.returncode}: {err_tail}")
    lines = [l for l in proc.stdout.split("\n") if l.strip()]
    if len(lines) != len(sentences):
        return SystemRun("presser", status="skipped",
                         reason=f"`presser claims --sentences` printed {len(lines)} lines for {len(sentences)} sentences")
    for s, line in zip(sentences, lines):
        try:
            claims = json.loads(line)["claims"]
        except (ValueError, KeyError, TypeError) as e:
            return SystemRun("presser", status="skipped", reason=f"unreadable output line: {line[:120]!r} ({e})")
        items = []
        for c in claims:
            start, end = c.get("start"), c.get("end")
            items.append(Item(
                text=c.get("text") or "",
                start=start if isinstance(start, int) else -1,
                end=end if isinstance(end, int) else -1,
                value=_number(c.get("value")),
                kind=c.get("kind") or "",
                qualifier=c.get("qualifier") or "exact",
                raw=f"{c.get('kind')} {c.get('unit')}",
            ))
        run.predictions.append(items)
    elapsed = None
    for l in reversed(proc.stderr.strip().splitlines()):
        m = re.match(r"\s*elapsed-seconds:\s*([0-9.eE+-]+)\s*$", l)
        if m:
            elapsed = float(m.group(1))
            break
    if elapsed is None:
        run.seconds, run.timing = wall, "wall time of the whole process (no elapsed-seconds line)"
        run.notes.append("no 'elapsed-seconds:' line on stderr; speed includes process start")
    else:
        run.seconds, run.timing = elapsed, "presser's own elapsed-seconds (excludes process start)"
    return run


# ---- quantulum3

# quantulum3 entity → gold kind. 'dimensionless' is decided by unit below.
_Q_ENTITY_KIND = {
    "currency": "currency", "time": "duration", "length": "length", "area": "area", "mass": "mass",
    "volume": "volume", "energy": "energy", "speed": "speed", "temperature": "temperature",
}
# quantulum3 dimensionless units: kind and multiplier ("a dozen" comes out as 1 dozen).
_Q_DIMENSIONLESS = {
    "dimensionless": ("count", 1), "unk": ("count", 1), "count": ("count", 1),
    "pair": ("count", 2), "dozen": ("count", 12), "baker's dozen": ("count", 13),
    "percentage": ("percent", 1), "basis point": ("basisPoint", 1),
    "percentage point": ("percentagePoint", 1),
}
_CENT_UNITS = {"cent", "penny", "centavo", "centavos", "centimo", "céntimo"}


def _quantulum_kind(unit: str, entity: str) -> tuple:
    if entity == "dimensionless":
        return _Q_DIMENSIONLESS.get(unit, ("other", 1))
    return _Q_ENTITY_KIND.get(entity, "other"), 1


def quantulum_items(text: str, quantities, unit_entities: dict) -> list:
    items = []
    for q in quantities:
        unit, entity = q.unit.name, q.unit.entity.name
        surface = q.surface
        value = float(q.value)
        kind, mult = _quantulum_kind(unit, entity)
        if entity == "unknown":
            # A compound unit quantulum3 has no entity for ("$120 billion a month" → dollar per month,
            # "7.6 percent at" → percentage ampere-turn): judged by its leading unit (power 1), as
            # the gold does ("$120 billion" is currency).
            lead = next((d.get("base") for d in (q.unit.dimensions or []) if d.get("power") == 1), None)
            if lead in unit_entities:
                kind, mult = _quantulum_kind(lead, unit_entities[lead])
        if unit.lower() in _CENT_UNITS:
            mult = 0.01
        # Fairness: bare four-digit years (no unit) are time references, not claims.
        if unit in ("dimensionless", "unk") and is_bare_year(surface):
            continue
        # quantulum3 gives a range as its midpoint ± half-width; the gold value is the lower bound.
        unc = q.uncertainty
        if unc and not re.search(r"±|\+/-|\+-|plus or minus", surface):
            value -= float(unc)
        start, end = q.span
        items.append(Item(text=surface, start=start, end=end, value=value * mult, kind=kind,
                          raw=f"{q.value:g} {unit} ({entity})" + (f" ±{unc:g}" if unc else "")))
    return items


def run_quantulum(sentences: list) -> SystemRun:
    run = SystemRun("quantulum3")
    t0 = time.perf_counter()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            from quantulum3 import classifier as q_classifier
            from quantulum3 import load as q_load
            from quantulum3 import parser as q_parser
            unit_entities = {n: u.entity.name for n, u in q_load.units("en_US").names.items()}
            q_parser.parse("The warm-up: 1.5 million people paid $20 for 3 km, up 4 percent.")
    except Exception as e:  # noqa: BLE001
        return SystemRun("quantulum3", status="skipped", reason=f"cannot import/run quantulum3: {e.__class__.__name__}: {e}")
    run.load_seconds = time.perf_counter() - t0
    run.version = _pkg_version("quantulum3")
    for w in caught:
        msg = str(w.message).splitlines()[0]
        if msg not in run.notes:
            run.notes.append(msg)
    if not getattr(q_classifier, "USE_CLF", False):
        run.notes.append("classifier dependencies missing: quantulum3 disambiguates units without its classifier")
    else:
        run.version += f" (classifier, scikit-learn {_pkg_version('scikit-learn')})"
    total = 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for s in sentences:
            t = time.perf_counter()
            try:
                qs = q_parser.parse(s.text)
            except Exception as e:  # noqa: BLE001
                qs = []
                run.notes.append(f"{s.file}:{s.line}: quantulum3 raised {e.__class__.__name__}: {e}")
            total += time.perf_counter() - t
            run.predictions.append(quantulum_items(s.text, qs, unit_entities))
    run.seconds, run.timing = total, "sum of wall times of parser.parse(text), one call per sentence, after a warm-up call"
    if any(s.language != "en" for s in sentences):
        run.notes.append("quantulum3 has English only (en_US); non-English sentences are parsed with it too")
    return run


# ---- Recognizers-Text

_RT_ORDER = ("percentage", "currency", "dimension", "temperature", "age", "number")  # tie-break on equal length


def _rt_unit_kinds() -> dict:
    """Recognizers-Text dimension unit name → gold kind, from its own resource tables."""
    from recognizers_number_with_unit.resources.english_numeric_with_unit import EnglishNumericWithUnit
    from recognizers_number_with_unit.resources.spanish_numeric_with_unit import SpanishNumericWithUnit
    table = {}
    for res in (EnglishNumericWithUnit, SpanishNumericWithUnit):
        for attr, kind in (("AreaSuffixList", "area"), ("LengthSuffixList", "length"), ("SpeedSuffixList", "speed"),
                           ("VolumeSuffixList", "volume"), ("WeightSuffixList", "mass"),
                           ("InformationSuffixList", "other")):
            for unit in getattr(res, attr, {}):
                table.setdefault(unit, kind)
    return table


def _rt_value(raw, language: str) -> Optional[float]:
    if raw is None:
        return None
    s = str(raw).strip().rstrip("%").strip()
    try:
        return float(s)
    except ValueError:
        pass
    if "," in s and "." not in s:  # Spanish decimal comma: "2,5"
        try:
            return float(s.replace(",", "."))
        except ValueError:
            return None
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def recognizers_items(text: str, results: list, language: str, unit_kinds: dict) -> list:
    """Merge the six recognizers' results: drop results that overlap a longer one (equal length:
    the earlier type in _RT_ORDER wins), map to gold kinds, drop bare years and unitless words."""
    cands = []
    for r in results:
        t = r.type_name
        res = r.resolution or {}
        unit = res.get("unit") if isinstance(res, dict) else None
        value = _rt_value(res.get("value") if isinstance(res, dict) else None, language)
        if t == "number":
            kind = "count"
        elif t == "percentage":
            kind = "percent"
        elif t == "currency":
            kind = "currency"
            if unit and unit.lower() in _CENT_UNITS and value is not None:
                value *= 0.01
        elif t == "dimension":
            kind = unit_kinds.get(unit, "other")
        elif t == "temperature":
            kind = "temperature"
        elif t == "age":
            kind = "duration"  # "65-year-old": the gold labels an age as a duration in years
        else:
            kind = "other"
        # Recognizers-Text's end is inclusive.
        cands.append(Item(text=r.text, start=r.start, end=r.end + 1, value=value, kind=kind,
                          raw=f"{t} {res.get('value') if isinstance(res, dict) else res}" + (f" {unit}" if unit else "")))
    cands.sort(key=lambda i: (-(i.end - i.start), _RT_ORDER.index(i.raw.split()[0]) if i.raw.split()[0] in _RT_ORDER else 9, i.start))
    kept = []
    for c in cands:
        if any(c.start < k.end and k.start < c.end for k in kept):
            continue
        kept.append(c)
    kept.sort(key=lambda i: i.start)
    out = []
    for c in kept:
        if c.value is None:  # "dollars" alone: a unit with no number is no quantity
            continue
        if c.raw.startswith("number ") and is_bare_year(c.text):
            continue
        out.append(c)
    return out


def run_recognizers(sentences: list) -> SystemRun:
    run = SystemRun("recognizers-text")
    t0 = time.perf_counter()
    try:
        from recognizers_text import Culture
        from recognizers_number import recognize_number, recognize_percentage
        from recognizers_number_with_unit import (recognize_age, recognize_currency, recognize_dimension,
                                                  recognize_temperature)
        unit_kinds = _rt_unit_kinds()
        fns = (recognize_number, recognize_percentage, recognize_currency, recognize_dimension,
               recognize_temperature, recognize_age)
        cultures = {"en": Culture.English, "es": Culture.Spanish}
        for lang in sorted({s.language for s in sentences}) or ["en"]:
            for fn in fns:  # warm-up: builds and caches each model for the culture
                fn("The warm-up: 1.5 million people paid $20 for 3 km, up 4 percent at 30 degrees.", cultures[lang])
    except Exception as e:  # noqa: BLE001
        return SystemRun("recognizers-text", status="skipped",
                         reason=f"cannot import/run Recognizers-Text: {e.__class__.__name__}: {e}")
    run.load_seconds = time.perf_counter() - t0
    run.version = _pkg_version("recognizers-text-suite")
    total = 0.0
    for s in sentences:
        culture = cultures[s.language]
        results = []
        t = time.perf_counter()
        for fn in fns:
            try:
                results.extend(fn(s.text, culture))
            except Exception as e:  # noqa: BLE001
                run.notes.append(f"{s.file}:{s.line}: {fn.__name__} raised {e.__class__.__name__}: {e}")
        total += time.perf_counter() - t
        run.predictions.append(recognizers_items(s.text, results, s.language, unit_kinds))
    run.seconds = total
    run.timing = "sum of wall times of the six recognize_* calls, per sentence, after a warm-up per culture"
    return run


# --------------------------------------------------------------------------------------------
# Scoring


def same_value(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return False
    return a == b or abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def gold_span(sentence: str, claim: GoldClaim) -> tuple:
    i = sentence.find(claim.text) if claim.text else -1
    return (i, i + len(claim.text)) if i >= 0 else (-1, -1)


def match(sentence: Sentence, predicted: list, with_qualifier: bool) -> tuple:
    """One-to-one greedy matching, gold claims in order; a prediction matches a gold claim of the
    same kind and value (and qualifier), preferring one whose text overlaps the gold text.
    Returns (pairs gold index → prediction index, unmatched gold, unmatched predictions)."""
    used, pairs = set(), {}
    for gi, g in enumerate(sentence.claims):
        cands = [pi for pi, p in enumerate(predicted)
                 if pi not in used and p.kind == g.kind and same_value(p.value, g.value)
                 and (not with_qualifier or p.qualifier == g.qualifier)]
        if not cands:
            continue
        gs, ge = gold_span(sentence.text, g)
        overl = [pi for pi in cands if gs >= 0 and predicted[pi].start >= 0
                 and predicted[pi].start < ge and gs < predicted[pi].end]
        pick = (overl or cands)[0]
        used.add(pick)
        pairs[gi] = pick
    missed = [gi for gi in range(len(sentence.claims)) if gi not in pairs]
    extra = [pi for pi in range(len(predicted)) if pi not in used]
    return pairs, missed, extra


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def score(sentences: list, predictions: list) -> dict:
    counts = {"value": [0, 0, 0], "qualifier": [0, 0, 0]}
    for s, pred in zip(sentences, predictions):
        for key, wq in (("value", False), ("qualifier", True)):
            pairs, missed, extra = match(s, pred, wq)
            counts[key][0] += len(pairs)
            counts[key][1] += len(extra)
            counts[key][2] += len(missed)
    return {k: prf(*v) for k, v in counts.items()}


# --------------------------------------------------------------------------------------------
# Output


def fmt_item(i: Item) -> str:
    v = "?" if i.value is None else f"{i.value:.10g}"
    q = "" if i.qualifier == "exact" else f" {i.qualifier}"
    return f"“{i.text}” = {v} {i.kind}{q}  [{i.raw}]"


def show_errors(system: SystemRun, sentences: list) -> None:
    print(f"\nErrors of {system.name} (value+kind matching; then qualifier mismatches among the matched):")
    n_miss = n_extra = n_qual = 0
    for s, pred in zip(sentences, system.predictions):
        pairs, missed, extra = match(s, pred, False)
        _, qmissed, _ = match(s, pred, True)
        qual_wrong = [gi for gi in qmissed if gi in pairs]
        if not (missed or extra or qual_wrong):
            continue
        print(f"\n{s.file}:{s.line}: {s.text}")
        for gi in missed:
            g = s.claims[gi]
            print(f"  MISSED {('“' + g.text + '”'):<40} = {g.value:.10g} {g.kind} {g.qualifier}" if g.value is not None
                  else f"  MISSED “{g.text}” (gold value missing)")
            n_miss += 1
        for pi in extra:
            p = pred[pi]
            hint = ""
            for g in s.claims:
                if same_value(p.value, g.value) and p.kind != g.kind:
                    hint = f"   (gold has {g.value:.10g} as {g.kind})"
                    break
                if g.upper is not None and same_value(p.value, g.upper):
                    hint = f"   (upper bound of gold range “{g.text}”)"
                    break
            print(f"  EXTRA  {fmt_item(p)}{hint}")
            n_extra += 1
        for gi in qual_wrong:
            g, p = s.claims[gi], pred[pairs[gi]]
            print(f"  QUALIFIER “{g.text}”: {p.qualifier}, gold {g.qualifier}")
            n_qual += 1
    print(f"\n{system.name}: {n_miss} missed, {n_extra} extra, {n_qual} with the wrong qualifier")


def table(rows: list, headers: list) -> str:
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(headers)]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)  # noqa: E731
                                          for i, (c, w) in enumerate(zip(cells, widths))) + " |"
    sep = "|" + "|".join(("-" * (w + 2)) if i == 0 else ("-" * (w + 1) + ":") for i, w in enumerate(widths)) + "|"
    return "\n".join([line(headers), sep] + [line(r) for r in rows])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default=DEFAULT_GOLD, help="folder of *.claims.json (default: %(default)s)")
    ap.add_argument("--presser", default=DEFAULT_PRESSER, help="presser binary (default: %(default)s)")
    ap.add_argument("--skip-presser", metavar="REASON", help="do not run Presser, and say why")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset of: " + ", ".join(SYSTEMS))
    ap.add_argument("--show-errors", metavar="SYSTEM", choices=SYSTEMS,
                    help="list the misses and false positives of one system")
    ap.add_argument("--json", default=DEFAULT_JSON, help="where to write the results (default: %(default)s; '' for none)")
    args = ap.parse_args(argv)

    wanted = [s.strip() for s in args.systems.split(",") if s.strip()]
    for w in wanted:
        if w not in SYSTEMS:
            ap.error(f"unknown system {w!r}")
    if args.show_errors and args.show_errors not in wanted:
        wanted.append(args.show_errors)

    files, problems = load_gold(args.gold)
    for p in problems:
        print(f"warning: {p}", file=sys.stderr)
    sentences = [s for f in files for s in f.sentences]
    n_claims = sum(len(s.claims) for s in sentences)
    if not sentences:
        print(f"no gold sentences in {args.gold}/*.claims.json", file=sys.stderr)
        return 1
    langs = sorted({s.language for s in sentences})
    print(f"gold: {len(files)} files, {len(sentences)} sentences, {n_claims} claims"
          f" ({', '.join(f'{l}: {sum(1 for s in sentences if s.language == l)} sentences' for l in langs)})")

    runs = []
    for name in SYSTEMS:
        if name not in wanted:
            continue
        print(f"running {name} ...", file=sys.stderr, flush=True)
        if name == "presser":
            r = run_presser(sentences, args.presser, args.skip_presser)
        elif name == "quantulum3":
            r = run_quantulum(sentences)
        else:
            r = run_recognizers(sentences)
        if r.status != "ok":
            print(f"skipping {name}: {r.reason}", file=sys.stderr)
        runs.append(r)

    results = {
        "gold": {
            "folder": os.path.relpath(args.gold, ROOT) if args.gold.startswith(ROOT) else args.gold,
            "files": [{"file": f.file, "date": f.date, "language": f.language, "sentences": len(f.sentences),
                       "claims": sum(len(s.claims) for s in f.sentences)} for f in files],
            "sentences": len(sentences),
            "claims": n_claims,
            "warnings": problems,
        },
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "systems": {},
    }
    rows = []
    for r in runs:
        entry = {"status": r.status, "version": r.version}
        if r.status != "ok":
            entry["reason"] = r.reason
            rows.append([r.name, *(["—"] * 6), "skipped"])
            results["systems"][r.name] = entry
            continue
        sc = score(sentences, r.predictions)
        sps = len(sentences) / r.seconds if r.seconds > 0 else float("inf")
        entry.update({
            "value": sc["value"], "qualifier_aware": sc["qualifier"],
            "seconds": r.seconds, "sentences_per_second": sps, "timing": r.timing,
            "load_seconds": r.load_seconds, "predicted_items": sum(len(p) for p in r.predictions),
            "notes": r.notes,
        })
        if len(langs) > 1:
            entry["per_language"] = {}
            for l in langs:
                idx = [i for i, s in enumerate(sentences) if s.language == l]
                sl = score([sentences[i] for i in idx], [r.predictions[i] for i in idx])
                entry["per_language"][l] = {"sentences": len(idx), "value": sl["value"], "qualifier_aware": sl["qualifier"]}
        results["systems"][r.name] = entry
        v, q = sc["value"], sc["qualifier"]
        label = f"{r.name} {r.version.split(' ')[0]}".strip() if r.name != "presser" else "presser"
        rows.append([label, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}",
                     f"{q['precision']:.3f}", f"{q['recall']:.3f}", f"{q['f1']:.3f}",
                     f"{sps:,.0f}" if math.isfinite(sps) else "∞"])

    print()
    print(table(rows, ["system", "value P", "value R", "value F1", "qualifier-aware P", "R", "F1", "sentences/s"]))
    print(f"\n{len(sentences)} gold sentences, {n_claims} gold claims, from {len(files)} files in "
          f"{results['gold']['folder']}. Value: a match needs the same kind and value (relative tolerance 1e-6); "
          "qualifier-aware: the same qualifier too. Micro-averaged; one-to-one greedy matching per sentence.")
    for r in runs:
        if r.status != "ok":
            print(f"  {r.name}: skipped: {r.reason}")
        if r.status == "ok":
            extra = f", load+warm-up {r.load_seconds:.2f} s not counted" if r.load_seconds is not None else ""
            print(f"  {r.name}: {r.seconds:.3f} s for {len(sentences)} sentences ({r.timing}{extra})")
            for n in r.notes[:5]:
                print(f"    note: {n}")
    if len(langs) > 1:
        print("\nPer language (value F1 / qualifier-aware F1):")
        for r in runs:
            pl = results["systems"][r.name].get("per_language")
            if pl:
                print(f"  {r.name}: " + ", ".join(f"{l} ({d['sentences']} sentences) {d['value']['f1']:.3f} / "
                                                  f"{d['qualifier_aware']['f1']:.3f}" for l, d in pl.items()))

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=2, ensure_ascii=False)
            f.write("\n")
        print(f"\nwrote {os.path.relpath(args.json, os.getcwd())}")

    if args.show_errors:
        r = next((r for r in runs if r.name == args.show_errors), None)
        if r is None or r.status != "ok":
            print(f"\n--show-errors {args.show_errors}: that system did not run"
                  + (f" ({r.reason})" if r else ""), file=sys.stderr)
        else:
            show_errors(r, sentences)
    return 0


if __name__ == "__main__":
    sys.exit(main())

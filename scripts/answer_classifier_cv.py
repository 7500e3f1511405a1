#!/usr/bin/env python3
"""Would a trained classifier label answers better than Presser's rules? Leave-one-transcript-out.

Usage (from the repository root, after `swift build`; needs scikit-learn and scipy, e.g. in a
virtual environment: python3 -m venv /tmp/venv && /tmp/venv/bin/pip install scikit-learn scipy):

    /tmp/venv/bin/python scripts/answer_classifier_cv.py [PRESSER_BINARY]

Reads every labelled exchange in Tests/Fixtures/answers-gold, answers-heldout and answers-heldout-2,
runs `presser parse --format json` on their transcripts, and trains a logistic regression on the
words (1- and 2-grams, TF-IDF) of the question and of the answer's first 40 words, plus the rules'
label, explanation kind, relevance and lengths. Each transcript is scored by a model trained on all
the others. Prints accuracy over the eight labels and on answered / not answered, for the model and
for the rules, per labelled set and overall.
"""
import glob
import json
import os
import subprocess
import sys

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

SETS = ["Tests/Fixtures/answers-gold", "Tests/Fixtures/answers-heldout", "Tests/Fixtures/answers-heldout-2"]
LABELS = ["direct", "partial", "deflection", "premiseRejected", "declined", "referred", "claimsIgnorance", "none"]
EXPLANATIONS = ["early in the answer", "one part", "puts details", "breaks off", "questions in one",
                "questions asked", "figure was asked", "not a question", "asks back", "no one answered", "little of"]


def exchanges(presser):
    rows = []
    for directory in SETS:
        for path in sorted(glob.glob(os.path.join(directory, "*.answers.json"))):
            with open(path, encoding="utf-8") as f:
                gold = json.load(f)
            out = subprocess.run([presser, "parse", "--format", "json", os.path.join("Tests/Fixtures/corpus", gold["file"])],
                                 capture_output=True, text=True, check=True).stdout
            briefing = json.loads(out)
            by_question = {e["question"]: e for e in briefing["exchanges"]}
            for item in gold["exchanges"]:
                e = by_question[item["questionTurn"]]
                rows.append({
                    "set": os.path.basename(directory), "file": gold["file"], "gold": item["label"],
                    "rule": e["answer"]["label"], "relevance": e["answer"]["relevance"],
                    "explanation": e["answer"]["explanation"],
                    "question": briefing["turns"][e["question"]]["text"],
                    "answer": " ".join(briefing["turns"][t]["text"] for t in e["answers"]),
                })
    return rows


def dense(r):
    answer_words, question_words = len(r["answer"].split()), len(r["question"].split())
    v = [r["relevance"], np.log1p(answer_words), np.log1p(question_words), r["question"].count("?"),
         float(answer_words == 0)]
    v += [float(r["rule"] == label) for label in LABELS]
    v += [float(k in r["explanation"]) for k in EXPLANATIONS]
    return v


def opening(text, n=40):
    return " ".join(text.split()[:n])


def features(rows, idx, fitted=None):
    if fitted is None:
        va = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        vq = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        xa = va.fit_transform([opening(rows[i]["answer"]) for i in idx])
        xq = vq.fit_transform([rows[i]["question"] for i in idx])
        fitted = (va, vq)
    else:
        va, vq = fitted
        xa = va.transform([opening(rows[i]["answer"]) for i in idx])
        xq = vq.transform([rows[i]["question"] for i in idx])
    d = csr_matrix(np.array([dense(rows[i]) for i in idx]) * 3)
    return hstack([xa, xq, d]).tocsr(), fitted


def main(argv):
    presser = argv[1] if len(argv) > 1 else ".build/debug/presser"
    rows = exchanges(presser)
    predicted = [None] * len(rows)
    for held in sorted({r["file"] for r in rows}):
        train = [i for i, r in enumerate(rows) if r["file"] != held]
        test = [i for i, r in enumerate(rows) if r["file"] == held]
        x, fitted = features(rows, train)
        model = LogisticRegression(max_iter=3000, C=1.0).fit(x, [rows[i]["gold"] for i in train])
        xt, _ = features(rows, test, fitted)
        for i, p in zip(test, model.predict(xt)):
            predicted[i] = p

    def answered(label):
        return label in ("direct", "partial")

    for name in [os.path.basename(s) for s in SETS] + [None]:
        idx = [i for i, r in enumerate(rows) if name is None or r["set"] == name]
        model = np.mean([predicted[i] == rows[i]["gold"] for i in idx])
        model_coarse = np.mean([answered(predicted[i]) == answered(rows[i]["gold"]) for i in idx])
        rules = np.mean([rows[i]["rule"] == rows[i]["gold"] for i in idx])
        rules_coarse = np.mean([answered(rows[i]["rule"]) == answered(rows[i]["gold"]) for i in idx])
        print(f"{name or 'all':20} {len(idx):4} exchanges  classifier {model:.3f} / {model_coarse:.3f}"
              f"   rules {rules:.3f} / {rules_coarse:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Load a Presser ConvoKit export with the real convokit package and print its counts as JSON.

    python3 scripts/check_convokit.py DIR

Used by ExportTests (which installs convokit into .build/convokit-venv with
`pip install --no-deps convokit` plus the loader's own dependencies). Standard output carries the
JSON only: whatever convokit prints while it loads (on its first run on a machine, a note that it
wrote ~/.convokit/config.yml) goes to standard error.
"""
import contextlib
import json
import sys

with contextlib.redirect_stdout(sys.stderr):
    from convokit import Corpus

    corpus = Corpus(filename=sys.argv[1])
    utterances = list(corpus.iter_utterances())
    roots = [u for u in utterances if u.reply_to is None]
    replies_ok = all(u.reply_to is None or corpus.has_utterance(u.reply_to) for u in utterances)
    conversations = len(list(corpus.iter_conversations()))
    speakers = len(list(corpus.iter_speakers()))
print(json.dumps({
    "utterances": len(utterances),
    "conversations": conversations,
    "speakers": speakers,
    "roots": len(roots),
    "repliesResolve": replies_ok,
    "claims": sum(len(u.meta.get("claims", [])) for u in utterances),
}))

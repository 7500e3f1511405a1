#!/usr/bin/env python3
"""What storing costs SQLite itself: the floor under `presser ingest`'s writer.

Copies briefings, already stored by Presser in SOURCE, into TARGET one transaction a briefing,
with the same rows and the same search-index insert as Presser's writer, but nothing else: no
analysis, no corpus lookups, no Swift. The CPU time this takes a briefing is what SQLite (with
its FTS5 index) costs on this machine, whatever Presser does around it.

    presser ingest --database /tmp/source.sqlite /tmp/presser-10k/000   # any stored briefings
    presser migrate --database /tmp/target.sqlite                       # or a copy of a large store
    python3 Benchmarks/store/replay_sqlite.py /tmp/source.sqlite /tmp/target.sqlite
    python3 Benchmarks/store/replay_sqlite.py --no-search-index /tmp/source.sqlite /tmp/target.sqlite

Into a large store: copy it, ingest more into the copy (the source), and replay those into another
copy of the original with --after the original's last briefing id:

    cp /tmp/10k.sqlite /tmp/source.sqlite && cp /tmp/10k.sqlite /tmp/target.sqlite
    presser ingest --database /tmp/source.sqlite /tmp/more
    python3 Benchmarks/store/replay_sqlite.py --after 10000 /tmp/source.sqlite /tmp/target.sqlite

TARGET must have Presser's schema and none of SOURCE's briefing or turn ids (a new file, or a copy
of a store the source's briefings were ingested after). Python's sqlite3 module uses the system's
SQLite, the one Presser links.
"""

import argparse
import resource
import sqlite3
import sys
import time

# The child tables, copied row for row (turns apart: its search_text column is generated).
CHILDREN = ["documents", "participants", "exchanges", "claims", "findings", "sentences", "corpus_findings"]
TURN_COLUMNS = (
    "id, briefing_id, idx, speaker_id, speaker_name, label, kind, outlet, asked_by, line, words, text, "
    "spaced_text, page"
)


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="an SQLite store Presser wrote")
    parser.add_argument("target", help="an SQLite store with Presser's schema, written into")
    parser.add_argument("--no-search-index", action="store_true", help="leave out the FTS5 insert")
    parser.add_argument("--after", type=int, default=0, help="only the source's briefings with higher ids")
    args = parser.parse_args()

    db = sqlite3.connect(args.target, isolation_level=None)
    # As Presser's writer (SQLiteEngine): WAL, NORMAL syncs, a 16 MiB page cache.
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA cache_size = -16384")
    db.execute("ATTACH ? AS s", (args.source,))
    # The source is read from memory, indexed by briefing, so that reading it costs next to nothing.
    for table in CHILDREN + ["turns", "briefings"]:
        column = "id" if table == "briefings" else "briefing_id"
        db.execute(f"CREATE TEMP TABLE src_{table} AS SELECT * FROM s.{table} WHERE {column} > ?", (args.after,))
        db.execute(f"CREATE INDEX temp.src_{table}_b ON src_{table} ({column})")
    db.execute("DETACH s")
    ids = [row[0] for row in db.execute("SELECT id FROM src_briefings ORDER BY id")]
    if not ids:
        sys.exit(f"{args.source}: no briefings to replay")
    clash = db.execute("SELECT COUNT(*) FROM briefings WHERE id IN (SELECT id FROM src_briefings)").fetchone()[0]
    if clash:
        sys.exit(f"{args.target} holds {clash} of the source's briefing ids already: use a new file")

    cpu, wall = cpu_seconds(), time.perf_counter()
    for briefing in ids:
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO briefings SELECT * FROM src_briefings WHERE id = ?", (briefing,))
        for table in CHILDREN:
            db.execute(f"INSERT INTO {table} SELECT * FROM src_{table} WHERE briefing_id = ?", (briefing,))
        db.execute(
            f"INSERT INTO turns ({TURN_COLUMNS}) SELECT {TURN_COLUMNS} FROM src_turns WHERE briefing_id = ?",
            (briefing,),
        )
        if not args.no_search_index:
            db.execute(
                "INSERT INTO turns_fts (rowid, search_text) SELECT id, search_text FROM turns WHERE briefing_id = ?",
                (briefing,),
            )
        db.execute("COMMIT")
    cpu, wall = cpu_seconds() - cpu, time.perf_counter() - wall
    db.close()
    n = len(ids)
    what = "without the search index" if args.no_search_index else "with the search index"
    print(
        f"{n} briefings replayed {what}, a transaction each: {wall:.2f} s = {n / wall:.0f} briefings/s; "
        f"{1000 * cpu / n:.2f} ms of CPU a briefing"
    )


if __name__ == "__main__":
    main()

-- Copies a store's briefings and turns nine more times (ids shifted, paths and hashes marked; each
-- copy keeps its twin, shifted alike, and which turns search gives) and rebuilds the search index:
-- a 10,000-briefing store becomes a 100,000-briefing one, to measure search latency at that size.
-- Claims, findings and documents are not copied. For measurement only; run it on a copy:
--   cp /tmp/s10k.sqlite /tmp/s100k.sqlite && sqlite3 /tmp/s100k.sqlite < Benchmarks/store/replicate-sqlite.sql
--   presser bench --search /tmp/s100k.sqlite --rounds 5
PRAGMA journal_mode = DELETE;
PRAGMA synchronous = OFF;
CREATE TEMP TABLE base AS SELECT (SELECT max(id) FROM briefings) AS b, (SELECT max(id) FROM turns) AS t;

INSERT INTO briefings (id, path, version, latest, sha256, title, date, layout, language, turns, questions,
    claims, findings, ingested_at, twin_of)
SELECT id + 1 * (SELECT b FROM base), path || '#copy1', version, latest, sha256 || '-1', title, date, layout,
    language, turns, questions, claims, findings, ingested_at, twin_of + 1 * (SELECT b FROM base)
FROM briefings WHERE id <= (SELECT b FROM base);
INSERT INTO turns (id, briefing_id, idx, speaker_id, speaker_name, label, kind, outlet, asked_by, line, words, text,
    spaced_text, searched)
SELECT id + 1 * (SELECT t FROM base), briefing_id + 1 * (SELECT b FROM base), idx, speaker_id, speaker_name, label,
    kind, outlet, asked_by, line, words, text, spaced_text, searched
FROM turns WHERE id <= (SELECT t FROM base);

INSERT INTO briefings (id, path, version, latest, sha256, title, date, layout, language, turns, questions,
    claims, findings, ingested_at, twin_of)
SELECT id + 2 * (SELECT b FROM base), path || '#copy2', version, latest, sha256 || '-2', title, date, layout,
    language, turns, questions, claims, findings, ingested_at, twin_of + 2 * (SELECT b FROM base)
FROM briefings WHERE id <= (SELECT b FROM base);
INSERT INTO turns (id, briefing_id, idx, speaker_id, speaker_name, label, kind, outlet, asked_by, line, words, text,
    spaced_text, searched)
SELECT id + 2 * (SELECT t FROM base), briefing_id + 2 * (SELECT b FROM base), idx, speaker_id, speaker_name, label,
    kind, outlet, asked_by, line, words, text, spaced_text, searched
FROM turns WHERE id <= (SELECT t FROM base);

INSERT INTO briefings (id, path, version, latest, sha256, title, date, layout, language, turns, questions,
    claims, findings, ingested_at, twin_of)
SELECT id + 3 * (SELECT b FROM base), path || '#copy3', version, latest, sha256 || '-3', title, date, layout,
    language, turns, questions, claims, findings, ingested_at, twin_of + 3 * (SELECT b FROM base)
FROM briefings WHERE id <= (SELECT b FROM base);
INSERT INTO turns (id, briefing_id, idx, speaker_id, speaker_name, label, kind, outlet, asked_by, line, words, text,
    spaced_text, searched)
SELECT id + 3 * (SELECT t FROM base), briefing_id + 3 * (SELECT b FROM base), idx, speaker_id, speaker_name, label,
    kind, outlet, asked_by, line, words, text, spaced_text, searched
FROM turns WHERE id <= (SELECT t FROM base);

INSERT INTO briefings (id, path, version, latest, sha256, title, date, layout, language, turns, questions,
    claims, findings, ingested_at, twin_of)
SELECT id + 4 * (SELECT b FROM base), path || '#copy4', version, latest, sha256 || '-4', title, date, layout,
    language, turns, questions, claims, findings, ingested_at, twin_of + 4 * (SELECT b FROM base)
FROM briefings WHERE id <= (SELECT b FROM base);
INSERT INTO turns (id, briefing_id, idx, speaker_id, speaker_name, label, kind, outlet, asked_by, line, words, text,
    spaced_text, searched)
SELECT id + 4 * (SELECT t FROM base), briefing_id + 4 * (SELECT b FROM base), idx, speaker_id, speaker_name, label,
    kind, outlet, asked_by, line, words, text, spaced_text, searched
FROM turns WHERE id <= (SELECT t FROM base);

INSERT INTO briefings (id, path, version, latest, sha256, title, date, layout, language, turns, questions,
    claims, findings, ingested_at, twin_of)
SELECT id + 5 * (SELECT b FROM base), path || '#copy5', version, latest, sha256 || '-5', title, date, layout,
    language, turns, questions, claims, findings, ingested_at, twin_of + 5 * (SELECT b FROM base)
FROM briefings WHERE id <= (SELECT b FROM base);
INSERT INTO turns (id, briefing_id, idx, speaker_id, speaker_name, label, kind, outlet, asked_by, line, words, text,
    spaced_text, searched)
SELECT id + 5 * (SELECT t FROM base), briefing_id + 5 * (SELECT b FROM base), idx, speaker_id, speaker_name, label,
    kind, outlet, asked_by, line, words, text, spaced_text, searched
FROM turns WHERE id <= (SELECT t FROM base);

INSERT INTO briefings (id, path, version, latest, sha256, title, date, layout, language, turns, questions,
    claims, findings, ingested_at, twin_of)
SELECT id + 6 * (SELECT b FROM base), path || '#copy6', version, latest, sha256 || '-6', title, date, layout,
    language, turns, questions, claims, findings, ingested_at, twin_of + 6 * (SELECT b FROM base)
FROM briefings WHERE id <= (SELECT b FROM base);
INSERT INTO turns (id, briefing_id, idx, speaker_id, speaker_name, label, kind, outlet, asked_by, line, words, text,
    spaced_text, searched)
SELECT id + 6 * (SELECT t FROM base), briefing_id + 6 * (SELECT b FROM base), idx, speaker_id, speaker_name, label,
    kind, outlet, asked_by, line, words, text, spaced_text, searched
FROM turns WHERE id <= (SELECT t FROM base);

INSERT INTO briefings (id, path, version, latest, sha256, title, date, layout, language, turns, questions,
    claims, findings, ingested_at, twin_of)
SELECT id + 7 * (SELECT b FROM base), path || '#copy7', version, latest, sha256 || '-7', title, date, layout,
    language, turns, questions, claims, findings, ingested_at, twin_of + 7 * (SELECT b FROM base)
FROM briefings WHERE id <= (SELECT b FROM base);
INSERT INTO turns (id, briefing_id, idx, speaker_id, speaker_name, label, kind, outlet, asked_by, line, words, text,
    spaced_text, searched)
SELECT id + 7 * (SELECT t FROM base), briefing_id + 7 * (SELECT b FROM base), idx, speaker_id, speaker_name, label,
    kind, outlet, asked_by, line, words, text, spaced_text, searched
FROM turns WHERE id <= (SELECT t FROM base);

INSERT INTO briefings (id, path, version, latest, sha256, title, date, layout, language, turns, questions,
    claims, findings, ingested_at, twin_of)
SELECT id + 8 * (SELECT b FROM base), path || '#copy8', version, latest, sha256 || '-8', title, date, layout,
    language, turns, questions, claims, findings, ingested_at, twin_of + 8 * (SELECT b FROM base)
FROM briefings WHERE id <= (SELECT b FROM base);
INSERT INTO turns (id, briefing_id, idx, speaker_id, speaker_name, label, kind, outlet, asked_by, line, words, text,
    spaced_text, searched)
SELECT id + 8 * (SELECT t FROM base), briefing_id + 8 * (SELECT b FROM base), idx, speaker_id, speaker_name, label,
    kind, outlet, asked_by, line, words, text, spaced_text, searched
FROM turns WHERE id <= (SELECT t FROM base);

INSERT INTO briefings (id, path, version, latest, sha256, title, date, layout, language, turns, questions,
    claims, findings, ingested_at, twin_of)
SELECT id + 9 * (SELECT b FROM base), path || '#copy9', version, latest, sha256 || '-9', title, date, layout,
    language, turns, questions, claims, findings, ingested_at, twin_of + 9 * (SELECT b FROM base)
FROM briefings WHERE id <= (SELECT b FROM base);
INSERT INTO turns (id, briefing_id, idx, speaker_id, speaker_name, label, kind, outlet, asked_by, line, words, text,
    spaced_text, searched)
SELECT id + 9 * (SELECT t FROM base), briefing_id + 9 * (SELECT b FROM base), idx, speaker_id, speaker_name, label,
    kind, outlet, asked_by, line, words, text, spaced_text, searched
FROM turns WHERE id <= (SELECT t FROM base);

INSERT INTO turns_fts (turns_fts) VALUES ('rebuild');
-- A rebuild leaves the index in dozens of segments (32 here), which every search reads; Presser
-- merges a store's segments when it closes it after storing, so the copy is merged too (as far as
-- FTS5's optimize goes: one segment).
INSERT INTO turns_fts (turns_fts) VALUES ('optimize');
PRAGMA journal_mode = WAL;
SELECT count(*) FROM briefings;
SELECT count(*) FROM turns;

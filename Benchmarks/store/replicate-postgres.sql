-- The same for PostgreSQL: copies a store's briefings and turns nine more times (ids shifted; each
-- copy keeps its twin, shifted alike, and which turns search gives), with the full-text index
-- dropped while copying and built again after, as the migrations make it (the searched turns only).
-- For measurement only; run it on a copy of a store migrated by this version of Presser:
--   createdb -T presser10k presser100k && psql -d presser100k -f Benchmarks/store/replicate-postgres.sql
--   presser bench --search postgres://…/presser100k --rounds 5
SET maintenance_work_mem = '1GB';
SET synchronous_commit = off;
CREATE TEMP TABLE base AS SELECT (SELECT max(id) FROM briefings) AS b, (SELECT max(id) FROM turns) AS t;
DROP INDEX turns_tsv;

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

CREATE INDEX turns_tsv ON turns USING GIN (tsv) WHERE searched = 1;
-- The search window (migration 2026-12-06-search-window-on-postgresql): the searched turns among
-- the newest 50,000, now the last copy's.
DELETE FROM search_window;
INSERT INTO search_window (id, tsv) SELECT id, tsv FROM turns
WHERE searched = 1 AND id > (SELECT max(id) FROM turns) - 50000;
SELECT setval('turns_id_seq', (SELECT max(id) FROM turns));
SELECT setval('briefings_id_seq', (SELECT max(id) FROM briefings));
VACUUM ANALYZE turns;
VACUUM ANALYZE briefings;
VACUUM ANALYZE search_window;
SELECT count(*) FROM briefings;
SELECT count(*) FROM turns;

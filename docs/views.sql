-- DuckDB views over an output folder of missive (schema 2.0): one view per
-- table, named as the table, and the joins an analyst writes first.
--
--   duckdb -c "SET VARIABLE out = 'data/out'; .read docs/views.sql"
--
-- or, in Python: con.execute("SET VARIABLE out = 'data/out'");
-- con.execute(open("docs/views.sql").read()). Rows of documents that repeat
-- an earlier one (documents.duplicate_of) are left out of the joined views.

CREATE OR REPLACE VIEW documents AS SELECT * FROM read_parquet(getvariable('out') || '/documents.parquet');
CREATE OR REPLACE VIEW citations AS SELECT * FROM read_parquet(getvariable('out') || '/citations.parquet');
CREATE OR REPLACE VIEW mission_mentions AS SELECT * FROM read_parquet(getvariable('out') || '/mission_mentions.parquet');
CREATE OR REPLACE VIEW mandate_events AS SELECT * FROM read_parquet(getvariable('out') || '/mandate_events.parquet');
CREATE OR REPLACE VIEW indicators AS SELECT * FROM read_parquet(getvariable('out') || '/indicators.parquet');
CREATE OR REPLACE VIEW activities AS SELECT * FROM read_parquet(getvariable('out') || '/activities.parquet');
CREATE OR REPLACE VIEW missions AS SELECT * FROM read_parquet(getvariable('out') || '/missions.parquet');
CREATE OR REPLACE VIEW mission_timeline AS SELECT * FROM read_parquet(getvariable('out') || '/mission_timeline.parquet');
CREATE OR REPLACE VIEW rejects AS SELECT * FROM read_parquet(getvariable('out') || '/rejects.parquet');

-- Each indicator with its document and, when it is about one, its mission.
CREATE OR REPLACE VIEW indicators_in_context AS
SELECT i.*, d.symbol, d.doc_type, d.doc_date, d.title,
       m.name AS mission_name, m.kind AS mission_kind
FROM indicators i
JOIN documents d USING (doc_id)
LEFT JOIN missions m ON m.mission_id = i.mission_id
WHERE d.duplicate_of IS NULL;

-- Mandate periods with the mission's name, kind and dates of record.
CREATE OR REPLACE VIEW mission_periods AS
SELECT t.*, m.name AS mission_name, m.kind AS mission_kind, m.is_un,
       m.start_date AS mission_start_date, m.end_date AS mission_end_date
FROM mission_timeline t
JOIN missions m USING (mission_id);

-- Council resolutions by how often the corpus cites them.
CREATE OR REPLACE VIEW citations_per_resolution AS
SELECT c.symbol, count(*) AS citations, count(DISTINCT c.doc_id) AS documents,
       min(d.doc_date) AS first_cited, max(d.doc_date) AS last_cited
FROM citations c
JOIN documents d USING (doc_id)
WHERE c.kind = 'resolution' AND d.duplicate_of IS NULL
GROUP BY c.symbol;

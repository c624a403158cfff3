-- newsevents store, schema version 1. Migrations are numbered files applied in order, each in a
-- transaction; the `meta` table records the version.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    options_json VARCHAR,
    n_inputs INTEGER,
    n_ok INTEGER,
    n_failed INTEGER,
    n_events INTEGER
);

CREATE TABLE IF NOT EXISTS articles (
    doc_id VARCHAR PRIMARY KEY,
    run_id VARCHAR,
    source_path VARCHAR,
    status VARCHAR,            -- ok | error
    error VARCHAR,
    outlet VARCHAR,
    outlet_country VARCHAR,
    url VARCHAR,
    title VARCHAR,
    pub_date VARCHAR,          -- YYYY-MM-DD or NULL
    pub_date_source VARCHAR,
    dateline_place VARCHAR,
    text VARCHAR,              -- cleaned body
    raw VARCHAR,               -- the text all offsets index
    removed_lines_json VARCHAR,-- JSON list of {text, reason, start, end}
    truncated BOOLEAN,
    content_hash VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR,
    type VARCHAR,
    mode VARCHAR,
    context VARCHAR,           -- comma-separated labels
    source_text VARCHAR, source_name VARCHAR, source_country VARCHAR, source_sector VARCHAR,
    source_code VARCHAR,
    target_text VARCHAR, target_name VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    target_code VARCHAR,
    dyad VARCHAR,              -- "SRC-TGT" countries as ordered in the event, NULL if unknown
    date VARCHAR,              -- YYYY | YYYY-MM | YYYY-MM-DD
    date_text VARCHAR,
    status VARCHAR,
    background BOOLEAN,
    attributed_to VARCHAR,
    evidence VARCHAR,
    evidence_start INTEGER,
    evidence_end INTEGER,
    quad_class INTEGER,
    goldstein DOUBLE,
    plover_score DOUBLE,
    trigger VARCHAR,
    main BOOLEAN,
    story_id VARCHAR,
    confidence DOUBLE
);

CREATE TABLE IF NOT EXISTS stories (
    story_id VARCHAR PRIMARY KEY,
    type VARCHAR,
    dyad VARCHAR,
    date VARCHAR,
    first_reported VARCHAR,
    n_mentions INTEGER,
    outlets VARCHAR,           -- JSON list
    doc_ids VARCHAR,           -- JSON list
    event_ids VARCHAR,         -- JSON list
    background BOOLEAN,
    accounts_json VARCHAR      -- JSON list of Account records
);

-- newsevents store, schema version 2: what is needed to rebuild records from the tables.
-- articles: body line offsets (Article.body_lines) and an insertion sequence (input order);
-- events: raw offsets and resolving rule of the actor texts (ActorRef.start/end/how);
-- duplicates: groups of copies of one text found by linking (DuplicateGroup).
CREATE SEQUENCE IF NOT EXISTS article_seq START 1;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS body_lines_json VARCHAR;   -- JSON list of [start, end]
ALTER TABLE articles ADD COLUMN IF NOT EXISTS seq BIGINT;                -- insertion order
ALTER TABLE events ADD COLUMN IF NOT EXISTS source_start INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS source_end INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS source_how VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_start INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_end INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_how VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS seq INTEGER;                 -- position of the event in its article

CREATE TABLE IF NOT EXISTS duplicates (
    group_id VARCHAR PRIMARY KEY,
    canonical VARCHAR,
    doc_ids VARCHAR,           -- JSON list
    similarity DOUBLE
);

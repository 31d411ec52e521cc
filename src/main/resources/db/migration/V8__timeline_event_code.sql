-- What a timeline entry records, as data: an event code (case.opened, draft.approved, ... see
-- timeline.EventCode and the README) and its arguments as a JSON object (values only: numbers,
-- enum names, the texts people wrote; never a sentence). The body keeps the text rendered from
-- them in English, so the command line and exports read it as before. Entries written before
-- this migration keep NULL here and are shown from their body: the table is append-only, so they
-- are never rewritten. Plain SQL types that PostgreSQL has too.

ALTER TABLE timeline_entry ADD COLUMN event_code VARCHAR(60);

ALTER TABLE timeline_entry ADD COLUMN event_args VARCHAR(1000000);

ALTER TABLE timeline_entry ADD CONSTRAINT timeline_event_args_need_code
    CHECK (event_args IS NULL OR event_code IS NOT NULL);

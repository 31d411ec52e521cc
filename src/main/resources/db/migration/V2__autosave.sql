-- Text a person has typed but not yet committed (added, sent, saved), kept so that a crash or a
-- closed window loses at most the last second of typing. One row per editor, e.g.
-- 'timeline-composer:case:42'; later editors (message drafts, playbook edits) use their own keys.
-- kind is the editor's chosen kind by name (for the timeline composer: an EntryKind name).

CREATE TABLE autosave (
    editor_key  VARCHAR(200)     PRIMARY KEY,
    case_id     BIGINT,
    kind        VARCHAR(30),
    content     VARCHAR(1000000) NOT NULL,
    saved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT autosave_case FOREIGN KEY (case_id) REFERENCES crisis_case (id) ON DELETE CASCADE
);

CREATE INDEX autosave_case ON autosave (case_id);

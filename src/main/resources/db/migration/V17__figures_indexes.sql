-- The review report (issue #13 item 6) counts every mention of a case in one pass (type,
-- sentiment, reach, published time, first answer) and looks up a few event codes on the timeline.
-- Without these indexes H2 read each whole row, mention text included: a second for 200,000
-- mentions, a tenth of one for 50,000 entries. The mention index holds every column the figures
-- read, so the pass reads the index alone; it begins with (case_id, published_at) and so serves
-- everything the V12 index did, which it replaces.
CREATE INDEX mention_figures_idx ON mention (case_id, published_at, mention_type, sentiment, reach,
    first_response_at);
DROP INDEX mention_published_idx;
-- the code first: H2 seeks an IN list only on an index's first column
CREATE INDEX timeline_entry_code ON timeline_entry (event_code, case_id);

-- The workspace counts a case's mentions per quarter hour for its charts and escalation checks
-- (issue #11): by published time, over a window (the last day or two), and looks for open media
-- inquiries. Without these indexes each count read every mention of the case (seconds for
-- 200,000); with them it reads the window, or seeks.
CREATE INDEX mention_published_idx ON mention (case_id, published_at);
CREATE INDEX mention_type_state_idx ON mention (case_id, mention_type, state);

-- The playbook a case follows (at most one; changing it is written to the case timeline).
CREATE TABLE case_playbook (
    case_id      BIGINT NOT NULL PRIMARY KEY,
    playbook_id  BIGINT NOT NULL,
    assigned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_by  VARCHAR(200) NOT NULL,
    CONSTRAINT case_playbook_case FOREIGN KEY (case_id) REFERENCES crisis_case (id),
    CONSTRAINT case_playbook_playbook FOREIGN KEY (playbook_id) REFERENCES playbook (id)
);

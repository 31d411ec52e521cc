package io.crisisconsole.playbooks;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The case_playbook table (V6): the playbook a case follows, at most one per case. */
public interface CasePlaybookDao {

    @SqlQuery("SELECT playbook_id FROM case_playbook WHERE case_id = :caseId")
    Optional<Long> playbookOf(long caseId);

    /** Sets the playbook of the case: UPDATE, then INSERT when it had none (portable SQL, in a transaction). */
    default void assign(long caseId, long playbookId, Instant at, String by) {
        if (update(caseId, playbookId, at, by) == 0) {
            insert(caseId, playbookId, at, by);
        }
    }

    @SqlUpdate("""
            UPDATE case_playbook SET playbook_id = :playbookId, assigned_at = :at, assigned_by = :by
            WHERE case_id = :caseId
            """)
    int update(long caseId, long playbookId, Instant at, String by);

    @SqlUpdate("""
            INSERT INTO case_playbook (case_id, playbook_id, assigned_at, assigned_by)
            VALUES (:caseId, :playbookId, :at, :by)
            """)
    void insert(long caseId, long playbookId, Instant at, String by);
}

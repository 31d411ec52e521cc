package io.crisisconsole.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The workspace tables (V11): checklist steps touched in a case, and calls made. */
@RegisterConstructorMapper(StepRow.class)
@RegisterConstructorMapper(CallAttempt.class)
public interface WorkspaceDao {

    @SqlQuery("""
            SELECT case_id, step_id, state, reason, assignee_contact_id, done_at, updated_by, updated_at
              FROM case_step WHERE case_id = :caseId
            """)
    List<StepRow> steps(long caseId);

    @SqlQuery("""
            SELECT case_id, step_id, state, reason, assignee_contact_id, done_at, updated_by, updated_at
              FROM case_step WHERE case_id = :caseId AND step_id = :stepId
            """)
    Optional<StepRow> step(long caseId, String stepId);

    @SqlUpdate("""
            INSERT INTO case_step (case_id, step_id, state, reason, assignee_contact_id, done_at, updated_by, updated_at)
            VALUES (:caseId, :stepId, :state, :reason, :assignee, :doneAt, :by, :now)
            """)
    void insertStep(long caseId, String stepId, StepState state, String reason, Long assignee, Instant doneAt,
            String by, Instant now);

    @SqlUpdate("""
            UPDATE case_step SET state = :state, reason = :reason, assignee_contact_id = :assignee, done_at = :doneAt,
                   updated_by = :by, updated_at = :now
             WHERE case_id = :caseId AND step_id = :stepId
            """)
    int updateStep(long caseId, String stepId, StepState state, String reason, Long assignee, Instant doneAt,
            String by, Instant now);

    @SqlUpdate("""
            INSERT INTO call_attempt (case_id, contact_id, contact_name, role_id, outcome, called_at, note, logged_by,
                                      logged_at)
            VALUES (:caseId, :contactId, :contactName, :roleId, :outcome, :calledAt, :note, :by, :now)
            """)
    @GetGeneratedKeys("id")
    long insertCall(long caseId, long contactId, String contactName, String roleId, CallOutcome outcome,
            Instant calledAt, String note, String by, Instant now);

    @SqlQuery("""
            SELECT id, case_id, contact_id, contact_name, role_id, outcome, called_at, note, logged_by, logged_at
              FROM call_attempt WHERE case_id = :caseId ORDER BY called_at, id
            """)
    List<CallAttempt> calls(long caseId);
}

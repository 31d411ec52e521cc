package io.crisisconsole.debrief;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The debrief tables (V14; a change's source and suggestion, V16): hot-wash, lessons, proposed playbook changes. */
@RegisterConstructorMapper(HotWash.class)
@RegisterConstructorMapper(Lesson.class)
@RegisterConstructorMapper(PlaybookChange.class)
public interface DebriefDao {

    @SqlQuery("""
            SELECT case_id, went_well, went_wrong, lucky, version, updated_by, updated_at
              FROM case_hotwash WHERE case_id = :caseId
            """)
    Optional<HotWash> hotWash(long caseId);

    @SqlUpdate("""
            INSERT INTO case_hotwash (case_id, went_well, went_wrong, lucky, version, updated_by, updated_at)
            VALUES (:caseId, :well, :wrong, :lucky, 1, :by, :now)
            """)
    void insertHotWash(long caseId, String well, String wrong, String lucky, String by, Instant now);

    @SqlUpdate("""
            UPDATE case_hotwash SET went_well = :well, went_wrong = :wrong, lucky = :lucky, version = version + 1,
                   updated_by = :by, updated_at = :now
             WHERE case_id = :caseId AND version = :expected
            """)
    int updateHotWash(long caseId, int expected, String well, String wrong, String lucky, String by, Instant now);

    @SqlQuery("""
            SELECT id, case_id, lesson_text, owner_name, owner_contact_id, due_date, status, created_by, created_at,
                   updated_by, updated_at
              FROM case_lesson WHERE case_id = :caseId ORDER BY id
            """)
    List<Lesson> lessons(long caseId);

    @SqlQuery("""
            SELECT id, case_id, lesson_text, owner_name, owner_contact_id, due_date, status, created_by, created_at,
                   updated_by, updated_at
              FROM case_lesson WHERE id = :id
            """)
    Optional<Lesson> lesson(long id);

    @SqlUpdate("""
            INSERT INTO case_lesson (case_id, lesson_text, owner_name, owner_contact_id, due_date, status, created_by,
                                     created_at, updated_by, updated_at)
            VALUES (:caseId, :text, :owner, :contactId, :due, 'OPEN', :by, :now, :by, :now)
            """)
    @GetGeneratedKeys("id")
    long insertLesson(long caseId, String text, String owner, Long contactId, LocalDate due, String by, Instant now);

    @SqlUpdate("""
            UPDATE case_lesson SET lesson_text = :text, owner_name = :owner, owner_contact_id = :contactId,
                   due_date = :due, status = :status, updated_by = :by, updated_at = :now
             WHERE id = :id
            """)
    int updateLesson(long id, String text, String owner, Long contactId, LocalDate due, LessonStatus status,
            String by, Instant now);

    @SqlUpdate("DELETE FROM case_lesson WHERE id = :id")
    int deleteLesson(long id);

    @SqlQuery("""
            SELECT id, case_id, playbook_id, language, base_version, kind, description, yaml, state, became_version,
                   proposed_by, proposed_at, decided_by, decided_at, source, suggestion
              FROM playbook_change WHERE case_id = :caseId ORDER BY id
            """)
    List<PlaybookChange> changes(long caseId);

    @SqlQuery("""
            SELECT id, case_id, playbook_id, language, base_version, kind, description, yaml, state, became_version,
                   proposed_by, proposed_at, decided_by, decided_at, source, suggestion
              FROM playbook_change WHERE id = :id
            """)
    Optional<PlaybookChange> change(long id);

    @SqlUpdate("""
            INSERT INTO playbook_change (case_id, playbook_id, language, base_version, kind, description, yaml, state,
                                         proposed_by, proposed_at, source, suggestion)
            VALUES (:caseId, :playbookId, :language, :baseVersion, :kind, :description, :yaml, 'PROPOSED', :by, :now,
                    :source, :suggestion)
            """)
    @GetGeneratedKeys("id")
    long insertChange(long caseId, long playbookId, String language, int baseVersion, ChangeKind kind,
            String description, String yaml, String by, Instant now, ChangeSource source, String suggestion);

    @SqlUpdate("""
            UPDATE playbook_change SET state = :state, became_version = :became, decided_by = :by, decided_at = :now
             WHERE id = :id AND state = 'PROPOSED'
            """)
    int decide(long id, ChangeState state, Integer became, String by, Instant now);
}

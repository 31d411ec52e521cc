package io.crisisconsole.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Append and read only: the table refuses updates and deletes (see the V1 migration). Used by
 * {@link TimelineService} alone, which turns rows into {@link TimelineEntry} (reading the JSON
 * arguments).
 */
@RegisterConstructorMapper(TimelineDao.Row.class)
public interface TimelineDao {

    @SqlUpdate("""
            INSERT INTO timeline_entry (case_id, kind, author, body, occurred_at, recorded_at, corrects_id,
                                        event_code, event_args)
            VALUES (:caseId, :kind, :author, :body, :occurredAt, :recordedAt, :correctsId, :eventCode, :eventArgs)
            """)
    @GetGeneratedKeys("id")
    long append(long caseId, EntryKind kind, String author, String body, Instant occurredAt, Instant recordedAt,
            Long correctsId, String eventCode, String eventArgs);

    @SqlQuery("""
            SELECT id, case_id, kind, author, body, occurred_at, recorded_at, corrects_id, event_code, event_args
            FROM timeline_entry WHERE id = :id
            """)
    Optional<Row> find(long id);

    @SqlQuery("""
            SELECT id, case_id, kind, author, body, occurred_at, recorded_at, corrects_id, event_code, event_args
            FROM timeline_entry WHERE case_id = :caseId ORDER BY occurred_at, id
            """)
    List<Row> listForCase(long caseId);

    @SqlQuery("""
            SELECT id, case_id, kind, author, body, occurred_at, recorded_at, corrects_id, event_code, event_args
            FROM timeline_entry WHERE case_id = :caseId AND event_code IN (<codes>) ORDER BY occurred_at, id
            """)
    List<Row> listForCaseWithCodes(long caseId, @org.jdbi.v3.sqlobject.customizer.BindList("codes") List<String> codes);

    /** A row as stored: the arguments still as JSON text. */
    record Row(long id, long caseId, EntryKind kind, String author, String body, Instant occurredAt,
            Instant recordedAt, Long correctsId, String eventCode, String eventArgs) {
    }
}

package io.crisisconsole.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Append and read only: the table refuses updates and deletes (see the V1 migration). */
@RegisterConstructorMapper(TimelineEntry.class)
public interface TimelineDao {

    @SqlUpdate("""
            INSERT INTO timeline_entry (case_id, kind, author, body, occurred_at, recorded_at, corrects_id)
            VALUES (:caseId, :kind, :author, :body, :occurredAt, :recordedAt, :correctsId)
            """)
    @GetGeneratedKeys("id")
    long append(long caseId, EntryKind kind, String author, String body, Instant occurredAt, Instant recordedAt,
            Long correctsId);

    @SqlQuery("SELECT * FROM timeline_entry WHERE id = :id")
    Optional<TimelineEntry> find(long id);

    @SqlQuery("SELECT * FROM timeline_entry WHERE case_id = :caseId ORDER BY occurred_at, id")
    List<TimelineEntry> listForCase(long caseId);
}

package io.crisisconsole.timeline;

import io.crisisconsole.toolkit.SqlColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Append and read only: the table refuses updates and deletes (see the V1 migration). Used by
 * {@link TimelineService} alone, which turns rows into {@link TimelineEntry} (reading the JSON
 * arguments).
 */
@RegisterRowMapper(TimelineDao.RowMapper.class)
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

    /**
     * When the case's first entry happened; empty without entries. An index seek on
     * {@code (case_id, occurred_at, id)}: H2 sorts by an index only when the ORDER BY begins with
     * its first column.
     */
    @SqlQuery("""
            SELECT occurred_at FROM timeline_entry WHERE case_id = :caseId
             ORDER BY case_id, occurred_at, id FETCH FIRST 1 ROWS ONLY
            """)
    Optional<Instant> firstOccurred(long caseId);

    /**
     * A page of the case's entries in the order they happened, then as written down, from
     * {@code from} on (see {@link io.crisisconsole.toolkit.TimePages}): read along the index
     * {@code (case_id, occurred_at, id)}, so H2 neither sorts nor holds more than a page.
     */
    @SqlQuery("""
            SELECT id, case_id, kind, author, body, occurred_at, recorded_at, corrects_id, event_code, event_args
              FROM timeline_entry WHERE case_id = :caseId AND occurred_at >= :from
             ORDER BY case_id, occurred_at, id OFFSET :skip ROWS FETCH FIRST :size ROWS ONLY
            """)
    List<Row> page(long caseId, Instant from, int skip, int size);

    @SqlQuery("""
            SELECT id, case_id, kind, author, body, occurred_at, recorded_at, corrects_id, event_code, event_args
            FROM timeline_entry WHERE case_id = :caseId AND event_code IN (<codes>) ORDER BY occurred_at, id
            """)
    List<Row> listForCaseWithCodes(long caseId, @org.jdbi.v3.sqlobject.customizer.BindList("codes") List<String> codes);

    /** A row as stored: the arguments still as JSON text. */
    record Row(long id, long caseId, EntryKind kind, String author, String body, Instant occurredAt,
            Instant recordedAt, Long correctsId, String eventCode, String eventArgs) {
    }

    /**
     * A {@link Row} from the columns in the order every query here selects them, by position (see
     * {@link SqlColumns}: a big case's 50,000 entries are read whole for a review export).
     */
    final class RowMapper implements org.jdbi.v3.core.mapper.RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Row(rs.getLong(1), rs.getLong(2), SqlColumns.enumOf(EntryKind.class, rs, 3), rs.getString(4),
                    rs.getString(5), SqlColumns.instant(rs, 6), SqlColumns.instant(rs, 7),
                    SqlColumns.nullableLong(rs, 8), rs.getString(9), rs.getString(10));
        }
    }
}

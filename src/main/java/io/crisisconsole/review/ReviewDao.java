package io.crisisconsole.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The review tables (V15): the review texts and the key-time changes. */
public interface ReviewDao {

    /** A {@code case_review} row as stored. */
    record Row(long caseId, String summary, String impact, String factors, String lessons, String externalHappened,
            String externalDid, String externalChanges, int version, String updatedBy, Instant updatedAt) {

        Review review() {
            return new Review(caseId, new ReviewText(summary, impact, factors, lessons, externalHappened, externalDid,
                    externalChanges), version, updatedBy, updatedAt);
        }
    }

    @SqlQuery("""
            SELECT case_id, summary, impact, factors, lessons, external_happened, external_did, external_changes,
                   version, updated_by, updated_at
              FROM case_review WHERE case_id = :caseId
            """)
    @RegisterConstructorMapper(Row.class)
    Optional<Row> review(long caseId);

    @SqlUpdate("""
            INSERT INTO case_review (case_id, summary, impact, factors, lessons, external_happened, external_did,
                                     external_changes, version, updated_by, updated_at)
            VALUES (:caseId, :summary, :impact, :factors, :lessons, :happened, :did, :changes, 1, :by, :now)
            """)
    void insert(long caseId, String summary, String impact, String factors, String lessons, String happened,
            String did, String changes, String by, Instant now);

    @SqlUpdate("""
            UPDATE case_review SET summary = :summary, impact = :impact, factors = :factors, lessons = :lessons,
                   external_happened = :happened, external_did = :did, external_changes = :changes,
                   version = version + 1, updated_by = :by, updated_at = :now
             WHERE case_id = :caseId AND version = :expected
            """)
    int update(long caseId, int expected, String summary, String impact, String factors, String lessons,
            String happened, String did, String changes, String by, Instant now);

    /** A {@code review_key_time} row as stored. */
    record KeyTimeRow(long id, long caseId, KeyTime kind, Instant beforeAt, Instant afterAt, String note,
            String changedBy, Instant changedAt) {

        KeyTimeChange change() {
            return new KeyTimeChange(id, caseId, kind, beforeAt, afterAt, note.isEmpty() ? null : note, changedBy,
                    changedAt);
        }
    }

    @SqlQuery("""
            SELECT id, case_id, kind, before_at, after_at, note, changed_by, changed_at
              FROM review_key_time WHERE case_id = :caseId ORDER BY id
            """)
    @RegisterConstructorMapper(KeyTimeRow.class)
    List<KeyTimeRow> keyTimeChanges(long caseId);

    @SqlUpdate("""
            INSERT INTO review_key_time (case_id, kind, before_at, after_at, note, changed_by, changed_at)
            VALUES (:caseId, :kind, :before, :after, :note, :by, :now)
            """)
    @GetGeneratedKeys("id")
    long insertKeyTime(long caseId, KeyTime kind, Instant before, Instant after, String note, String by, Instant now);
}

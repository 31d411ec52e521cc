package io.crisisconsole.composer;

import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The draft tables (V7 migration). Versions and publications are append-only. */
@RegisterConstructorMapper(Draft.class)
@RegisterConstructorMapper(DraftPublication.class)
public interface DraftDao {

    @SqlUpdate("""
            INSERT INTO draft (case_id, title, status, stage, current_version, created_at, updated_at)
            VALUES (:caseId, :title, :status, :stage, 1, :now, :now)
            """)
    @GetGeneratedKeys("id")
    long insert(long caseId, String title, DraftStatus status, Stage stage, Instant now);

    @SqlQuery("SELECT * FROM draft WHERE id = :id")
    Optional<Draft> find(long id);

    @SqlQuery("SELECT * FROM draft WHERE case_id = :caseId ORDER BY created_at DESC, id DESC")
    List<Draft> listForCase(long caseId);

    /** Optimistic update of everything but the approval; 0 when the row changed since {@code version}. */
    @SqlUpdate("""
            UPDATE draft
               SET status = :status, stage = :stage, current_version = :currentVersion,
                   approved_by_contact_id = :approverId, approved_by_name = :approverName, approved_at = :approvedAt,
                   updated_at = :now, version = version + 1
             WHERE id = :id AND version = :version
            """)
    int update(long id, int version, DraftStatus status, Stage stage, int currentVersion, Long approverId,
            String approverName, Instant approvedAt, Instant now);

    @SqlUpdate("""
            INSERT INTO draft_version (draft_id, version, content, saved_at, author)
            VALUES (:draftId, :version, :content, :savedAt, :author)
            """)
    void insertVersion(long draftId, int version, String content, Instant savedAt, String author);

    @SqlQuery("SELECT content FROM draft_version WHERE draft_id = :draftId AND version = :version")
    Optional<String> content(long draftId, int version);

    @SqlQuery("SELECT draft_id, version, content, saved_at, author FROM draft_version WHERE draft_id = :draftId ORDER BY version")
    @RegisterConstructorMapper(StoredVersion.class)
    List<StoredVersion> versions(long draftId);

    @SqlUpdate("""
            INSERT INTO draft_publication (draft_id, channel, draft_version, published_at, marked_by, marked_at)
            VALUES (:draftId, :channel, :draftVersion, :publishedAt, :markedBy, :markedAt)
            """)
    @GetGeneratedKeys("id")
    long insertPublication(long draftId, Channel channel, int draftVersion, Instant publishedAt, String markedBy,
            Instant markedAt);

    @SqlQuery("SELECT * FROM draft_publication WHERE draft_id = :draftId ORDER BY published_at, id")
    List<DraftPublication> publications(long draftId);

    @SqlQuery("""
            SELECT p.* FROM draft_publication p JOIN draft d ON d.id = p.draft_id
             WHERE d.case_id = :caseId ORDER BY p.published_at, p.id
            """)
    List<DraftPublication> publicationsOfCase(long caseId);

    /** A version row as stored (content as JSON text). */
    record StoredVersion(long draftId, int version, String content, Instant savedAt, String author) {
        DraftVersion read() {
            return new DraftVersion(draftId, version, DraftContent.fromJson(content), savedAt, author);
        }
    }
}

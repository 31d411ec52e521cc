package io.crisisconsole.store;

import io.crisisconsole.toolkit.AutosavedText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The autosave table (V2 migration): one row per editor key. */
@RegisterConstructorMapper(AutosavedText.class)
public interface AutosaveDao {

    /**
     * Stores the row for {@code editorKey}, replacing what was there. An UPDATE, then an INSERT when
     * there was no row: plain SQL that H2 and PostgreSQL both run (H2's {@code MERGE ... KEY} is not
     * portable). Callers run it in a transaction.
     */
    default void upsert(String editorKey, Long caseId, String kind, String content, Instant savedAt) {
        if (update(editorKey, caseId, kind, content, savedAt) == 0) {
            insert(editorKey, caseId, kind, content, savedAt);
        }
    }

    @SqlUpdate("""
            UPDATE autosave SET case_id = :caseId, kind = :kind, content = :content, saved_at = :savedAt
            WHERE editor_key = :editorKey
            """)
    int update(String editorKey, Long caseId, String kind, String content, Instant savedAt);

    @SqlUpdate("""
            INSERT INTO autosave (editor_key, case_id, kind, content, saved_at)
            VALUES (:editorKey, :caseId, :kind, :content, :savedAt)
            """)
    void insert(String editorKey, Long caseId, String kind, String content, Instant savedAt);

    @SqlQuery("SELECT * FROM autosave WHERE editor_key = :editorKey")
    Optional<AutosavedText> find(String editorKey);

    /** Returns the number of rows deleted (0 or 1). */
    @SqlUpdate("DELETE FROM autosave WHERE editor_key = :editorKey")
    int delete(String editorKey);

    @SqlQuery("SELECT * FROM autosave ORDER BY saved_at DESC, editor_key")
    List<AutosavedText> list();
}

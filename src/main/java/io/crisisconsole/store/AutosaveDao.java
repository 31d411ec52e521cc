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

    @SqlUpdate("""
            MERGE INTO autosave (editor_key, case_id, kind, content, saved_at) KEY (editor_key)
            VALUES (:editorKey, :caseId, :kind, :content, :savedAt)
            """)
    void upsert(String editorKey, Long caseId, String kind, String content, Instant savedAt);

    @SqlQuery("SELECT * FROM autosave WHERE editor_key = :editorKey")
    Optional<AutosavedText> find(String editorKey);

    /** Returns the number of rows deleted (0 or 1). */
    @SqlUpdate("DELETE FROM autosave WHERE editor_key = :editorKey")
    int delete(String editorKey);

    @SqlQuery("SELECT * FROM autosave ORDER BY saved_at DESC, editor_key")
    List<AutosavedText> list();
}

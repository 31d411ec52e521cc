package io.crisisconsole.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The saved replies of playbooks ({@link SavedReplyService}). */
@RegisterConstructorMapper(SavedReply.class)
public interface SavedReplyDao {

    String COLUMNS = """
            id, playbook_id, name, text, mention_type, created_by, created_at, updated_by, updated_at
            """;

    @SqlQuery("SELECT " + COLUMNS + " FROM saved_reply WHERE playbook_id = :playbookId ORDER BY name_key, id")
    List<SavedReply> list(long playbookId);

    @SqlQuery("SELECT " + COLUMNS + " FROM saved_reply WHERE id = :id")
    Optional<SavedReply> find(long id);

    @SqlQuery("SELECT id FROM saved_reply WHERE playbook_id = :playbookId AND name_key = :nameKey")
    Optional<Long> idNamed(long playbookId, String nameKey);

    @SqlUpdate("""
            INSERT INTO saved_reply (playbook_id, name, name_key, text, mention_type, created_by, created_at,
                                     updated_by, updated_at)
            VALUES (:playbookId, :name, :nameKey, :text, :type, :by, :now, :by, :now)
            """)
    @GetGeneratedKeys("id")
    long insert(long playbookId, String name, String nameKey, String text, InboxType type, String by, Instant now);

    @SqlUpdate("""
            UPDATE saved_reply SET name = :name, name_key = :nameKey, text = :text, mention_type = :type,
                   updated_by = :by, updated_at = :now
             WHERE id = :id
            """)
    int update(long id, String name, String nameKey, String text, InboxType type, String by, Instant now);

    @SqlUpdate("DELETE FROM saved_reply WHERE id = :id")
    int delete(long id);
}

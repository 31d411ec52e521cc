package io.crisisconsole.playbooks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Playbooks and their versions (append-only: the table refuses updates and deletes, see V5). */
@RegisterConstructorMapper(StoredPlaybook.class)
@RegisterConstructorMapper(PlaybookVersion.class)
interface PlaybookDao {

    String PLAYBOOK = "SELECT id, playbook_key AS \"key\", language, title, current_version, bundled, updated_at"
            + " FROM playbook";

    @SqlQuery(PLAYBOOK + " ORDER BY playbook_key, language")
    List<StoredPlaybook> list();

    @SqlQuery(PLAYBOOK + " WHERE id = :id")
    Optional<StoredPlaybook> find(long id);

    @SqlQuery(PLAYBOOK + " WHERE playbook_key = :key AND language = :language")
    Optional<StoredPlaybook> find(String key, String language);

    @SqlUpdate("""
            INSERT INTO playbook (playbook_key, language, title, current_version, bundled, created_at, updated_at)
            VALUES (:key, :language, :title, 1, :bundled, :now, :now)
            """)
    @GetGeneratedKeys("id")
    long insert(String key, String language, String title, boolean bundled, Instant now);

    /** Optimistic: returns 0 when the playbook is no longer at {@code expected}. */
    @SqlUpdate("""
            UPDATE playbook SET current_version = :expected + 1, title = :title, updated_at = :now
             WHERE id = :id AND current_version = :expected
            """)
    int advance(long id, int expected, String title, Instant now);

    @SqlUpdate("""
            INSERT INTO playbook_version (playbook_id, version, yaml, author, note, saved_at)
            VALUES (:playbookId, :version, :yaml, :author, :note, :savedAt)
            """)
    void addVersion(long playbookId, int version, String yaml, String author, String note, Instant savedAt);

    @SqlQuery("SELECT * FROM playbook_version WHERE playbook_id = :id ORDER BY version")
    List<PlaybookVersion> versions(long id);

    @SqlQuery("SELECT * FROM playbook_version WHERE playbook_id = :id AND version = :version")
    Optional<PlaybookVersion> version(long id, int version);

    @SqlQuery("SELECT flag_value FROM app_flag WHERE name = :name")
    Optional<String> flag(String name);

    /** Sets a flag, replacing its value: UPDATE, then INSERT when it was not set (portable SQL, in a transaction). */
    default void setFlag(String name, String value, Instant setAt) {
        if (updateFlag(name, value, setAt) == 0) {
            insertFlag(name, value, setAt);
        }
    }

    @SqlUpdate("UPDATE app_flag SET flag_value = :value, set_at = :setAt WHERE name = :name")
    int updateFlag(String name, String value, Instant setAt);

    @SqlUpdate("INSERT INTO app_flag (name, flag_value, set_at) VALUES (:name, :value, :setAt)")
    void insertFlag(String name, String value, Instant setAt);
}

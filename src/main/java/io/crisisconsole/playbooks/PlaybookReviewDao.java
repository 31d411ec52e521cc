package io.crisisconsole.playbooks;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The playbook_review table (V16): each "Mark as reviewed" of a playbook. */
@RegisterConstructorMapper(PlaybookReviewMark.class)
public interface PlaybookReviewDao {

    @SqlUpdate("INSERT INTO playbook_review (playbook_id, reviewed_by, reviewed_at) VALUES (:playbookId, :by, :at)")
    @GetGeneratedKeys("id")
    long insert(long playbookId, String by, Instant at);

    /** The marks of the playbook, newest first. */
    @SqlQuery("""
            SELECT id, playbook_id, reviewed_by, reviewed_at FROM playbook_review
             WHERE playbook_id = :playbookId ORDER BY reviewed_at DESC, id DESC
            """)
    List<PlaybookReviewMark> marks(long playbookId);

    /** The cases (real and exercises) that follow the playbook. */
    @SqlQuery("SELECT case_id FROM case_playbook WHERE playbook_id = :playbookId ORDER BY case_id")
    List<Long> casesUsing(long playbookId);
}

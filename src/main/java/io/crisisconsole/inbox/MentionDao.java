package io.crisisconsole.inbox;

import io.crisisconsole.toolkit.SqlColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/** The inbox tables. {@link InboxService} keeps mentions, responses and timeline entries consistent. */
@RegisterConstructorMapper(Mention.class)
@RegisterConstructorMapper(MentionResponse.class)
@RegisterConstructorMapper(SavedMapping.class)
@RegisterConstructorMapper(MentionDao.IndexRow.class)
@RegisterConstructorMapper(MentionDao.KeyRow.class)
@RegisterConstructorMapper(MentionDao.AccountRow.class)
@RegisterConstructorMapper(MentionDao.ResponseKeyRow.class)
@RegisterConstructorMapper(MentionDao.BucketRow.class)
public interface MentionDao {

    /** A mention about to be written. */
    record NewMention(long caseId, String sourceId, String url, String platform, String author, String authorKey,
            Instant publishedAt, String text, String contentKey, String language, Sentiment sentiment, Long reach,
            String replyTo, InboxType type, int priority, String importedFrom, Long importedLine, Instant addedAt) {
    }

    /** A response about to be written. */
    record NewResponse(long caseId, Long mentionId, Visibility visibility, Instant sentAt, String text, String sentBy,
            String platform, String url, String sourceId, String replyTo, String importedFrom, Long importedLine,
            Instant recordedAt) {
    }

    /** What the in-memory index keeps of a mention. */
    record IndexRow(long id, String author, String text, String tags, MentionState state, InboxType mentionType,
            Sentiment sentiment, String platform, int priority, Instant publishedAt, Instant firstResponseAt) {
    }

    /** What duplicate detection and repeat-author scoring compare. */
    record KeyRow(long id, String url, String sourceId, String contentKey, String authorKey, MentionState state,
            String assignedTo) {
    }

    record AccountRow(String platform, String account) {
    }

    /** What duplicate detection compares of a stored answer. */
    record ResponseKeyRow(String url, String sourceId, String platform, String sentBy, String text, Instant sentAt) {
    }

    String COLUMNS = """
            id, case_id, source_id, url, platform, author, published_at, text, language, sentiment, reach, reply_to,
            mention_type AS type, type_suggested, priority, state, assigned_to, tags, first_response_at,
            imported_from, imported_line, added_at, updated_at
            """;

    @SqlBatch("""
            INSERT INTO mention (case_id, source_id, url, platform, author, author_key, published_at, text,
                                 content_key, language, sentiment, reach, reply_to, mention_type, type_suggested,
                                 priority, state, imported_from, imported_line, added_at, updated_at)
            VALUES (:m.caseId, :m.sourceId, :m.url, :m.platform, :m.author, :m.authorKey, :m.publishedAt, :m.text,
                    :m.contentKey, :m.language, :m.sentiment, :m.reach, :m.replyTo, :m.type, TRUE,
                    :m.priority, 'NEW', :m.importedFrom, :m.importedLine, :m.addedAt, :m.addedAt)
            """)
    @GetGeneratedKeys("id")
    long[] insert(@BindMethods("m") List<NewMention> mentions);

    @SqlBatch("""
            INSERT INTO mention_response (case_id, mention_id, visibility, sent_at, text, sent_by, platform, url,
                                          source_id, reply_to, imported_from, imported_line, recorded_at)
            VALUES (:r.caseId, :r.mentionId, :r.visibility, :r.sentAt, :r.text, :r.sentBy, :r.platform, :r.url,
                    :r.sourceId, :r.replyTo, :r.importedFrom, :r.importedLine, :r.recordedAt)
            """)
    @GetGeneratedKeys("id")
    long[] insertResponses(@BindMethods("r") List<NewResponse> responses);

    @SqlQuery("SELECT " + COLUMNS + " FROM mention WHERE id = :id")
    Optional<Mention> find(long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM mention WHERE id IN (<ids>)")
    List<Mention> findAll(@BindList("ids") Collection<Long> ids);

    @SqlQuery("""
            SELECT id, author, text, tags, state, mention_type, sentiment, platform, priority, published_at,
                   first_response_at
              FROM mention WHERE case_id = :caseId ORDER BY id
            """)
    Stream<IndexRow> indexRows(long caseId);

    @SqlQuery("""
            SELECT id, url, source_id, content_key, author_key, state, assigned_to
              FROM mention WHERE case_id = :caseId
            """)
    Stream<KeyRow> keys(long caseId);

    @SqlQuery("""
            SELECT url, source_id, platform, sent_by, text, sent_at FROM mention_response
             WHERE case_id = :caseId AND imported_from IS NOT NULL
            """)
    Stream<ResponseKeyRow> responseKeys(long caseId);

    /** The mentions of the case whose URL or source id is {@code ref} (what a reply-to names). */
    @SqlQuery("SELECT id FROM mention WHERE case_id = :caseId AND (url = :ref OR source_id = :ref) ORDER BY id")
    List<Long> idByReference(long caseId, String ref);

    @SqlQuery("SELECT COUNT(*) FROM mention WHERE case_id = :caseId")
    long count(long caseId);

    /** Mentions of one bucket number (epoch seconds / bucket seconds, floored), sentiment and type. */
    record BucketRow(long bucket, Sentiment sentiment, InboxType type, long mentions, long answered,
            long responseSeconds) {
    }

    /**
     * The case's mentions counted per bucket of their published time, sentiment and type, with the
     * answered ones and the sum of their first-response seconds: grouped in the database (a case
     * with 200,000 mentions hands back a few thousand rows, not its mentions). Portable: EXTRACT
     * (EPOCH ...), FLOOR and CAST are in H2 and PostgreSQL; the bucket number is grouped through a
     * derived table, not by an output alias. The whole seconds are a BIGINT before they are divided
     * (integer division, which floors for times after 1970): H2 divides the NUMERIC that EXTRACT
     * gives at a precision that took minutes for 200,000 rows. Mentions before 1970 are not bucketed
     * correctly (none are).
     */
    @SqlQuery("""
            SELECT b.bucket, b.sentiment, b.type, COUNT(*) AS mentions, COUNT(b.first_response_at) AS answered,
                   COALESCE(SUM(b.response_seconds), 0) AS response_seconds
              FROM (SELECT CAST(FLOOR(EXTRACT(EPOCH FROM published_at)) AS BIGINT) / :seconds AS bucket, sentiment,
                           mention_type AS type, first_response_at,
                           CASE WHEN first_response_at IS NULL THEN NULL
                                ELSE CAST(FLOOR(EXTRACT(EPOCH FROM first_response_at)
                                                - EXTRACT(EPOCH FROM published_at)) AS BIGINT)
                           END AS response_seconds
                      FROM mention WHERE case_id = :caseId AND published_at >= :since) b
             GROUP BY b.bucket, b.sentiment, b.type
             ORDER BY b.bucket
            """)
    List<BucketRow> buckets(long caseId, long seconds, Instant since);

    /** What the case figures are counted from: a mention's type, sentiment, reach, published time and first answer. */
    record FigureRow(InboxType mentionType, Sentiment sentiment, Long reach, Instant publishedAt,
            Instant firstResponseAt) {
    }

    /**
     * A page of the columns the case figures are counted from (no texts), in the order of the V17
     * index {@code (case_id, published_at, mention_type, sentiment, reach, first_response_at)}, from
     * {@code from} on (see {@link io.crisisconsole.toolkit.TimePages}): the pass reads the index
     * alone, neither sorted nor held whole by H2. Rows equal in every column may come in any order
     * among themselves, and for the figures they are the same row.
     */
    @SqlQuery("""
            SELECT mention_type, sentiment, reach, published_at, first_response_at FROM mention
             WHERE case_id = :caseId AND published_at >= :from
             ORDER BY case_id, published_at, mention_type, sentiment, reach, first_response_at
             OFFSET :skip ROWS FETCH FIRST :size ROWS ONLY
            """)
    @UseRowMapper(FigureRowMapper.class)
    List<FigureRow> figurePage(long caseId, Instant from, int skip, int size);

    /** {@link #figurePage} by column position (see {@link SqlColumns}: the pass is read for every export). */
    final class FigureRowMapper implements RowMapper<FigureRow> {
        @Override
        public FigureRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new FigureRow(SqlColumns.enumOf(InboxType.class, rs, 1), SqlColumns.enumOf(Sentiment.class, rs, 2),
                    SqlColumns.nullableLong(rs, 3), SqlColumns.instant(rs, 4), SqlColumns.instant(rs, 5));
        }
    }

    /**
     * When the case's newest mention was published; empty without mentions. An index seek on
     * {@code (case_id, published_at)} (V17): H2 reads MIN and MAX under a WHERE through every
     * matching row (37 ms for 200,000), and sorts by the index only when the ORDER BY begins with
     * the index's first column, so the query names it (one row read, 0.4 ms).
     */
    @SqlQuery("""
            SELECT published_at FROM mention WHERE case_id = :caseId
             ORDER BY case_id DESC, published_at DESC FETCH FIRST 1 ROWS ONLY
            """)
    Optional<Instant> latestPublished(long caseId);

    /** When the case's first mention was published; empty without mentions (an index seek, as above). */
    @SqlQuery("""
            SELECT published_at FROM mention WHERE case_id = :caseId
             ORDER BY case_id, published_at FETCH FIRST 1 ROWS ONLY
            """)
    Optional<Instant> earliestPublished(long caseId);

    /** How many of the case's mentions were published after {@code from}, up to and including {@code to}. */
    @SqlQuery("SELECT COUNT(*) FROM mention WHERE case_id = :caseId AND published_at > :from AND published_at <= :to")
    long countPublished(long caseId, Instant from, Instant to);

    /** The ids of the case's mentions of {@code type} in one of {@code states}, oldest published first. */
    @SqlQuery("""
            SELECT id FROM mention WHERE case_id = :caseId AND mention_type = :type AND state IN (<states>)
             ORDER BY published_at, id
            """)
    List<Long> idsOfTypeIn(long caseId, InboxType type, @BindList("states") Collection<MentionState> states);

    @SqlUpdate("""
            UPDATE mention SET state = :to, assigned_to = :assignedTo, updated_at = :now
             WHERE id = :id AND state = :from
            """)
    int changeState(long id, MentionState from, MentionState to, String assignedTo, Instant now);

    @SqlUpdate("""
            UPDATE mention SET mention_type = :type, type_suggested = FALSE, updated_at = :now WHERE id = :id
            """)
    int setType(long id, InboxType type, Instant now);

    @SqlUpdate("UPDATE mention SET tags = :tags, updated_at = :now WHERE id = :id")
    int setTags(long id, String tags, Instant now);

    /** Sets the first response when there is none yet or {@code sentAt} is earlier. */
    @SqlUpdate("""
            UPDATE mention SET first_response_at = :sentAt, updated_at = :now
             WHERE id = :id AND (first_response_at IS NULL OR first_response_at > :sentAt)
            """)
    int answered(long id, Instant sentAt, Instant now);

    @SqlQuery("""
            SELECT id, case_id, mention_id, visibility, sent_at, text, sent_by, platform, url, source_id, reply_to,
                   imported_from, imported_line, recorded_at
              FROM mention_response WHERE mention_id = :mentionId ORDER BY sent_at, id
            """)
    List<MentionResponse> responsesTo(long mentionId);

    @SqlQuery("""
            SELECT id, case_id, mention_id, visibility, sent_at, text, sent_by, platform, url, source_id, reply_to,
                   imported_from, imported_line, recorded_at
              FROM mention_response WHERE case_id = :caseId ORDER BY sent_at, id
            """)
    List<MentionResponse> responsesOfCase(long caseId);

    // --- saved mappings

    @SqlQuery("""
            SELECT id, header_signature, name, mapping_json, saved_at FROM mention_mapping
             WHERE header_signature = :signature
            """)
    Optional<SavedMapping> mappingFor(String signature);

    @SqlQuery("SELECT id, header_signature, name, mapping_json, saved_at FROM mention_mapping WHERE name = :name")
    Optional<SavedMapping> mappingNamed(String name);

    @SqlQuery("SELECT id, header_signature, name, mapping_json, saved_at FROM mention_mapping ORDER BY name")
    List<SavedMapping> mappings();

    @SqlUpdate("DELETE FROM mention_mapping WHERE header_signature = :signature OR name = :name")
    int deleteMapping(String signature, String name);

    @SqlUpdate("""
            INSERT INTO mention_mapping (header_signature, name, mapping_json, saved_at)
            VALUES (:signature, :name, :json, :now)
            """)
    @GetGeneratedKeys("id")
    long insertMapping(String signature, String name, String json, Instant now);

    // --- own accounts on a case

    @SqlQuery("SELECT platform, account FROM case_account WHERE case_id = :caseId ORDER BY platform")
    List<AccountRow> caseAccounts(long caseId);

    @SqlUpdate("DELETE FROM case_account WHERE case_id = :caseId AND platform = :platform")
    int deleteCaseAccount(long caseId, String platform);

    @SqlUpdate("INSERT INTO case_account (case_id, platform, account) VALUES (:caseId, :platform, :account)")
    int insertCaseAccount(long caseId, String platform, String account);
}

package io.crisisconsole.rehearsal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The rehearsal's own tables (V13). */
@RegisterConstructorMapper(Exercise.class)
@RegisterConstructorMapper(InjectRow.class)
@RegisterConstructorMapper(ExpectationRow.class)
@RegisterConstructorMapper(ObjectiveRating.class)
public interface ExerciseDao {

    @SqlUpdate("""
            INSERT INTO exercise (case_id, scenario_id, language, scenario_title, scenario_file, scenario_yaml, state,
                                  speed, anchor_wall, anchor_at, started_at, facts, facilitator)
            VALUES (:caseId, :scenarioId, :language, :title, :file, :yaml, :state, :speed, :anchorWall, :anchorAt,
                    :startedAt, :facts, :facilitator)
            """)
    void insert(long caseId, String scenarioId, String language, String title, String file, String yaml,
            ExerciseState state, int speed, Instant anchorWall, Instant anchorAt, Instant startedAt, String facts,
            String facilitator);

    @SqlQuery("SELECT * FROM exercise WHERE case_id = :caseId")
    Optional<Exercise> find(long caseId);

    @SqlQuery("SELECT * FROM exercise ORDER BY started_at DESC, case_id DESC")
    List<Exercise> list();

    /** Optimistic: 0 when someone else moved the clock since {@code version}. */
    @SqlUpdate("""
            UPDATE exercise SET state = :state, speed = :speed, anchor_wall = :anchorWall, anchor_at = :anchorAt,
                   ended_at = :endedAt, version = version + 1
             WHERE case_id = :caseId AND version = :version
            """)
    int updateClock(long caseId, int version, ExerciseState state, int speed, Instant anchorWall, Instant anchorAt,
            Instant endedAt);

    @SqlUpdate("UPDATE exercise SET facts = :facts WHERE case_id = :caseId")
    void updateFacts(long caseId, String facts);

    @SqlUpdate("""
            INSERT INTO exercise_inject (case_id, inject_id, seq, state, due_at)
            VALUES (:caseId, :injectId, :seq, 'PENDING', :dueAt)
            """)
    void insertInject(long caseId, String injectId, int seq, Instant dueAt);

    @SqlQuery("SELECT * FROM exercise_inject WHERE case_id = :caseId ORDER BY seq")
    List<InjectRow> injects(long caseId);

    @SqlUpdate("""
            UPDATE exercise_inject SET state = 'FIRED', fired_at = :firedAt, posts = :posts
             WHERE case_id = :caseId AND inject_id = :injectId AND state = 'PENDING'
            """)
    int fired(long caseId, String injectId, Instant firedAt, int posts);

    @SqlUpdate("""
            UPDATE exercise_inject SET state = 'SKIPPED'
             WHERE case_id = :caseId AND inject_id = :injectId AND state = 'PENDING'
            """)
    int skipped(long caseId, String injectId);

    @SqlUpdate("""
            UPDATE exercise_inject SET due_at = :dueAt, text_override = :text
             WHERE case_id = :caseId AND inject_id = :injectId AND state = 'PENDING'
            """)
    int edit(long caseId, String injectId, Instant dueAt, String text);

    @SqlUpdate("""
            INSERT INTO exercise_expectation (case_id, expectation_id, seq, state, starts_at, deadline_at)
            VALUES (:caseId, :expectationId, :seq, 'PENDING', :startsAt, :deadlineAt)
            """)
    void insertExpectation(long caseId, String expectationId, int seq, Instant startsAt, Instant deadlineAt);

    @SqlQuery("SELECT * FROM exercise_expectation WHERE case_id = :caseId ORDER BY seq")
    List<ExpectationRow> expectations(long caseId);

    @SqlUpdate("""
            UPDATE exercise_expectation SET starts_at = :startsAt, deadline_at = :deadlineAt
             WHERE case_id = :caseId AND expectation_id = :expectationId AND state = 'PENDING'
            """)
    int window(long caseId, String expectationId, Instant startsAt, Instant deadlineAt);

    @SqlUpdate("""
            UPDATE exercise_expectation SET state = :state, decided_at = :decidedAt, manual = :manual, note = :note
             WHERE case_id = :caseId AND expectation_id = :expectationId
            """)
    int decide(long caseId, String expectationId, ExpectationState state, Instant decidedAt, boolean manual,
            String note);

    @SqlUpdate("""
            INSERT INTO exercise_feed (case_id, inject_id, feed, posted_at, author, handle, persona_type, platform, via,
                                       body, mention_id)
            VALUES (:caseId, :injectId, :feed, :postedAt, :author, :handle, :personaType, :platform, :via, :body,
                    :mentionId)
            """)
    @GetGeneratedKeys("id")
    long insertFeed(long caseId, String injectId, Feed feed, Instant postedAt, String author, String handle,
            String personaType, String platform, String via, String body, Long mentionId);

    /** Rows of the feed, oldest first; the team's publications are added by the service. */
    @SqlQuery("""
            SELECT id, feed, posted_at, inject_id, FALSE AS from_team, CAST(NULL AS VARCHAR(20)) AS channel, author,
                   handle, persona_type, platform, via, body, mention_id
              FROM exercise_feed WHERE case_id = :caseId ORDER BY posted_at, id
            """)
    @RegisterConstructorMapper(FeedItem.class)
    List<FeedItem> feed(long caseId);

    @SqlQuery("SELECT * FROM exercise_objective WHERE case_id = :caseId")
    List<ObjectiveRating> ratings(long caseId);

    @SqlUpdate("DELETE FROM exercise_objective WHERE case_id = :caseId AND objective_id = :objectiveId")
    void deleteRating(long caseId, String objectiveId);

    @SqlUpdate("""
            INSERT INTO exercise_objective (case_id, objective_id, rating, note, rated_by, rated_at)
            VALUES (:caseId, :objectiveId, :rating, :note, :ratedBy, :ratedAt)
            """)
    void insertRating(long caseId, String objectiveId, Rating rating, String note, String ratedBy, Instant ratedAt);
}

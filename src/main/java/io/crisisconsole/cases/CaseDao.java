package io.crisisconsole.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapperFactory;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapperFactory(CaseDao.Rows.class)
public interface CaseDao {

    /**
     * Maps rows through the record's canonical constructor: the record has a second, shorter one for
     * real cases, which would leave Jdbi two to choose from (and an annotation on the record would
     * bring Jdbi into the feature's record).
     */
    final class Rows implements RowMapperFactory {
        private final RowMapperFactory delegate;

        public Rows() {
            try {
                delegate = ConstructorMapper.factory(CrisisCase.class.getDeclaredConstructor(
                        java.util.Arrays.stream(CrisisCase.class.getRecordComponents())
                                .map(java.lang.reflect.RecordComponent::getType).toArray(Class<?>[]::new)));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("the case record lost its canonical constructor", e);
            }
        }

        @Override
        public java.util.Optional<org.jdbi.v3.core.mapper.RowMapper<?>> build(java.lang.reflect.Type type,
                org.jdbi.v3.core.config.ConfigRegistry config) {
            return delegate.build(type, config);
        }
    }

    @SqlUpdate("""
            INSERT INTO crisis_case (title, severity, status, owner, hashtag, hub_url, opened_at, updated_at, exercise)
            VALUES (:d.title, :d.severity, :status, :d.owner, :d.hashtag, :d.hubUrl, :openedAt, :openedAt, :exercise)
            """)
    @GetGeneratedKeys("id")
    long insert(@BindMethods("d") CaseDetails d, CaseStatus status, Instant openedAt, boolean exercise);

    @SqlQuery("SELECT * FROM crisis_case WHERE id = :id")
    Optional<CrisisCase> find(long id);

    @SqlQuery("SELECT * FROM crisis_case WHERE exercise = :exercise ORDER BY opened_at DESC, id DESC")
    List<CrisisCase> listNewestFirst(boolean exercise);

    /** Optimistic update: returns 0 when someone else changed the case since {@code version}. */
    @SqlUpdate("""
            UPDATE crisis_case
               SET title = :d.title, severity = :d.severity, owner = :d.owner, hashtag = :d.hashtag,
                   hub_url = :d.hubUrl, status = :status, closed_at = :closedAt, updated_at = :updatedAt,
                   version = version + 1
             WHERE id = :id AND version = :version
            """)
    int update(long id, int version, @BindMethods("d") CaseDetails d, CaseStatus status, Instant closedAt,
            Instant updatedAt);
}

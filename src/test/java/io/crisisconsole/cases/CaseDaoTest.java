package io.crisisconsole.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineDao;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SqlObject DAOs against a real H2 file store. */
class CaseDaoTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00.123Z");

    @TempDir
    Path tmp;
    Store store;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void insertFindAndListMapRecords() {
        CaseDao dao = store.jdbi().onDemand(CaseDao.class);
        long id = dao.insert(new CaseDetails("Outage", 2, "Anna", "#Down", "https://status.example.com"),
                CaseStatus.ACTIVE, T0, false);

        CrisisCase c = dao.find(id).orElseThrow();
        assertThat(c).isEqualTo(new CrisisCase(id, "Outage", 2, CaseStatus.ACTIVE, "Anna", "#Down",
                "https://status.example.com", T0, null, T0, 0));
        assertThat(dao.find(id + 1)).isEmpty();
        assertThat(dao.listNewestFirst(false)).containsExactly(c);
    }

    @Test
    void enumsAreStoredByName() {
        CaseDao dao = store.jdbi().onDemand(CaseDao.class);
        long id = dao.insert(new CaseDetails("Outage", 2, null, null, null), CaseStatus.CONTAINED, T0, false);
        store.jdbi().onDemand(TimelineDao.class).append(id, EntryKind.MESSAGE_PUBLISHED, "a", "posted", T0, T0, null,
                null, null);

        Map<String, Object> row = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT c.status, t.kind FROM crisis_case c JOIN timeline_entry t ON t.case_id = c.id").mapToMap().one());
        assertThat(row).containsEntry("status", "CONTAINED").containsEntry("kind", "MESSAGE_PUBLISHED");
    }

    @Test
    void updateIsOptimistic() {
        CaseDao dao = store.jdbi().onDemand(CaseDao.class);
        long id = dao.insert(new CaseDetails("Outage", 2, null, null, null), CaseStatus.OPEN, T0, false);
        CaseDetails changed = new CaseDetails("Outage EU", 1, null, null, null);

        assertThat(dao.update(id, 0, changed, CaseStatus.ACTIVE, null, T0)).isEqualTo(1);
        assertThat(dao.update(id, 0, changed, CaseStatus.RESOLVED, T0, T0)).as("stale version").isZero();
        CrisisCase c = dao.find(id).orElseThrow();
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.status()).isEqualTo(CaseStatus.ACTIVE);
    }

    @Test
    void constraintsGuardWhatTheCodeChecksToo() {
        assertThatThrownBy(() -> store.jdbi().useHandle(h -> h.execute(
                "INSERT INTO crisis_case (title, severity, status, opened_at, updated_at) "
                        + "VALUES ('x', 7, 'OPEN', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")))
                .isInstanceOf(UnableToExecuteStatementException.class).hasMessageContaining("CASE_SEVERITY_RANGE");
        assertThatThrownBy(() -> store.jdbi().useHandle(h -> h.execute(
                "INSERT INTO crisis_case (title, severity, status, opened_at, updated_at) "
                        + "VALUES ('x', 1, 'CLOSED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")))
                .hasMessageContaining("CASE_STATUS_NAME");
        long id = store.jdbi().onDemand(CaseDao.class).insert(new CaseDetails("Outage", 2, null, null, null),
                CaseStatus.OPEN, T0, false);
        TimelineDao timeline = store.jdbi().onDemand(TimelineDao.class);
        assertThatThrownBy(() -> timeline.append(id, EntryKind.CORRECTION, "a", "fix", T0, T0, null, null, null))
                .as("a correction must point at the entry it corrects")
                .hasMessageContaining("TIMELINE_CORRECTION_TARGET");
        assertThatThrownBy(() -> timeline.append(id + 100, EntryKind.NOTE, "a", "x", T0, T0, null, null, null))
                .hasMessageContaining("TIMELINE_CASE");
    }

    @Test
    void timelineListsByOccurrenceThenId() {
        long id = store.jdbi().onDemand(CaseDao.class).insert(new CaseDetails("Outage", 2, null, null, null),
                CaseStatus.OPEN, T0, false);
        TimelineDao timeline = store.jdbi().onDemand(TimelineDao.class);
        long later = timeline.append(id, EntryKind.NOTE, "a", "later", T0.plusSeconds(60), T0, null, null, null);
        long first = timeline.append(id, EntryKind.NOTE, "a", "first", T0, T0, null, null, null);
        long second = timeline.append(id, EntryKind.NOTE, "a", "second", T0, T0, null, null, null);

        assertThat(timeline.firstOccurred(id)).contains(T0);
        assertThat(timeline.page(id, T0, 0, 10)).extracting(TimelineDao.Row::id).containsExactly(first, second, later);
        assertThat(timeline.page(id, T0, 1, 10)).extracting(TimelineDao.Row::id).containsExactly(second, later);
        assertThat(timeline.page(id, T0.plusSeconds(1), 0, 10)).extracting(TimelineDao.Row::id).containsExactly(later);
        assertThat(timeline.page(id, T0, 0, 2)).extracting(TimelineDao.Row::id).containsExactly(first, second);
        assertThat(timeline.find(later).orElseThrow().occurredAt()).isEqualTo(T0.plusSeconds(60));
    }
}

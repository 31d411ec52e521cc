package io.crisisconsole.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.timeline.TimelineDao;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;

/**
 * The queries the review report runs over a whole case read an index, not the rows (V17): the
 * figures pass over every mention reads the index that holds all its columns, in its order (pages,
 * see TimePages), the timeline is read in pages along its case index, the event-code lookup seeks
 * by case and code, and the first and last times are one seek. Without them a 200,000-mention case took a second to
 * count (issue #13 item 6). The plans are H2's, asked with EXPLAIN of the DAOs' own SQL.
 */
class QueryPlanTest extends InboxTestBase {

    @Override
    Instant startAt() {
        return Instant.parse("2026-05-04T14:00:00Z");
    }

    @Test
    void theFiguresPassReadsTheCoveringIndexInItsOrder() throws Exception {
        String plan = plan(MentionDao.class.getMethod("figurePage", long.class, Instant.class, int.class, int.class),
                Map.of("caseId", outage.id(), "from", startAt(), "skip", 0, "size", 10));

        // in the index's order: H2 neither sorts the pages nor holds more than one (TimePages)
        assertThat(plan).as(plan).contains("MENTION_FIGURES_IDX").contains("/* index sorted */");
    }

    @Test
    void theTimelinePagesReadTheCaseIndexInItsOrder() throws Exception {
        String plan = plan(TimelineDao.class.getMethod("page", long.class, Instant.class, int.class, int.class),
                Map.of("caseId", outage.id(), "from", startAt(), "skip", 0, "size", 10));

        assertThat(plan).as(plan).contains("TIMELINE_ENTRY_CASE").contains("/* index sorted */");
    }

    @Test
    void theFirstAndLastTimesAreOneIndexSeek() throws Exception {
        for (var m : List.of(MentionDao.class.getMethod("earliestPublished", long.class),
                MentionDao.class.getMethod("latestPublished", long.class),
                TimelineDao.class.getMethod("firstOccurred", long.class))) {
            String plan = plan(m, Map.of("caseId", outage.id()));
            // sorted by an index and cut at one row: no pass over the case (MIN under a WHERE is one in H2)
            assertThat(plan).as(m.getName() + ": " + plan).contains("/* index sorted */").contains("FETCH FIRST ROW ONLY");
        }
    }

    private String plan(Method m, Map<String, Object> binds) {
        String sql = m.getAnnotation(SqlQuery.class).value();
        return store.jdbi().withHandle(h -> {
            var q = h.createQuery("EXPLAIN " + sql);
            binds.forEach(q::bind);
            return q.mapTo(String.class).one();
        });
    }

    @Test
    void theEventCodeLookupSeeksByCaseAndCode() throws Exception {
        String sql = TimelineDao.class.getMethod("listForCaseWithCodes", long.class, List.class)
                .getAnnotation(SqlQuery.class).value();

        String plan = store.jdbi().withHandle(h -> h.createQuery("EXPLAIN " + sql).bind("caseId", outage.id())
                .bindList("codes", List.of("entry.escalation", "case.status_changed")).mapTo(String.class).one());

        assertThat(plan).as(plan)
                .containsPattern("TIMELINE_ENTRY_CODE: EVENT_CODE IN\\(\\?2, \\?3\\)\\s+AND CASE_ID = \\?1\\s+\\*/");
    }
}

package io.crisisconsole.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.timeline.TimelineDao;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;

/**
 * The two queries the review report runs over a whole case read an index, not the rows (V17): the
 * figures pass over every mention reads the index that holds all its columns, and the timeline's
 * event-code lookup seeks by case and code. Without them a 200,000-mention case took a second to
 * count (issue #13 item 6). The plans are H2's, asked with EXPLAIN of the DAOs' own SQL.
 */
class QueryPlanTest extends InboxTestBase {

    @Override
    Instant startAt() {
        return Instant.parse("2026-05-04T14:00:00Z");
    }

    @Test
    void theFiguresPassReadsTheCoveringIndex() throws Exception {
        String sql = MentionDao.class.getMethod("figureRows", long.class).getAnnotation(SqlQuery.class).value();

        String plan = store.jdbi().withHandle(h -> h.createQuery("EXPLAIN " + sql).bind("caseId", outage.id())
                .mapTo(String.class).one());

        assertThat(plan).as(plan).contains("MENTION_FIGURES_IDX");
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

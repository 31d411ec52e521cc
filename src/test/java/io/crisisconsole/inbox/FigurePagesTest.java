package io.crisisconsole.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.toolkit.TimePages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The case figures read the mentions in pages keyed by their published time ({@link TimePages}):
 * read with pages of any size, many mentions sharing a second and another case's mixed in, the
 * pages hold every mention of the case once, as one query over them all does, and the figures are
 * those of the mentions.
 */
class FigurePagesTest extends InboxTestBase {

    static final Instant T0 = Instant.parse("2026-05-04T14:00:00Z");

    @Override
    Instant startAt() {
        return T0.plus(Duration.ofDays(1));
    }

    @Test
    void pagesOfAnySizeHoldEveryMentionOfTheCaseOnce() {
        CrisisCase other = services.cases().open(new CaseDetails("Other", 3, "Anna", null, null), "anna");
        seed(outage.id(), 90, 1);
        seed(other.id(), 40, 2);

        List<String> all = store.jdbi().withHandle(h -> h.createQuery("""
                SELECT mention_type, sentiment, reach, published_at, first_response_at FROM mention
                 WHERE case_id = :caseId
                """).bind("caseId", outage.id()).map(new MentionDao.FigureRowMapper()).list())
                .stream().map(Object::toString).sorted().toList();
        assertThat(all).hasSize(90);

        for (int size : new int[] {1, 2, 3, 7, 89, 90, 91, TimePages.PAGE}) {
            List<MentionDao.FigureRow> read = new ArrayList<>();
            store.jdbi().useHandle(h -> {
                MentionDao dao = h.attach(MentionDao.class);
                TimePages.forEach(dao.earliestPublished(outage.id()).orElse(null), size,
                        (from, skip, n) -> dao.figurePage(outage.id(), from, skip, n), MentionDao.FigureRow::publishedAt,
                        read::add);
            });
            assertThat(read).as("page size %d: in published order", size)
                    .isSortedAccordingTo(Comparator.comparing(MentionDao.FigureRow::publishedAt));
            assertThat(read.stream().map(Object::toString).sorted().toList()).as("page size %d", size).isEqualTo(all);
        }
    }

    @Test
    void theFiguresCountEveryMentionOnce() {
        seed(outage.id(), 120, 3);

        CaseFigures f = inbox.figures(outage.id(), Duration.ofMinutes(15), null, null, clock.instant());

        Map<String, Object> expected = store.jdbi().withHandle(h -> h.createQuery("""
                SELECT COUNT(*) AS mentions, COUNT(first_response_at) AS answered, COALESCE(SUM(reach), 0) AS reach
                  FROM mention WHERE case_id = :caseId
                """).bind("caseId", outage.id()).mapToMap().one());
        assertThat(f.mentions()).isEqualTo(((Number) expected.get("mentions")).longValue()).isEqualTo(120);
        assertThat(f.responses().answered()).isEqualTo(((Number) expected.get("answered")).longValue()).isPositive();
        assertThat(f.reach()).isEqualTo(((Number) expected.get("reach")).longValue());
        assertThat(f.buckets().buckets().stream().mapToLong(MentionBuckets.Bucket::mentions).sum()).isEqualTo(120);
    }

    /** {@code n} mentions on 6 distinct seconds (so pages end inside runs of equal times), some answered. */
    private void seed(long caseId, int n, long seed) {
        Random r = new Random(seed);
        Sentiment[] sentiments = Sentiment.values();
        List<IncomingMention> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new IncomingMention(i + 2, "s" + seed + "-" + i, "https://x.example/" + seed + "/" + i, "x",
                    "user" + r.nextInt(20), T0.plusSeconds(r.nextInt(6) * 600L), "text " + i + " is down",
                    "en", sentiments[r.nextInt(sentiments.length)], r.nextBoolean() ? null : (long) r.nextInt(1000),
                    null));
        }
        inbox.importMentions(caseId, "seed.csv", rows, "anna");
        List<Long> ids = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM mention WHERE case_id = :caseId ORDER BY id").bind("caseId", caseId)
                .mapTo(Long.class).list());
        for (int i = 0; i < ids.size(); i += 3) {
            inbox.recordAnswer(ids.get(i), Visibility.PUBLIC, T0.plus(Duration.ofMinutes(70 + i)), "We are on it",
                    "anna");
        }
    }
}

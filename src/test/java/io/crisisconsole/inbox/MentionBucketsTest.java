package io.crisisconsole.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The buckets counted in SQL against a recount of the stored mentions here. */
class MentionBucketsTest extends InboxTestBase {

    static final Instant FIRST = Instant.parse("2026-05-04T06:07:13.250Z");

    @Override
    Instant startAt() {
        return Instant.parse("2026-05-04T14:00:00Z");
    }

    @Test
    void theDatabaseCountsWhatARecountFinds() {
        Random random = new Random(11);
        List<IncomingMention> rows = new ArrayList<>();
        Sentiment[] sentiments = Sentiment.values();
        for (int i = 0; i < 3000; i++) {
            // six hours with a gap of quiet quarters in the middle, times down to the millisecond
            long ms = random.nextInt(6 * 3600 * 1000);
            if (ms > 2 * 3600 * 1000 && ms < 3 * 3600 * 1000) {
                continue;
            }
            rows.add(new IncomingMention(i + 2, "s" + i, "https://x.com/p/" + i, "x", "user" + (i % 400),
                    FIRST.plusMillis(ms), "Post number " + i, "en", sentiments[random.nextInt(sentiments.length)],
                    null, null));
        }
        inbox.importMentions(outage.id(), "export.csv", rows, "anna");
        List<Mention> stored = inbox.list(outage.id(), InboxQuery.all().sortedBy(InboxSort.OLDEST));
        for (int i = 0; i < stored.size(); i += 37) {
            Mention m = stored.get(i);
            Instant sent = m.publishedAt().plusSeconds(30 + random.nextInt(5000)).plusMillis(random.nextInt(1000));
            if (!sent.isAfter(clock.instant())) {
                inbox.recordAnswer(m.id(), Visibility.PUBLIC, sent, "Thanks, we are on it.", "anna");
            }
        }
        stored = inbox.list(outage.id(), InboxQuery.all().sortedBy(InboxSort.OLDEST));

        // the recount: quarter hours of the epoch, from the first mention's to the clock's
        Map<Long, long[]> expected = new HashMap<>();
        long firstQuarter = Long.MAX_VALUE;
        for (Mention m : stored) {
            long q = Math.floorDiv(m.publishedAt().getEpochSecond(), 900L);
            firstQuarter = Math.min(firstQuarter, q);
            long[] c = expected.computeIfAbsent(q, x -> new long[7]);
            c[0]++;
            c[1 + m.sentiment().ordinal()]++;
            if (m.firstResponseAt() != null) {
                c[5]++;
                c[6] += Duration.between(m.publishedAt(), m.firstResponseAt()).getSeconds();
            }
        }
        long lastQuarter = Math.floorDiv(clock.instant().getEpochSecond(), 900L);

        MentionBuckets buckets = inbox.buckets(outage.id(), Duration.ofMinutes(15), clock.instant());

        assertThat(buckets.buckets()).hasSize((int) (lastQuarter - firstQuarter + 1));
        assertThat(buckets.buckets().get(0).start()).isEqualTo(Instant.parse("2026-05-04T06:00:00Z"));
        long answered = 0;
        for (int i = 0; i < buckets.buckets().size(); i++) {
            MentionBuckets.Bucket b = buckets.buckets().get(i);
            long q = firstQuarter + i;
            assertThat(b.start()).isEqualTo(Instant.ofEpochSecond(q * 900L));
            long[] c = expected.getOrDefault(q, new long[7]);
            assertThat(new long[] {b.mentions(), b.positive(), b.neutral(), b.negative(), b.unknown(), b.answered(),
                    b.responseSeconds()}).as("quarter from %s", b.start()).containsExactly(c);
            answered += b.answered();
        }
        assertThat(answered).isGreaterThan(50);
        assertThat(buckets.buckets()).filteredOn(b -> b.mentions() == 0).hasSizeGreaterThanOrEqualTo(4);
        assertThat(buckets.counts()).hasSize(buckets.buckets().size());
    }

    @Test
    void theLastHourAndTheOpenMediaInquiries() {
        Instant now = clock.instant();
        inbox.importMentions(outage.id(), "f.csv", List.of(
                InboxFixture.row(2, "a", "https://x.com/a", "x", "a", now.minusSeconds(3600).toString(), "An hour ago"),
                InboxFixture.row(3, "b", "https://x.com/b", "x", "b", now.minusSeconds(3599).toString(), "Just inside"),
                InboxFixture.row(4, "c", "https://x.com/c", "x", "c", now.toString(), "Now"),
                InboxFixture.row(5, "d", "https://x.com/d", "x", "d", now.minusSeconds(100).toString(),
                        "I am a journalist at the Daily: can you comment on the outage?")), "anna");
        assertThat(inbox.publishedWithin(outage.id(), Duration.ofHours(1), now)).isEqualTo(3);
        List<Mention> all = inbox.list(outage.id(), InboxQuery.all().sortedBy(InboxSort.OLDEST));
        Mention press = all.stream().filter(m -> m.text().contains("journalist")).findFirst().orElseThrow();
        inbox.setType(press.id(), InboxType.MEDIA_INQUIRY, "anna");
        assertThat(inbox.unhandledMediaInquiries(outage.id())).containsExactly(press.id());
        inbox.changeState(press.id(), MentionState.ESCALATED, null, "anna");
        assertThat(inbox.unhandledMediaInquiries(outage.id())).isEmpty();
        assertThat(inbox.buckets(outage.id(), Duration.ofMinutes(15), null).buckets()).isNotEmpty();
    }
}

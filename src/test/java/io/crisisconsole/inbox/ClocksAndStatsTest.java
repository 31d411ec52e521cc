package io.crisisconsole.inbox;

import static io.crisisconsole.inbox.InboxFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClocksAndStatsTest extends InboxTestBase {

    @Override
    Instant startAt() {
        return Instant.parse("2026-03-29T00:00:00Z");
    }

    private static Mention mention(Instant published, MentionState state, Instant firstResponse) {
        return new Mention(1, 1, null, null, "x", "a", published, "t", "en", Sentiment.UNKNOWN, null, null,
                InboxType.COMPLAINT, true, 0, state, null, null, firstResponse, null, null, published, published);
    }

    @Test
    void theClockRunsOnInstantsAcrossBothDaylightSavingChanges() {
        // Europe/Warsaw springs forward at 02:00 local on 2026-03-29 and falls back at 03:00 on 2026-10-25;
        // America/New_York on 2026-03-08 and 2026-11-01. A 60-minute target is 60 real minutes every time.
        record Change(String zone, String localBefore) {
        }
        for (Change c : List.of(new Change("Europe/Warsaw", "2026-03-29T01:30"),
                new Change("Europe/Warsaw", "2026-10-25T02:30"), new Change("America/New_York", "2026-03-08T01:30"),
                new Change("America/New_York", "2026-11-01T01:30"))) {
            ZoneId zone = ZoneId.of(c.zone());
            Instant published = LocalDateTime.parse(c.localBefore()).atZone(zone).toInstant();
            Mention m = mention(published, MentionState.NEW, null);

            ResponseClock start = ResponseClock.of(m, 60, published);
            assertThat(start.due()).as(c.toString()).isEqualTo(published.plus(Duration.ofHours(1)));
            assertThat(start.phase()).isEqualTo(ResponseClock.Phase.RUNNING);
            // the wall clock jumps an hour either way across the change; the target does not
            assertThat(Duration.between(published.atZone(zone).toLocalDateTime(),
                    start.due().atZone(zone).toLocalDateTime())).as(c.toString()).isNotEqualTo(Duration.ofHours(1));
            assertThat(ResponseClock.of(m, 60, published.plus(Duration.ofMinutes(44))).phase())
                    .isEqualTo(ResponseClock.Phase.RUNNING);
            ResponseClock amber = ResponseClock.of(m, 60, published.plus(Duration.ofMinutes(45)));
            assertThat(amber.phase()).isEqualTo(ResponseClock.Phase.AMBER);
            assertThat(amber.remaining()).isEqualTo(Duration.ofMinutes(15));
            ResponseClock breached = ResponseClock.of(m, 60, published.plus(Duration.ofMinutes(60)));
            assertThat(breached.phase()).isEqualTo(ResponseClock.Phase.BREACHED);
            ResponseClock late = ResponseClock.of(m, 60, published.plus(Duration.ofMinutes(75)));
            assertThat(late.remaining()).isEqualTo(Duration.ofMinutes(-15));

            ResponseClock stopped = ResponseClock.of(mention(published, MentionState.ANSWERED_PUBLIC,
                    published.plus(Duration.ofMinutes(50))), 60, published.plus(Duration.ofDays(1)));
            assertThat(stopped.phase()).isEqualTo(ResponseClock.Phase.STOPPED);
            assertThat(stopped.firstResponse()).isEqualTo(Duration.ofMinutes(50));
            assertThat(stopped.withinTarget()).isTrue();
        }
        assertThat(ResponseClock.of(mention(Instant.EPOCH, MentionState.HIDDEN, null), 60, Instant.EPOCH).phase())
                .isEqualTo(ResponseClock.Phase.NONE);
    }

    @Test
    void dueSoonestPutsTheEarliestRunningClockFirstAcrossTheSpringChange() {
        // 00:30Z and 01:10Z on 2026-03-29 are 01:30 and 03:10 in Warsaw (02:00-03:00 does not exist there);
        // the media inquiry has 30 minutes (service-outage), the complaints 60: due 01:00 (d), 01:10 (b),
        // 01:20 (BBC, published last) and 01:30 (a)
        inbox.importMentions(outage.id(), "f.csv", List.of(
                row(2, "1", "https://x.com/a/1", "x", "a", "2026-03-29T00:30:00Z", "Refund now, it is broken"),
                row(3, "2", "https://x.com/b/2", "x", "b", "2026-03-29T00:10:00Z", "Still broken, refund"),
                row(4, "3", "https://www.bbc.co.uk/news/1", "news", "BBC", "2026-03-29T00:50:00Z", "Outage story"),
                row(5, "4", "https://x.com/d/4", "x", "d", "2026-03-29T00:00:00Z", "Broken checkout")), "anna");
        List<Mention> due = inbox.list(outage.id(), InboxQuery.all().sortedBy(InboxSort.DUE_SOONEST));
        assertThat(due).extracting(Mention::author).containsExactly("d", "b", "BBC", "a");
        Mention answered = due.get(0);
        clock.advance(Duration.ofHours(1));
        inbox.recordAnswer(answered.id(), Visibility.PUBLIC, Instant.parse("2026-03-29T00:20:00Z"), "Sorry", "anna");
        assertThat(inbox.list(outage.id(), InboxQuery.all().sortedBy(InboxSort.DUE_SOONEST)))
                .extracting(Mention::author).containsExactly("b", "BBC", "a", "d");
        assertThat(answered.author()).isEqualTo("d");
        assertThat(inbox.clock(inbox.get(answered.id())).phase()).isEqualTo(ResponseClock.Phase.STOPPED);
    }

    @Test
    void statsOnAKnownSet() {
        List<IncomingMention> rows = new ArrayList<>();
        Instant t0 = Instant.parse("2026-03-14T08:00:00Z");
        // ten complaints, one each 5 minutes from 08:00
        for (int i = 0; i < 10; i++) {
            rows.add(new IncomingMention(i + 2, "id" + i, "https://x.com/u/" + i, "x", "user" + i,
                    t0.plus(Duration.ofMinutes(5L * i)), "Broken again " + i, "en",
                    i % 2 == 0 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL, null, null));
        }
        inbox.importMentions(outage.id(), "f.csv", rows, "anna");
        long[] ids = inbox.search(outage.id(), InboxQuery.all().sortedBy(InboxSort.OLDEST));
        clock.advance(Duration.ofDays(18));
        // answered after 10, 20, ..., 100 minutes (the last four past the 60-minute target)
        for (int i = 0; i < 10; i++) {
            inbox.recordAnswer(ids[i], Visibility.PUBLIC, t0.plus(Duration.ofMinutes(5L * i + 10L * (i + 1))), "Sorry",
                    "anna");
        }
        inbox.changeState(ids[0], MentionState.RESOLVED, null, "anna");

        InboxStats s = inbox.stats(outage.id());
        assertThat(s.total()).isEqualTo(10);
        assertThat(s.byState()).containsEntry(MentionState.ANSWERED_PUBLIC, 9L)
                .containsEntry(MentionState.RESOLVED, 1L).containsEntry(MentionState.NEW, 0L);
        assertThat(s.byType()).containsEntry(InboxType.COMPLAINT, 10L);
        assertThat(s.bySentiment()).containsEntry(Sentiment.NEGATIVE, 5L).containsEntry(Sentiment.NEUTRAL, 5L)
                .containsEntry(Sentiment.POSITIVE, 0L);
        // 08:00-08:45: quarters 08:00, 08:15, 08:30, 08:45 with 3, 3, 3, 1
        assertThat(s.per15Minutes()).extracting(InboxStats.Bucket::count).containsExactly(3L, 3L, 3L, 1L);
        assertThat(s.per15Minutes().get(3).start()).isEqualTo(Instant.parse("2026-03-14T08:45:00Z"));
        // nearest rank: median is the 5th of ten (50 min), p90 the 9th (90 min)
        assertThat(s.firstResponses().answered()).isEqualTo(10);
        assertThat(s.firstResponses().medianSeconds()).isEqualTo(50 * 60L);
        assertThat(s.firstResponses().p90Seconds()).isEqualTo(90 * 60L);
        assertThat(s.firstResponses().withinTarget()).isEqualTo(6);
        assertThat(s.firstResponses().shareWithinTarget()).isEqualTo(0.6);
    }

    @Test
    void statsOfAnEmptyInbox() {
        InboxStats s = inbox.stats(outage.id());
        assertThat(s.total()).isZero();
        assertThat(s.per15Minutes()).isEmpty();
        assertThat(s.firstResponses().medianSeconds()).isNull();
        assertThat(s.firstResponses().shareWithinTarget()).isNull();
    }

    @Test
    void theSummaryCountsRunningClocksAmberAndBreachedAsTheClocksDo() {
        int target = inbox.replyMinutes(outage.id()).get(InboxType.COMPLAINT);
        Instant now = clock.instant();
        List<IncomingMention> rows = new ArrayList<>();
        // published target+1 min ago (breached), target/8 min ago (running), 7/8 target ago (amber), one answered
        long[] agoMinutes = {target + 1, Math.max(1, target / 8), target * 7L / 8, 5};
        for (int i = 0; i < agoMinutes.length; i++) {
            rows.add(new IncomingMention(i + 2, "sum" + i, null, "facebook", "author" + i,
                    now.minus(Duration.ofMinutes(agoMinutes[i])), "Broken again, my order never came " + i, "en",
                    Sentiment.NEGATIVE, null, null));
        }
        inbox.importMentions(outage.id(), "f.csv", rows, "anna");
        List<Mention> all = inbox.list(outage.id(), InboxQuery.all().sortedBy(InboxSort.OLDEST));
        all.forEach(m -> assertThat(m.type()).isEqualTo(InboxType.COMPLAINT));
        Mention answered = all.get(3);
        inbox.recordAnswer(answered.id(), Visibility.PUBLIC, now, "We are sorry, checking now", "anna");

        InboxSummary s = inbox.summary(outage.id());
        assertThat(s.total()).isEqualTo(4);
        assertThat(s.waiting()).isEqualTo(3);
        assertThat(s.breached()).isEqualTo(1);
        assertThat(s.amber()).isEqualTo(1);
        assertThat(s.byState()).containsEntry(MentionState.NEW, 3L).containsEntry(MentionState.ANSWERED_PUBLIC, 1L)
                .containsEntry(MentionState.HIDDEN, 0L);
        assertThat(s.platforms()).containsExactly("facebook");
        // each agrees with the clock of its mention
        for (Mention m : inbox.list(outage.id(), InboxQuery.all())) {
            ResponseClock c = inbox.clock(m);
            assertThat(c.phase()).isEqualTo(m.id() == answered.id() ? ResponseClock.Phase.STOPPED
                    : m.sourceId().equals("sum0") ? ResponseClock.Phase.BREACHED
                    : m.sourceId().equals("sum2") ? ResponseClock.Phase.AMBER : ResponseClock.Phase.RUNNING);
        }
        // hiding the breached one takes it out of the waiting ones
        inbox.changeState(all.get(0).id(), MentionState.HIDDEN, null, "anna");
        assertThat(inbox.summary(outage.id()).breached()).isZero();
        assertThat(inbox.summary(outage.id()).waiting()).isEqualTo(2);
    }
}

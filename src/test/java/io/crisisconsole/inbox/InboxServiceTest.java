package io.crisisconsole.inbox;

import static io.crisisconsole.inbox.InboxFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.playbooks.ResponseAction;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InboxServiceTest extends InboxTestBase {

    static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");

    @Override
    Instant startAt() {
        return Instant.parse("2026-03-14T10:00:00Z");
    }

    private List<IncomingMention> export() {
        return List.of(
                row(2, "1001", "https://x.com/kasia/status/1001", "x", "@kasia", "2026-03-14T08:00:00Z",
                        "Checkout is broken again, I want a refund!"),
                row(3, "1002", "https://x.com/tom/status/1002", "x", "tom", "2026-03-14T08:05:00Z",
                        "When will payments work again?"),
                // the same post again in the same file (same URL): a duplicate
                row(4, "1001-b", "https://x.com/kasia/status/1001", "x", "@kasia", "2026-03-14T08:00:00Z",
                        "Checkout is broken again, I want a refund!"),
                // no URL and no id: compared by platform, author, text and minute
                row(5, null, null, "facebook", "Maria Lopez", "2026-03-14T08:10:12Z", "Thank you for the update"),
                row(6, null, null, "facebook", "maria lopez", "2026-03-14T08:10:48Z", "Thank you for the update"),
                // the brand's own account answers the first post: an answer, not an inbox item
                new IncomingMention(7, "1003", "https://x.com/ExampleHelp/status/1003", "x", "ExampleHelp",
                        Instant.parse("2026-03-14T08:20:00Z"), "Sorry Kasia, we are on it: https://status.example.com",
                        "en", Sentiment.NEUTRAL, null, "https://x.com/kasia/status/1001"));
    }

    @Test
    void importSkipsDuplicatesAndStoresOwnAccountRowsAsAnswers() {
        ImportResult r = inbox.importMentions(outage.id(), "brandwatch.csv", export(), "anna");

        assertThat(r).isEqualTo(new ImportResult(3, 2, 1, 0, true));
        List<Mention> all = inbox.list(outage.id(), InboxQuery.all().sortedBy(InboxSort.OLDEST));
        assertThat(all).extracting(Mention::text).containsExactly("Checkout is broken again, I want a refund!",
                "When will payments work again?", "Thank you for the update");
        Mention kasia = all.get(0);
        assertThat(kasia.importedFrom()).isEqualTo("brandwatch.csv");
        assertThat(kasia.importedLine()).isEqualTo(2L);
        assertThat(kasia.firstResponseAt()).isEqualTo(Instant.parse("2026-03-14T08:20:00Z"));
        assertThat(inbox.responses(kasia.id())).singleElement().satisfies(a -> {
            assertThat(a.visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(a.sentBy()).isEqualTo("ExampleHelp");
            assertThat(a.importedLine()).isEqualTo(7L);
        });
        assertThat(inbox.clock(kasia).phase()).isEqualTo(ResponseClock.Phase.STOPPED);
        assertThat(inbox.clock(kasia).firstResponse()).isEqualTo(Duration.ofMinutes(20));

        // importing the same file again adds nothing
        assertThat(inbox.importMentions(outage.id(), "brandwatch.csv", export(), "anna"))
                .isEqualTo(new ImportResult(0, 6, 0, 0, true));

        List<TimelineEntry> entries = services.timeline().list(outage.id());
        TimelineEntry imported = entries.stream().filter(e -> "mentions.imported".equals(e.eventCode())).findFirst()
                .orElseThrow();
        assertThat(imported.eventArgs()).containsEntry("file", "brandwatch.csv").containsEntry("imported", 3)
                .containsEntry("duplicates", 2).containsEntry("responses", 1);
        assertThat(imported.body()).isEqualTo("Mentions imported from brandwatch.csv: 3 new mentions, "
                + "2 duplicates skipped, 1 answer of the brand");
    }

    @Test
    void theCaseOverridesThePlaybookAccount() {
        assertThat(inbox.accounts(outage.id())).containsEntry("x", "@ExampleHelp");
        inbox.setAccount(outage.id(), "x", "@ExampleCare");
        inbox.setAccount(outage.id(), "facebook", "Example Shop");
        assertThat(inbox.accounts(outage.id())).containsEntry("x", "@ExampleCare").containsEntry("facebook",
                "Example Shop");

        ImportResult r = inbox.importMentions(outage.id(), "f.csv", List.of(
                row(2, "1", "https://x.com/ExampleHelp/status/1", "x", "ExampleHelp", "2026-03-14T08:00:00Z",
                        "An old account's post is a mention now"),
                row(3, "2", "https://x.com/examplecare/status/2", "x", "@examplecare", "2026-03-14T08:01:00Z",
                        "We are on it"),
                row(4, "3", "https://facebook.com/p/3", "facebook", "Example Shop", "2026-03-14T08:02:00Z",
                        "Please check our page")), "anna");
        assertThat(r.imported()).isEqualTo(1);
        assertThat(r.responses()).isEqualTo(2);
        assertThat(inbox.responsesOfCase(outage.id())).extracting(MentionResponse::mentionId).containsOnlyNulls();
    }

    @Test
    void problemsWithoutGoodRowsOnlyStoreNothing() {
        ImportResult refused = inbox.importRows(outage.id(), "f.csv", export(), 1, false,
                "anna");
        assertThat(refused).isEqualTo(new ImportResult(0, 0, 0, 1, false));
        assertThat(inbox.search(outage.id(), InboxQuery.all())).isEmpty();
        assertThat(services.timeline().list(outage.id())).noneMatch(e -> "mentions.imported".equals(e.eventCode()));

        ImportResult good = inbox.importRows(outage.id(), "f.csv", export(), 1, true,
                "anna");
        assertThat(good).isEqualTo(new ImportResult(3, 2, 1, 1, true));
    }

    @Test
    void aFailingRowRollsTheWholeImportBack() {
        List<IncomingMention> rows = new ArrayList<>(export());
        rows.add(row(8, "9", "https://x.com/a/9", "x", "a", "2026-03-14T09:00:00Z", "x".repeat(100_001)));
        assertThatThrownBy(() -> inbox.importMentions(outage.id(), "big.csv", rows, "anna"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("big.csv:8: the text is longer");
        assertThat(inbox.search(outage.id(), InboxQuery.all())).isEmpty();
        assertThat(inbox.responsesOfCase(outage.id())).isEmpty();
    }

    @Test
    void mentionsSurviveReopeningTheStore() {
        inbox.importMentions(outage.id(), "brandwatch.csv", export(), "anna");
        Mention tom = inbox.list(outage.id(), InboxQuery.all().withText("payments")).get(0);
        inbox.changeState(tom.id(), MentionState.ASSIGNED, "Piotr", "anna");
        store.close();
        store = TestStores.openIn(tmp);
        services = Services.create(store, clock);
        inbox = services.inbox();

        Mention again = inbox.get(tom.id());
        assertThat(again.text()).isEqualTo("When will payments work again?");
        assertThat(again.state()).isEqualTo(MentionState.ASSIGNED);
        assertThat(again.assignedTo()).isEqualTo("Piotr");
        assertThat(inbox.search(outage.id(), InboxQuery.all().withText("paym"))).containsExactly(tom.id());
        assertThat(inbox.importMentions(outage.id(), "brandwatch.csv", export(), "anna").imported()).isZero();
    }

    @Test
    void triageSuggestsTypePriorityAndTheMatrixAction() {
        inbox.importMentions(outage.id(), "f.csv", List.of(
                new IncomingMention(2, "1", "https://x.com/k/1", "x", "kasia", T0,
                        "Checkout is broken, refund now", "en", Sentiment.NEGATIVE, 12_000L, null),
                new IncomingMention(3, "2", "https://www.reuters.com/business/retail/example-outage", "news",
                        "Reuters", T0, "Example Shop suffers checkout outage", "en", Sentiment.NEUTRAL, 2_000_000L,
                        null),
                new IncomingMention(4, "3", "https://x.com/k/3", "x", "Kasia", T0.plusSeconds(60),
                        "Still broken", "en", Sentiment.NEGATIVE, 12_000L, null)), "anna");
        List<Mention> all = inbox.list(outage.id(), InboxQuery.all().sortedBy(InboxSort.PRIORITY));
        assertThat(all).extracting(Mention::type).containsExactly(InboxType.MEDIA_INQUIRY, InboxType.COMPLAINT,
                InboxType.COMPLAINT);
        // reach 2,000,000: 60, media 25; reach 12,000: 40, negative 20, repeat author 10
        assertThat(all).extracting(Mention::priority).containsExactly(85, 70, 60);
        assertThat(all.get(0).typeSuggested()).isTrue();
        assertThat(inbox.action(outage.id(), InboxType.MEDIA_INQUIRY)).contains(ResponseAction.ESCALATE);
        assertThat(inbox.action(outage.id(), InboxType.TROLL)).contains(ResponseAction.IGNORE);
        assertThat(inbox.action(outage.id(), InboxType.OTHER)).isEmpty();
        // service-outage gives media inquiries 30 minutes, the rest complaint_reply_minutes
        assertThat(inbox.replyMinutes(outage.id())).containsEntry(InboxType.MEDIA_INQUIRY, 30)
                .containsEntry(InboxType.COMPLAINT, 60).containsEntry(InboxType.OTHER, 60);

        Mention changed = inbox.setType(all.get(2).id(), InboxType.QUESTION, "anna");
        assertThat(changed.type()).isEqualTo(InboxType.QUESTION);
        assertThat(changed.typeSuggested()).isFalse();
        assertThat(services.timeline().list(outage.id())).filteredOn(e -> "mention.type_changed".equals(e.eventCode()))
                .singleElement().satisfies(e -> assertThat(e.body()).isEqualTo("Mention #" + changed.id()
                        + ": type complaint \u2192 question"));
        assertThat(inbox.search(outage.id(), InboxQuery.all().withTypes(Set.of(InboxType.QUESTION))))
                .containsExactly(changed.id());
    }

    @Test
    void stateMachineRefusesWhatItDoesNotAllowAndWritesTheTimeline() {
        inbox.importMentions(outage.id(), "brandwatch.csv", export(), "anna");
        long tom = inbox.list(outage.id(), InboxQuery.all().withText("payments")).get(0).id();

        assertThatThrownBy(() -> inbox.changeState(tom, MentionState.ANSWERED_PUBLIC, null, "anna"))
                .hasMessageContaining("record the answer");
        assertThatThrownBy(() -> inbox.changeState(tom, MentionState.ASSIGNED, " ", "anna"))
                .hasMessageContaining("who the mention is assigned to");
        inbox.changeState(tom, MentionState.ASSIGNED, "Piotr", "anna");
        inbox.changeState(tom, MentionState.HIDDEN, null, "anna");
        assertThatThrownBy(() -> inbox.changeState(tom, MentionState.RESOLVED, null, "anna"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("mention #" + tom + " is hidden and cannot become resolved; from hidden it can become new");
        assertThat(inbox.get(tom).state()).isEqualTo(MentionState.HIDDEN);

        List<String> bodies = services.timeline().list(outage.id()).stream()
                .filter(e -> "mention.state_changed".equals(e.eventCode())).map(TimelineEntry::body).toList();
        assertThat(bodies).containsExactly("Mention #" + tom + ": new \u2192 assigned (Piotr)",
                "Mention #" + tom + ": assigned \u2192 hidden");
        assertThat(services.timeline().list(outage.id()).stream()
                .filter(e -> "mention.state_changed".equals(e.eventCode())).findFirst().orElseThrow().eventArgs())
                .containsEntry("from", "NEW").containsEntry("to", "ASSIGNED").containsEntry("mentionId", (int) tom);
    }

    @Test
    void bulkChangesAreAllOrNothing() {
        inbox.importMentions(outage.id(), "brandwatch.csv", export(), "anna");
        long[] ids = inbox.search(outage.id(), InboxQuery.all().sortedBy(InboxSort.OLDEST));
        inbox.changeState(ids[2], MentionState.HIDDEN, null, "anna");

        assertThatThrownBy(() -> inbox.changeStates(List.of(ids[0], ids[1], ids[2]), MentionState.RESOLVED, null,
                "anna")).hasMessageContaining("mention #" + ids[2] + " is hidden");
        assertThat(inbox.search(outage.id(), InboxQuery.all().withStates(Set.of(MentionState.RESOLVED)))).isEmpty();

        inbox.changeStates(List.of(ids[0], ids[1]), MentionState.ESCALATED, null, "anna");
        assertThat(inbox.search(outage.id(), InboxQuery.all().withStates(Set.of(MentionState.ESCALATED))
                .sortedBy(InboxSort.OLDEST))).containsExactly(ids[0], ids[1]);
        assertThat(services.timeline().list(outage.id()))
                .filteredOn(e -> "mention.state_changed".equals(e.eventCode())).hasSize(3);
    }

    @Test
    void anAuthorsNewMentionReopensTheirResolvedItem() {
        inbox.importMentions(outage.id(), "a.csv", export(), "anna");
        long tom = inbox.list(outage.id(), InboxQuery.all().withText("tom")).get(0).id();
        inbox.changeState(tom, MentionState.RESOLVED, null, "anna");

        inbox.importMentions(outage.id(), "b.csv", List.of(row(2, "2001", "https://x.com/tom/status/2001", "x",
                "@Tom", "2026-03-14T09:30:00Z", "Payments fail again")), "anna");

        assertThat(inbox.get(tom).state()).isEqualTo(MentionState.NEW);
        TimelineEntry e = services.timeline().list(outage.id()).stream()
                .filter(x -> "mention.reopened".equals(x.eventCode())).findFirst().orElseThrow();
        assertThat(e.body()).startsWith("Mention #" + tom + " reopened: its author wrote again");
        assertThat(inbox.search(outage.id(), InboxQuery.all().withStates(Set.of(MentionState.NEW))
                .withText("tom"))).hasSize(2);
    }

    @Test
    void answersNeedTheirTimeAndTheFirstOneStopsTheClock() {
        inbox.importMentions(outage.id(), "brandwatch.csv", export(), "anna");
        Mention tom = inbox.list(outage.id(), InboxQuery.all().withText("payments")).get(0);
        // published 08:05, target 60 min, now 10:00
        assertThat(inbox.clock(tom).phase()).isEqualTo(ResponseClock.Phase.BREACHED);

        assertThatThrownBy(() -> inbox.recordAnswer(tom.id(), Visibility.PUBLIC, null, "On it", "anna"))
                .hasMessage("an answer needs the time it went out");
        assertThatThrownBy(() -> inbox.recordAnswer(tom.id(), Visibility.PUBLIC,
                Instant.parse("2026-03-14T08:00:00Z"), "On it", "anna")).hasMessageContaining("before mention #");
        assertThatThrownBy(() -> inbox.recordAnswer(tom.id(), Visibility.PUBLIC,
                Instant.parse("2026-03-14T11:00:00Z"), "On it", "anna")).hasMessageContaining("in the future");

        Mention answered = inbox.recordAnswer(tom.id(), Visibility.PUBLIC, Instant.parse("2026-03-14T08:50:00Z"),
                "We expect payments back by 11:00", "anna");
        assertThat(answered.state()).isEqualTo(MentionState.ANSWERED_PUBLIC);
        assertThat(answered.firstResponseAt()).isEqualTo(Instant.parse("2026-03-14T08:50:00Z"));
        Mention moved = inbox.recordAnswer(tom.id(), Visibility.PRIVATE, Instant.parse("2026-03-14T09:10:00Z"),
                "Please send us your order number", "anna");
        assertThat(moved.state()).isEqualTo(MentionState.MOVED_PRIVATE);
        assertThat(moved.firstResponseAt()).isEqualTo(Instant.parse("2026-03-14T08:50:00Z"));
        ResponseClock c = inbox.clock(moved);
        assertThat(c.phase()).isEqualTo(ResponseClock.Phase.STOPPED);
        assertThat(c.firstResponse()).isEqualTo(Duration.ofMinutes(45));
        assertThat(c.withinTarget()).isTrue();
        assertThat(inbox.responses(tom.id())).extracting(MentionResponse::visibility)
                .containsExactly(Visibility.PUBLIC, Visibility.PRIVATE);
        assertThat(services.timeline().list(outage.id())).filteredOn(e -> "mention.answered".equals(e.eventCode()))
                .first().satisfies(e -> {
                    assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-03-14T08:50:00Z"));
                    assertThat(e.body()).isEqualTo("Mention #" + tom.id()
                            + " answered in public by anna at 2026-03-14T08:50:00Z");
                });
        // answered mentions leave the due-soonest front
        long[] due = inbox.search(outage.id(), InboxQuery.all().sortedBy(InboxSort.DUE_SOONEST));
        assertThat(due[due.length - 1]).isNotEqualTo(tom.id());
    }

    @Test
    void addByHandIsAMentionWithATimelineEntry() {
        Mention m = inbox.addByHand(outage.id(), "Is the shop closed?  \nasking for a friend",
                "https://www.reddit.com/r/shops/comments/abc", "reddit", "u/someone",
                Instant.parse("2026-03-14T09:00:00Z"), "anna");
        assertThat(m.text()).isEqualTo("Is the shop closed?  \nasking for a friend");
        assertThat(m.type()).isEqualTo(InboxType.QUESTION);
        assertThat(m.importedFrom()).isNull();
        assertThat(services.timeline().list(outage.id())).filteredOn(e -> "mention.added".equals(e.eventCode()))
                .singleElement().satisfies(e -> assertThat(e.body()).isEqualTo("Mention #" + m.id()
                        + " added by hand (reddit, u/someone)"));
        // the same URL again is the same mention
        Mention again = inbox.addByHand(outage.id(), "Is the shop down?", "https://www.reddit.com/r/shops/comments/abc",
                "reddit", null, Instant.parse("2026-03-14T09:00:00Z"), "anna");
        assertThat(again.id()).isEqualTo(m.id());
        assertThatThrownBy(() -> inbox.addByHand(outage.id(), " ", null, "x", null, Instant.now(), "anna"))
                .hasMessageContaining("needs its text");
        assertThatThrownBy(() -> inbox.addByHand(outage.id(), "text", null, "x", null, null, "anna"))
                .hasMessageContaining("time it was published");
    }

    @Test
    void searchFindsTextAuthorAndTagsWithoutAccentsAndCase() {
        inbox.importMentions(outage.id(), "f.csv", List.of(
                row(2, "1", "https://x.com/a/1", "x", "Zażółć", "2026-03-14T08:00:00Z", "Płatności nie działają w Gdańsku"),
                row(3, "2", "https://x.com/b/2", "x", "Ёжик", "2026-03-14T08:01:00Z", "Всё сломалось, ОПЯТЬ"),
                row(4, "3", "https://x.com/c/3", "facebook", "Carmen", "2026-03-14T08:02:00Z",
                        "¿Cuándo volverá el pago?")), "anna");
        long[] ids = inbox.search(outage.id(), InboxQuery.all().sortedBy(InboxSort.OLDEST));
        assertThat(inbox.search(outage.id(), InboxQuery.all().withText("gdansk"))).containsExactly(ids[0]);
        assertThat(inbox.search(outage.id(), InboxQuery.all().withText("PLATNOSCI dzia"))).containsExactly(ids[0]);
        assertThat(inbox.search(outage.id(), InboxQuery.all().withText("zazolc"))).containsExactly(ids[0]);
        assertThat(inbox.search(outage.id(), InboxQuery.all().withText("ежик опять"))).containsExactly(ids[1]);
        assertThat(inbox.search(outage.id(), InboxQuery.all().withText("cuando"))).containsExactly(ids[2]);
        assertThat(inbox.search(outage.id(), InboxQuery.all().withText("cuando gdansk"))).isEmpty();
        assertThat(inbox.search(outage.id(), InboxQuery.all().withPlatforms(Set.of("facebook"))))
                .containsExactly(ids[2]);
        assertThat(inbox.search(outage.id(), InboxQuery.all().withPlatforms(Set.of("tiktok")))).isEmpty();

        inbox.setTags(ids[1], "vip, escalate-later");
        assertThat(inbox.search(outage.id(), InboxQuery.all().withText("vip"))).containsExactly(ids[1]);
        assertThat(inbox.get(ids[1]).tags()).isEqualTo("vip, escalate-later");
    }

    @Test
    void savedMappingsAreFoundByHeaderSignatureAndName() {
        inbox.saveMapping("sig-1", "Brandwatch", "{\"date\":0}");
        inbox.saveMapping("sig-1", "Brandwatch v2", "{\"date\":1}");
        assertThat(inbox.mappingFor("sig-1")).get().extracting(SavedMapping::name).isEqualTo("Brandwatch v2");
        assertThat(inbox.mappingNamed("Brandwatch")).isEmpty();
        assertThat(inbox.mappings()).hasSize(1);
    }
}

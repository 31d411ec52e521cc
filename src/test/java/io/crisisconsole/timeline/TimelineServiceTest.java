package io.crisisconsole.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ValidationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineServiceTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    TimelineService timeline;
    CaseService cases;
    TimelineText english;
    CrisisCase outage;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(T0);
        Services services = Services.create(store, clock);
        timeline = services.timeline();
        cases = services.cases();
        english = new TimelineText(Messages.forLocale(Locale.ENGLISH));
        outage = cases.open(new CaseDetails("Checkout outage", 2, "Anna Nowak", null, null), "anna");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Map<String, Object> storedRow(long id) {
        return store.jdbi().withHandle(h -> h.createQuery(
                "SELECT kind, body, event_code, event_args FROM timeline_entry WHERE id = :id")
                .bind("id", id).mapToMap().one());
    }

    @Test
    void theCodeAndItsArgumentsAreStoredBesideTheRenderedBody() {
        TimelineEntry opened = cases.timeline(outage.id()).get(0);

        assertThat(opened.eventCode()).isEqualTo("case.opened");
        assertThat(opened.eventArgs()).containsExactly(entry("severity", 2), entry("owner", "Anna Nowak"));
        assertThat(opened.body()).isEqualTo("Case opened: SEV2 High, owner Anna Nowak");
        Map<String, Object> row = storedRow(opened.id());
        assertThat(row).containsEntry("kind", "STATUS_CHANGE").containsEntry("event_code", "case.opened")
                .containsEntry("event_args", "{\"severity\":2,\"owner\":\"Anna Nowak\"}");

        clock.advance(Duration.ofMinutes(5));
        CrisisCase active = cases.changeStatus(outage.id(), outage.version(), CaseStatus.ACTIVE, null, "marek");
        TimelineEntry status = cases.timeline(outage.id()).get(1);
        assertThat(status.eventCode()).isEqualTo("case.status_changed");
        assertThat(status.eventArgs()).as("statuses by name, a missing reason as null")
                .containsExactly(entry("from", "OPEN"), entry("to", "ACTIVE"), entry("reason", null));
        assertThat(status.body()).isEqualTo("Status Open \u2192 Active");

        cases.update(outage.id(), active.version(), new CaseDetails("Checkout outage (EU)", 1, null, "Down", null),
                "anna");
        TimelineEntry updated = cases.timeline(outage.id()).get(2);
        assertThat(updated.eventCode()).isEqualTo("case.updated");
        assertThat(storedRow(updated.id())).containsEntry("event_args", "{\"changes\":["
                + "{\"field\":\"title\",\"from\":\"Checkout outage\",\"to\":\"Checkout outage (EU)\"},"
                + "{\"field\":\"severity\",\"from\":2,\"to\":1},"
                + "{\"field\":\"owner\",\"from\":\"Anna Nowak\",\"to\":null},"
                + "{\"field\":\"hashtag\",\"from\":null,\"to\":\"#Down\"}]}");
        assertThat(updated.body()).isEqualTo("title \u201cCheckout outage\u201d \u2192 \u201cCheckout outage (EU)\u201d; "
                + "severity SEV2 High \u2192 SEV1 Critical; owner \u201cAnna Nowak\u201d \u2192 (none); "
                + "hashtag (none) \u2192 \u201c#Down\u201d");
        assertThat(english.render(updated)).isEqualTo(updated.body());

        TimelineEntry note = cases.addEntry(outage.id(), EntryKind.MENTION_HANDLED, "  Replied to @anna_k  ", null,
                "anna");
        assertThat(note.eventCode()).isEqualTo("entry.mention_handled");
        assertThat(note.eventArgs()).containsExactly(entry("text", "Replied to @anna_k"));
        assertThat(note.body()).isEqualTo("Replied to @anna_k");
    }

    /** The bodies every code writes, exactly as the app wrote them before there were codes. */
    @Test
    void everyCodeRendersTheTextWrittenBeforeCodesExisted() {
        assertThat(render(EventCode.CASE_OPENED, "severity", 3, "owner", null)).isEqualTo("Case opened: SEV3 Moderate");
        assertThat(render(EventCode.CASE_OPENED, "severity", 4, "owner", "Ola")).isEqualTo(
                "Case opened: SEV4 Low, owner Ola");
        assertThat(render(EventCode.CASE_STATUS_CHANGED, "from", "ACTIVE", "to", "CONTAINED", "reason", "Leak false"))
                .isEqualTo("Status Active \u2192 Contained: Leak false");
        assertThat(render(EventCode.CASE_REOPENED, "from", "REVIEWED", "to", "ACTIVE", "reason", "new reports"))
                .isEqualTo("Status Reviewed \u2192 Active (reopened): new reports");
        assertThat(render(EventCode.CASE_REOPENED, "from", "RESOLVED", "to", "OPEN", "reason", null))
                .isEqualTo("Status Resolved \u2192 Open (reopened)");
        assertThat(english.render(EventCode.CASE_UPDATED, Map.of("changes", List.of(
                change("hubUrl", null, "https://status.example.com"), change("severity", 4, 3)))))
                .isEqualTo("hub URL (none) \u2192 \u201chttps://status.example.com\u201d; "
                        + "severity SEV4 Low \u2192 SEV3 Moderate");
        assertThat(render(EventCode.CASE_PLAYBOOK_CHOSEN, "playbookId", 7, "name", "service-outage.en", "title",
                "Service outage", "version", 1234)).isEqualTo("Playbook chosen: Service outage (service-outage.en, version 1234)");
        assertThat(render(EventCode.CASE_PLAYBOOK_CHANGED, "playbookId", 8, "name", "x.pl", "title", "Awaria",
                "version", 2)).isEqualTo("Playbook changed to Awaria (x.pl, version 2)");
        for (EntryKind kind : EntryKind.userEnteredKinds()) {
            assertThat(render(EventCode.ofUserEntry(kind), "text", "Ceny {price} 'as is' #1")).as(kind.name())
                    .isEqualTo("Ceny {price} 'as is' #1");
        }
        assertThat(render(EventCode.ENTRY_CORRECTION, "text", "About 3,000 orders")).isEqualTo("About 3,000 orders");
        assertThat(render(EventCode.DRAFT_STARTED, "draftId", 1, "title", "Holding", "stage", "IDENTIFIED",
                "playbook", null)).isEqualTo("Draft message \u201cHolding\u201d started (identified, no playbook)");
        assertThat(render(EventCode.DRAFT_STARTED, "draftId", 1, "title", "Holding", "stage", "MONITORING",
                "playbook", "Service outage")).isEqualTo(
                "Draft message \u201cHolding\u201d started (monitoring, from the playbook Service outage)");
        assertThat(render(EventCode.DRAFT_SUBMITTED, "draftId", 1, "title", "Holding", "version", 1001))
                .isEqualTo("Draft message \u201cHolding\u201d submitted for review (version 1001)");
        assertThat(render(EventCode.DRAFT_APPROVED, "draftId", 1, "title", "Holding", "version", 3, "stage",
                "RESOLVED", "approver", "Anna Nowak", "approverContactId", 4, "warnings", 0)).isEqualTo(
                "Message \u201cHolding\u201d approved by Anna Nowak (version 3, resolved, checks clean)");
        assertThat(render(EventCode.DRAFT_APPROVED, "draftId", 1, "title", "Holding", "version", 3, "stage",
                "INVESTIGATING", "approver", "Anna Nowak", "approverContactId", 4, "warnings", 2)).isEqualTo(
                "Message \u201cHolding\u201d approved by Anna Nowak (version 3, investigating, 2 warnings)");
        assertThat(render(EventCode.DRAFT_CHANGED_AFTER_APPROVAL, "draftId", 1, "title", "Holding", "version", 4,
                "approver", "Anna Nowak")).isEqualTo("Draft message \u201cHolding\u201d changed after approval "
                + "(version 4); back to draft, the approval by Anna Nowak no longer applies");
        assertThat(render(EventCode.DRAFT_REOPENED, "draftId", 1, "title", "Holding", "from", "IN_REVIEW",
                "approver", null, "reason", "wrong figures")).isEqualTo(
                "Draft message \u201cHolding\u201d back to draft from review: wrong figures");
        assertThat(render(EventCode.DRAFT_REOPENED, "draftId", 1, "title", "Holding", "from", "APPROVED",
                "approver", "Anna Nowak", "reason", null)).isEqualTo(
                "Draft message \u201cHolding\u201d back to draft, the approval by Anna Nowak no longer applies");
        for (Channel channel : Channel.values()) {
            assertThat(render(EventCode.DRAFT_PUBLISHED, "draftId", 1, "title", "Holding", "version", 2,
                    "channel", channel.name(), "text", "We are on it.")).as(channel.name())
                    .isEqualTo(DraftService.label(channel) + " (\u201cHolding\u201d, version 2): We are on it.");
        }
    }

    @Test
    void everyCodeHasAPatternAndEveryKindAPersonAddsHasACode() {
        TimelineText bodies = TimelineText.forBodies();
        for (EventCode code : EventCode.values()) {
            assertThat(bodies.knows(code)).as(code.code()).isTrue();
            assertThat(EventCode.find(code.code())).contains(code);
        }
        assertThat(EntryKind.userEnteredKinds()).allSatisfy(k -> assertThat(EventCode.ofUserEntry(k).kind()).isEqualTo(k));
        assertThat(EventCode.find("case.archived")).as("a code of a later version").isEmpty();
        assertThat(EventCode.find(null)).isEmpty();
    }

    @Test
    void anEntryWrittenBeforeCodesExistedIsShownFromItsBody() {
        // an entry as the app wrote it before V8: no code, no arguments
        store.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO timeline_entry (case_id, kind, author, body, occurred_at, recorded_at)
                VALUES (:caseId, 'CASE_UPDATED', 'anna', :body, :at, :at)
                """).bind("caseId", outage.id()).bind("body", "severity SEV2 High \u2192 SEV1 Critical")
                .bind("at", Timestamp.from(T0.plusSeconds(60))).execute());
        // and one with a code this version does not know yet
        store.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO timeline_entry (case_id, kind, author, body, occurred_at, recorded_at, event_code, event_args)
                VALUES (:caseId, 'NOTE', 'anna', 'Archived by the next version', :at, :at, 'case.archived', '{}')
                """).bind("caseId", outage.id()).bind("at", Timestamp.from(T0.plusSeconds(120))).execute());

        List<TimelineEntry> entries = timeline.list(outage.id());
        TimelineEntry old = entries.get(1);
        assertThat(old.eventCode()).isNull();
        assertThat(old.eventArgs()).isNull();
        assertThat(english.render(old)).isEqualTo("severity SEV2 High \u2192 SEV1 Critical");
        assertThat(english.render(entries.get(2))).isEqualTo("Archived by the next version");
        assertThat(new TimelineText(Messages.forLocale(Locale.forLanguageTag("pl"))).render(old))
                .isEqualTo("severity SEV2 High \u2192 SEV1 Critical");
        assertThat(english.render(entries.get(0))).isEqualTo(entries.get(0).body());
    }

    @Test
    void anAppendInsideTheCallersTransactionRollsBackWithIt() {
        assertThatThrownBy(() -> store.jdbi().useTransaction(h -> {
            timeline.append(h, TimelineEvent.of(outage.id(), EventCode.ENTRY_DECISION, "anna", T0)
                    .with("text", "Apologise within the hour"));
            assertThat(timeline.list(h, outage.id())).as("visible inside the transaction").hasSize(2);
            throw new IllegalStateException("the caller's own write failed");
        })).hasMessageContaining("the caller's own write failed");

        assertThat(timeline.list(outage.id())).extracting(TimelineEntry::eventCode).containsExactly("case.opened");
    }

    @Test
    void pagesOfAnySizeReadTheTimelineInOrderEachEntryOnce() {
        CrisisCase other = cases.open(new CaseDetails("Other", 3, "Anna Nowak", null, null), "anna");
        // 40 entries on 4 distinct times, another case's in between, so pages end inside runs of equal times
        store.jdbi().useTransaction(h -> {
            for (int i = 0; i < 40; i++) {
                Instant at = T0.plusSeconds((i * 7 % 4) * 60L);
                timeline.append(h, TimelineEvent.of(i % 5 == 0 ? other.id() : outage.id(), EventCode.ENTRY_NOTE, "anna",
                        T0).occurredAt(at).with("text", "note " + i));
            }
        });
        List<TimelineEntry> expected = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM timeline_entry WHERE case_id = :c").bind("c", outage.id()).mapTo(Long.class).list())
                .stream().map(id -> timeline.find(id).orElseThrow())
                .sorted(java.util.Comparator.comparing(TimelineEntry::occurredAt).thenComparingLong(TimelineEntry::id))
                .toList();
        assertThat(expected).hasSize(33);

        assertThat(timeline.list(outage.id())).isEqualTo(expected);
        for (int size : new int[] {1, 2, 3, 8, 32, 33, 34}) {
            List<TimelineEntry> read = new java.util.ArrayList<>();
            store.jdbi().useHandle(h -> {
                TimelineDao dao = h.attach(TimelineDao.class);
                io.crisisconsole.toolkit.TimePages.forEach(dao.firstOccurred(outage.id()).orElse(null), size,
                        (from, skip, n) -> dao.page(outage.id(), from, skip, n), TimelineDao.Row::occurredAt,
                        r -> read.add(timeline.find(r.id()).orElseThrow()));
            });
            assertThat(read).as("page size %d", size).isEqualTo(expected);
        }
    }

    @Test
    void aStandaloneAppendIsCommittedAndDatedWhenItHappened() {
        clock.advance(Duration.ofMinutes(10));
        TimelineEntry e = timeline.append(TimelineEvent.of(outage.id(), EventCode.ENTRY_MESSAGE_PUBLISHED, "anna",
                clock.instant()).occurredAt(T0.plusSeconds(30)).with("text", "Holding statement on X"));

        assertThat(timeline.find(e.id())).contains(e);
        assertThat(e.kind()).isEqualTo(EntryKind.MESSAGE_PUBLISHED);
        assertThat(e.occurredAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(e.recordedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(timeline.list(outage.id())).extracting(TimelineEntry::id).endsWith(e.id());
    }

    @Test
    void aCorrectionPointsAtTheOriginalWhichStays() {
        TimelineEntry wrong = cases.addEntry(outage.id(), EntryKind.NOTE, "About 300 orders affected", null, "anna");
        clock.advance(Duration.ofMinutes(1));

        TimelineEntry fix = timeline.correct(wrong.id(), "About 3,000 orders affected", "marek", clock.instant());

        assertThat(fix.kind()).isEqualTo(EntryKind.CORRECTION);
        assertThat(fix.correctsId()).isEqualTo(wrong.id());
        assertThat(fix.caseId()).isEqualTo(outage.id());
        assertThat(fix.eventCode()).isEqualTo("entry.correction");
        assertThat(fix.eventArgs()).containsExactly(entry("text", "About 3,000 orders affected"));
        assertThat(fix.body()).isEqualTo("About 3,000 orders affected");
        assertThat(timeline.find(wrong.id())).contains(wrong);
        assertThatThrownBy(() -> timeline.correct(999, "x", "marek", clock.instant()))
                .isInstanceOf(ValidationException.class).hasMessage("no timeline entry #999");
    }

    @Test
    void aBodyThatIsEmptyOrTooLongIsRefused() {
        assertThatThrownBy(() -> timeline.append(TimelineEvent.of(outage.id(), EventCode.ENTRY_NOTE, "anna", T0)
                .with("text", "x".repeat(TimelineService.MAX_BODY + 1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("longer than 20000");
        assertThatThrownBy(() -> timeline.append(TimelineEvent.of(outage.id(), EventCode.ENTRY_NOTE, "anna", T0)
                .with("text", " ")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> TimelineEvent.of(outage.id(), EventCode.ENTRY_NOTE, "anna", T0)
                .with("at", T0)).as("arguments are plain values").isInstanceOf(IllegalArgumentException.class);
        assertThat(timeline.list(outage.id())).hasSize(1);
    }

    @Test
    void aFailedAppendDoesNotCarryTheArgumentsItTriedToWrite() {
        String phone = "+48 600 123 456";
        assertThatThrownBy(() -> timeline.append(TimelineEvent.of(999, EventCode.ENTRY_NOTE, "anna", T0)
                .with("text", "Call " + phone)))
                .satisfies(e -> {
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    assertThat(trace.toString()).contains("TIMELINE_CASE").doesNotContain(phone);
                });
    }

    private String render(EventCode code, Object... nameValue) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            args.put((String) nameValue[i], nameValue[i + 1]);
        }
        return english.render(code, args);
    }

    private static Map<String, Object> change(String field, Object from, Object to) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("field", field);
        c.put("from", from);
        c.put("to", to);
        return c;
    }
}

package io.crisisconsole.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.services.Services;
import io.crisisconsole.store.AutosaveService;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.AutosavedText;
import io.crisisconsole.toolkit.ConcurrentChangeException;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseServiceTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    CaseService cases;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(T0);
        cases = Services.create(store, clock).cases();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private CrisisCase outage() {
        return cases.open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutDown",
                "https://status.example.com"), "anna");
    }

    @Test
    void openingACaseStoresItAndWritesTheFirstTimelineEntry() {
        CrisisCase c = outage();

        assertThat(c.id()).isPositive();
        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(c.hashtag()).isEqualTo("#CheckoutDown");
        assertThat(c.openedAt()).isEqualTo(T0);
        assertThat(c.closedAt()).isNull();
        assertThat(cases.get(c.id())).isEqualTo(c);

        List<TimelineEntry> timeline = cases.timeline(c.id());
        assertThat(timeline).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.STATUS_CHANGE);
            assertThat(e.author()).isEqualTo("anna");
            assertThat(e.body()).contains("Case opened").contains("SEV2 High").contains("Anna Nowak");
            assertThat(e.occurredAt()).isEqualTo(T0);
        });
    }

    @Test
    void listShowsNewestFirst() {
        CrisisCase first = outage();
        clock.advance(Duration.ofMinutes(5));
        CrisisCase second = cases.open(new CaseDetails("Offensive post", 1, null, null, null), "anna");

        assertThat(cases.list()).extracting(CrisisCase::id).containsExactly(second.id(), first.id());
    }

    @Test
    void timelineEntriesAreKeptInOrderWithAuthorAndTime() {
        CrisisCase c = outage();
        clock.advance(Duration.ofMinutes(3));
        cases.addEntry(c.id(), EntryKind.NOTE, "First complaints on X", null, "marek");
        clock.advance(Duration.ofMinutes(4));
        cases.addEntry(c.id(), EntryKind.MESSAGE_PUBLISHED, "Holding statement on X and the hub",
                T0.plus(Duration.ofMinutes(6)), "anna");

        List<TimelineEntry> timeline = cases.timeline(c.id());
        assertThat(timeline).extracting(TimelineEntry::kind)
                .containsExactly(EntryKind.STATUS_CHANGE, EntryKind.NOTE, EntryKind.MESSAGE_PUBLISHED);
        TimelineEntry published = timeline.get(2);
        assertThat(published.author()).isEqualTo("anna");
        assertThat(published.occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(6)));
        assertThat(published.recordedAt()).isEqualTo(T0.plus(Duration.ofMinutes(7)));
    }

    @Test
    void handDatedEntriesAreSortedByWhenTheyHappened() {
        CrisisCase c = outage();
        clock.advance(Duration.ofMinutes(10));
        cases.addEntry(c.id(), EntryKind.NOTE, "logged now", null, "anna");
        cases.addEntry(c.id(), EntryKind.MESSAGE_PUBLISHED, "posted five minutes ago",
                clock.instant().minus(Duration.ofMinutes(5)), "anna");

        assertThat(cases.timeline(c.id())).extracting(TimelineEntry::body)
                .endsWith("posted five minutes ago", "logged now");
    }

    @Test
    void entriesCannotBeDatedInTheFuture() {
        CrisisCase c = outage();
        assertThatThrownBy(() -> cases.addEntry(c.id(), EntryKind.NOTE, "later", T0.plus(Duration.ofHours(1)), "a"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("future");
    }

    @Test
    void absurdDatesAreRefusedAndADateBeforeTheOpeningNeedsAConfirmation() {
        // issue 9.11: entries dated year 1 or before the case opened were accepted
        CrisisCase c = outage(); // opened at T0
        assertThatThrownBy(() -> cases.addEntry(c.id(), EntryKind.NOTE, "typo", Instant.parse("0001-11-24T09:00:00Z"),
                "a", null, true))
                .isInstanceOf(ValidationException.class)
                .hasMessage("an entry cannot be dated 0001-11-24T09:00:00Z: that is before the year 2000; check the date");
        assertThatThrownBy(() -> cases.addEntry(c.id(), EntryKind.NOTE, "typo", Instant.parse("1999-12-31T23:59:59Z"),
                "a")).hasMessageContaining("before the year 2000");
        assertThatThrownBy(() -> cases.addEntry(c.id(), EntryKind.NOTE, "typo", T0.plus(Duration.ofDays(2)), "a",
                null, true)).hasMessageContaining("future");

        Instant early = T0.minus(Duration.ofHours(2));
        assertThatThrownBy(() -> cases.addEntry(c.id(), EntryKind.MESSAGE_PUBLISHED, "posted before", early, "a"))
                .isInstanceOf(EntryBeforeOpeningException.class)
                .hasMessage("the entry is dated 2026-11-24T07:00:00Z, before case #" + c.id() + " was opened "
                        + "(2026-11-24T09:00:00Z); check the date, or confirm that it happened before the case was opened");
        assertThat(cases.timeline(c.id())).extracting(TimelineEntry::body).doesNotContain("posted before");

        TimelineEntry confirmed = cases.addEntry(c.id(), EntryKind.MESSAGE_PUBLISHED, "posted before", early, "a",
                null, true);
        assertThat(confirmed.occurredAt()).isEqualTo(early);
        assertThat(cases.timeline(c.id())).extracting(TimelineEntry::body).startsWith("posted before");
        assertThat(cases.addEntry(c.id(), EntryKind.NOTE, "at the opening", T0, "a").occurredAt()).isEqualTo(T0);
    }

    @Test
    void correctionsFollowTheSameDateRule() {
        CrisisCase c = outage();
        TimelineEntry entry = cases.addEntry(c.id(), EntryKind.NOTE, "About 300 orders affected", null, "anna");
        clock.advance(Duration.ofHours(-1)); // the clock set back before the opening
        assertThatThrownBy(() -> cases.correct(entry.id(), "About 3,000", "marek"))
                .isInstanceOf(EntryBeforeOpeningException.class);
        clock.advance(Duration.between(Instant.parse("1970-01-01T00:00:00Z"), T0).negated().plusHours(1));
        assertThatThrownBy(() -> cases.correct(entry.id(), "About 3,000", "marek"))
                .hasMessageContaining("before the year 2000");
        assertThat(cases.timeline(c.id())).extracting(TimelineEntry::body).doesNotContain("About 3,000");
    }

    @Test
    void correctionsAreNewEntriesAndTheOriginalStays() {
        CrisisCase c = outage();
        TimelineEntry wrong = cases.addEntry(c.id(), EntryKind.NOTE, "About 300 orders affected", null, "anna");
        clock.advance(Duration.ofMinutes(1));

        TimelineEntry fix = cases.correct(wrong.id(), "About 3,000 orders affected", "marek");

        assertThat(fix.kind()).isEqualTo(EntryKind.CORRECTION);
        assertThat(fix.correctsId()).isEqualTo(wrong.id());
        assertThat(cases.timeline(c.id())).extracting(TimelineEntry::body)
                .contains("About 300 orders affected", "About 3,000 orders affected");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTimelineEntries() {
        CrisisCase c = outage();
        TimelineEntry e = cases.addEntry(c.id(), EntryKind.NOTE, "original", null, "anna");

        assertThatThrownBy(() -> store.jdbi().useHandle(h -> h.createUpdate(
                "UPDATE timeline_entry SET body = 'silently edited' WHERE id = :id").bind("id", e.id()).execute()))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> store.jdbi().useHandle(h -> h.createUpdate(
                "DELETE FROM timeline_entry WHERE id = :id").bind("id", e.id()).execute()))
                .hasMessageContaining("append-only");
        assertThat(cases.timeline(c.id())).extracting(TimelineEntry::body).contains("original");
    }

    @Test
    void systemKindsCannotBeAddedByHand() {
        CrisisCase c = outage();
        assertThatThrownBy(() -> cases.addEntry(c.id(), EntryKind.STATUS_CHANGE, "resolved!", null, "anna"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> cases.addEntry(c.id(), EntryKind.NOTE, "   ", null, "anna"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> cases.addEntry(c.id(), EntryKind.NOTE, "x", null, " "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("author");
        assertThatThrownBy(() -> cases.addEntry(999, EntryKind.NOTE, "x", null, "anna"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no case #999");
    }

    @Test
    void editingACaseRecordsWhatChanged() {
        CrisisCase c = outage();
        clock.advance(Duration.ofMinutes(2));

        CrisisCase edited = cases.update(c.id(), c.version(),
                new CaseDetails("Checkout outage (EU)", 1, "Anna Nowak", "#CheckoutDown", "https://status.example.com"),
                "anna");

        assertThat(edited.title()).isEqualTo("Checkout outage (EU)");
        assertThat(edited.severity()).isEqualTo(1);
        assertThat(edited.version()).isEqualTo(c.version() + 1);
        TimelineEntry last = cases.timeline(c.id()).get(1);
        assertThat(last.kind()).isEqualTo(EntryKind.CASE_UPDATED);
        assertThat(last.body()).contains("title").contains("SEV2 High \u2192 SEV1 Critical").doesNotContain("owner");
    }

    @Test
    void anEditWithNoChangeWritesNothing() {
        CrisisCase c = outage();
        CrisisCase same = cases.update(c.id(), c.version(), c.details(), "anna");
        assertThat(same).isEqualTo(c);
        assertThat(cases.timeline(c.id())).hasSize(1);
    }

    @Test
    void aStaleEditIsRefusedInsteadOfOverwritingSomeoneElsesChange() {
        CrisisCase c = outage();
        cases.changeStatus(c.id(), c.version(), CaseStatus.ACTIVE, null, "marek");

        assertThatThrownBy(() -> cases.update(c.id(), c.version(),
                new CaseDetails("Other title", 3, null, null, null), "anna"))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(cases.get(c.id()).title()).isEqualTo("Checkout outage");
    }

    @Test
    void closingSetsTheClosedTimeAndReopeningClearsIt() {
        CrisisCase c = outage();
        clock.advance(Duration.ofMinutes(90));
        CrisisCase resolved = cases.changeStatus(c.id(), c.version(), CaseStatus.RESOLVED, "fix deployed", "anna");
        assertThat(resolved.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(resolved.closedAt()).isEqualTo(T0.plus(Duration.ofMinutes(90)));

        clock.advance(Duration.ofMinutes(10));
        CrisisCase reviewed = cases.changeStatus(c.id(), resolved.version(), CaseStatus.REVIEWED, null, "anna");
        assertThat(reviewed.closedAt()).as("closed time kept when moving between closed states")
                .isEqualTo(resolved.closedAt());

        CrisisCase reopened = cases.changeStatus(c.id(), reviewed.version(), CaseStatus.ACTIVE, "new reports", "anna");
        assertThat(reopened.closedAt()).isNull();
        assertThat(cases.timeline(c.id())).extracting(TimelineEntry::body)
                .contains("Status Open \u2192 Resolved: fix deployed", "Status Reviewed \u2192 Active (reopened): new reports");
    }

    @Test
    void detailsAreValidatedAndNormalised() {
        CaseDetails d = new CaseDetails("  Title  ", 4, "  ", "Tag_1", "");
        assertThat(d.title()).isEqualTo("Title");
        assertThat(d.owner()).isNull();
        assertThat(d.hashtag()).isEqualTo("#Tag_1");
        assertThat(d.hubUrl()).isNull();
        assertThat(new CaseDetails("t", 1, null, "#ЗбійOK", null).hashtag()).isEqualTo("#ЗбійOK");

        assertThatThrownBy(() -> new CaseDetails(" ", 1, null, null, null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("title");
        assertThatThrownBy(() -> new CaseDetails("t", 5, null, null, null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("severity");
        assertThatThrownBy(() -> new CaseDetails("t", 1, null, "#two words", null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("hashtag");
        assertThatThrownBy(() -> new CaseDetails("t", 1, null, null, "status.example.com"))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("hubUrl");
        assertThatThrownBy(() -> new CaseDetails("t", 1, null, null, "ftp://x.example.com"))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("hubUrl");
    }

    @Test
    void theStoreSurvivesReopening() {
        CrisisCase c = outage();
        cases.addEntry(c.id(), EntryKind.DECISION, "Apologise publicly within the hour", null, "anna");
        store.close();

        store = TestStores.openIn(tmp);
        cases = Services.create(store, clock).cases();
        assertThat(cases.get(c.id())).isEqualTo(c);
        assertThat(cases.timeline(c.id())).extracting(TimelineEntry::kind)
                .containsExactly(EntryKind.STATUS_CHANGE, EntryKind.DECISION);
    }

    @Test
    void addingWithAnAutosaveKeyDeletesTheAutosaveWithTheInsert() {
        CrisisCase c = outage();
        AutosaveService autosave = new AutosaveService(store.jdbi(), clock);
        String key = "timeline-composer:case:" + c.id();
        autosave.save(key, c.id(), "NOTE", "Support queue at 400 tickets");
        autosave.save("timeline-composer:case:999", null, "NOTE", "another editor");

        cases.addEntry(c.id(), EntryKind.NOTE, "Support queue at 400 tickets", null, "anna", key);

        assertThat(autosave.find(key)).isEmpty();
        assertThat(autosave.find("timeline-composer:case:999")).as("other editors untouched").isPresent();
        assertThat(cases.timeline(c.id())).extracting(TimelineEntry::body).contains("Support queue at 400 tickets");
    }

    @Test
    void whenTheAutosaveCannotBeDeletedTheEntryIsNotAddedEither() {
        CrisisCase c = outage();
        AutosaveService autosave = new AutosaveService(store.jdbi(), clock);
        String key = "timeline-composer:case:" + c.id();
        autosave.save(key, c.id(), "NOTE", "Draft reply to the journalist");
        // make the delete fail inside the transaction: the insert before it must roll back too
        store.jdbi().useHandle(h -> h.execute("CREATE TRIGGER autosave_no_delete BEFORE DELETE ON autosave "
                + "FOR EACH ROW CALL 'io.crisisconsole.store.AppendOnlyTrigger'"));

        assertThatThrownBy(() -> cases.addEntry(c.id(), EntryKind.NOTE, "Draft reply to the journalist", null,
                "anna", key)).hasMessageContaining("append-only");

        assertThat(cases.timeline(c.id())).extracting(TimelineEntry::body)
                .doesNotContain("Draft reply to the journalist");
        assertThat(autosave.find(key)).map(AutosavedText::content).contains("Draft reply to the journalist");
    }

    @Test
    void aFailedAddLeavesTheAutosaveInPlace() {
        CrisisCase c = outage();
        AutosaveService autosave = new AutosaveService(store.jdbi(), clock);
        String key = "timeline-composer:case:" + c.id();
        autosave.save(key, c.id(), "NOTE", "x");
        assertThatThrownBy(() -> cases.addEntry(c.id(), EntryKind.NOTE, "x", T0.plus(Duration.ofHours(1)), "a", key))
                .isInstanceOf(ValidationException.class);
        assertThat(autosave.find(key)).isPresent();
    }
}

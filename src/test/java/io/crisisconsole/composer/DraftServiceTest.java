package io.crisisconsole.composer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.ConcurrentChangeException;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftServiceTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    static final CheckReport CLEAN = new CheckReport(List.of(), List.of());

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    Services services;
    CaseService cases;
    DraftService drafts;
    CrisisCase outage;
    Contact anna;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(T0);
        services = Services.create(store, clock);
        cases = services.cases();
        drafts = services.drafts();
        outage = cases.open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutStatus",
                "https://status.example.com/checkout"), "anna");
        anna = services.contacts().create(new ContactDetails("Anna Nowak", "Head of PR", null,
                List.of(), List.of("anna@example.com"), List.of(), null, null, null, Set.of(ContactGroup.CRISIS_TEAM),
                null));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void followServiceOutagePlaybook() {
        PlaybookService playbooks = services.playbooks();
        BundledPlaybooks.importOnFirstRun(playbooks, BundledPlaybooks.AUTHOR);
        long id = playbooks.find("service-outage", "en").orElseThrow().id();
        services.casePlaybooks().assign(outage.id(), id, "anna");
    }

    private static CoreMessage core(String happened) {
        return new CoreMessage(happened, "Engineers are rolling back the release", "Retry in 30 minutes", "16:30",
                true, List.of("about 3,000 orders"));
    }

    private List<TimelineEntry> timeline() {
        return cases.timeline(outage.id());
    }

    private TimelineEntry lastEntry() {
        List<TimelineEntry> t = timeline();
        return t.get(t.size() - 1);
    }

    private Draft approved(Draft d) {
        Draft inReview = drafts.submitForReview(d.id(), d.version(), "anna");
        return drafts.approve(d.id(), inReview.version(), anna.id(), CLEAN, "anna");
    }

    @Test
    void variantsStartFromThePlaybookTemplatesOfTheStageWithPlaceholdersFilled() {
        followServiceOutagePlaybook();

        Draft d = drafts.create(outage.id(), "Holding statement", Stage.INVESTIGATING,
                core("Card payments fail at checkout."), "anna");

        assertThat(d.status()).isEqualTo(DraftStatus.DRAFT);
        assertThat(d.stage()).isEqualTo(Stage.INVESTIGATING);
        assertThat(d.currentVersion()).isEqualTo(1);
        DraftContent content = drafts.content(d.id());
        assertThat(content.core().whatHappened()).isEqualTo("Card payments fail at checkout.");
        assertThat(content.text(Channel.X)).isEqualTo("We know card payments fail at checkout. We are working on it and "
                + "are sorry for the trouble. Retry in 30 minutes Updates: https://status.example.com/checkout "
                + "#CheckoutStatus Next update 16:30.");
        assertThat(content.text(Channel.WEBSITE)).contains("What you can do meanwhile: Retry in 30 minutes")
                .contains("Follow #CheckoutStatus");
        assertThat(content.text(Channel.SMS)).as("no brand in the store: the placeholder stays visible")
                .startsWith("{{brand}}: Card payments fail at checkout. We are sorry");
        assertThat(content.text(Channel.FACEBOOK)).as("the playbook has a Facebook template for every stage")
                .startsWith("We know card payments fail at checkout, and we are sorry for the trouble.")
                .contains("What you can do meanwhile: Retry in 30 minutes").endsWith("#CheckoutStatus");
        assertThat(content.text(Channel.STAFF_MEMO)).as("the staff memo too, internal, no hashtag")
                .contains("What is happening: Card payments fail at checkout.").doesNotContain("#CheckoutStatus");
        assertThat(content.text(Channel.INSTAGRAM)).as("a channel the playbook does not list has no template").isEmpty();
        assertThat(content.variants()).hasSize(Channel.values().length);

        Draft resolved = drafts.create(outage.id(), "All clear", Stage.RESOLVED, "anna");
        assertThat(drafts.content(resolved.id()).text(Channel.X)).as("empty core: its placeholders stay")
                .startsWith("Fixed: {{issue}}. We are sorry").endsWith("https://status.example.com/checkout #CheckoutStatus");
        assertThat(drafts.content(resolved.id()).core().apology()).as("the playbook asks for an apology").isTrue();
        assertThat(drafts.list(outage.id())).extracting(Draft::title).containsExactly("All clear", "Holding statement");
    }

    @Test
    void withoutAPlaybookTheVariantsStartEmpty() {
        Draft d = drafts.create(outage.id(), "Holding statement", Stage.IDENTIFIED, "anna");

        assertThat(drafts.content(d.id()).variants()).allSatisfy(v -> assertThat(v.text()).isEmpty());
        assertThat(lastEntry().kind()).isEqualTo(EntryKind.CASE_UPDATED);
        assertThat(lastEntry().body()).isEqualTo("Draft message \u201cHolding statement\u201d started (identified, no playbook)");
        assertThatThrownBy(() -> drafts.create(outage.id(), " ", Stage.IDENTIFIED, "anna"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> drafts.create(9999, "x", Stage.IDENTIFIED, "anna"))
                .isInstanceOf(ValidationException.class).hasMessage("no case #9999");
    }

    @Test
    void aNewVersionOnlyWhenTheContentChanged() {
        Draft d = drafts.create(outage.id(), "Holding statement", Stage.INVESTIGATING, "anna");
        DraftContent v1 = drafts.content(d.id());

        Draft same = drafts.saveVersion(d.id(), d.version(), Stage.INVESTIGATING, v1, "anna");
        assertThat(same).isEqualTo(d);
        assertThat(drafts.versions(d.id())).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        DraftContent v2 = v1.withCore(core("Checkout fails")).withText(Channel.X, "We know checkout fails. #CheckoutStatus");
        Draft saved = drafts.saveVersion(d.id(), d.version(), Stage.INVESTIGATING, v2, "ben");
        assertThat(saved.currentVersion()).isEqualTo(2);
        Draft again = drafts.saveVersion(d.id(), saved.version(), Stage.INVESTIGATING,
                DraftContent.fromJson(v2.toJson()), "ben");
        assertThat(again.currentVersion()).as("the same content read back is no change").isEqualTo(2);

        List<DraftVersion> versions = drafts.versions(d.id());
        assertThat(versions).extracting(DraftVersion::version).containsExactly(1, 2);
        assertThat(versions.get(1).content()).isEqualTo(v2);
        assertThat(versions.get(1).author()).isEqualTo("ben");
        assertThat(versions.get(1).savedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(drafts.content(d.id()).text(Channel.X)).isEqualTo("We know checkout fails. #CheckoutStatus");

        assertThatThrownBy(() -> drafts.saveVersion(d.id(), d.version(), Stage.INVESTIGATING, v1, "anna"))
                .as("saved from an old copy").isInstanceOf(ConcurrentChangeException.class);

        Draft staged = drafts.saveVersion(d.id(), again.version(), Stage.IDENTIFIED, v2, "ben");
        assertThat(staged.stage()).isEqualTo(Stage.IDENTIFIED);
        assertThat(staged.currentVersion()).as("the stage is not content").isEqualTo(2);
    }

    @Test
    void versionsAreAppendOnlyInTheDatabase() {
        Draft d = drafts.create(outage.id(), "Holding statement", Stage.INVESTIGATING, "anna");
        assertThatThrownBy(() -> store.jdbi().useHandle(h -> h.execute("UPDATE draft_version SET author = 'x'")))
                .isInstanceOf(JdbiException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> store.jdbi().useHandle(h -> h.execute("DELETE FROM draft_version WHERE draft_id = ?",
                d.id()))).isInstanceOf(JdbiException.class).hasMessageContaining("append-only");
    }

    @Test
    void reviewAndApprovalAreWrittenToTheTimeline() {
        Draft d = drafts.create(outage.id(), "Holding statement", Stage.INVESTIGATING, "anna");
        assertThatThrownBy(() -> drafts.approve(d.id(), d.version(), anna.id(), CLEAN, "anna"))
                .as("not in review yet").isInstanceOf(ValidationException.class).hasMessageContaining("submit it for review");

        Draft inReview = drafts.submitForReview(d.id(), d.version(), "ben");
        assertThat(inReview.status()).isEqualTo(DraftStatus.IN_REVIEW);
        assertThat(lastEntry().kind()).isEqualTo(EntryKind.CASE_UPDATED);
        assertThat(lastEntry().body()).isEqualTo("Draft message \u201cHolding statement\u201d submitted for review (version 1)");
        assertThat(lastEntry().author()).isEqualTo("ben");
        assertThatThrownBy(() -> drafts.submitForReview(d.id(), inReview.version(), "ben"))
                .isInstanceOf(ValidationException.class);

        CheckReport withError = new CheckReport(List.of(), List.of(
                new Finding(Channel.X, "over-limit", Finding.Level.ERROR, 280, 300, "20 characters over the limit"),
                new Finding(Channel.SMS, "missing-hashtag", Finding.Level.WARNING, 10, 10, "no hashtag")));
        int entriesBefore = timeline().size();
        assertThatThrownBy(() -> drafts.approve(d.id(), inReview.version(), anna.id(), withError, "anna"))
                .isInstanceOf(ValidationException.class).hasMessage("cannot approve: the check found 1 error; fix it first");
        assertThat(drafts.get(d.id()).status()).isEqualTo(DraftStatus.IN_REVIEW);
        assertThat(timeline()).hasSize(entriesBefore);

        CheckReport warningOnly = new CheckReport(List.of(), List.of(withError.findings().get(1)));
        Draft ok = drafts.approve(d.id(), inReview.version(), anna.id(), warningOnly, "anna");
        assertThat(ok.status()).isEqualTo(DraftStatus.APPROVED);
        assertThat(ok.approvedByContactId()).isEqualTo(anna.id());
        assertThat(ok.approvedByName()).isEqualTo("Anna Nowak");
        assertThat(ok.approvedAt()).isEqualTo(T0);
        assertThat(lastEntry().kind()).isEqualTo(EntryKind.DECISION);
        assertThat(lastEntry().body()).isEqualTo(
                "Message \u201cHolding statement\u201d approved by Anna Nowak (version 1, investigating, 1 warning)");
        assertThatThrownBy(() -> drafts.approve(d.id(), ok.version(), 4242, CLEAN, "anna"))
                .isInstanceOf(ValidationException.class).hasMessage("no contact #4242");
    }

    @Test
    void theApprovedCoreIsTheCoreOfTheMostRecentlyApprovedDraftStillApproved() {
        assertThat(drafts.approvedCore(outage.id())).as("no draft yet").isEmpty();
        Draft first = drafts.create(outage.id(), "Holding statement", Stage.INVESTIGATING, core("Payments fail"), "anna");
        assertThat(drafts.approvedCore(outage.id())).as("a draft that is not approved does not count").isEmpty();
        Draft firstApproved = approved(first);
        assertThat(drafts.approvedCore(outage.id())).contains(core("Payments fail"));

        clock.advance(Duration.ofMinutes(30));
        Draft second = approved(drafts.create(outage.id(), "Update", Stage.IDENTIFIED, core("Card payments fail"),
                "anna"));
        assertThat(drafts.approvedCore(outage.id())).as("the newer approval").contains(core("Card payments fail"));

        // the newer one changed after approval: its approval is withdrawn, the earlier one is current again
        drafts.saveVersion(second.id(), second.version(), second.stage(),
                drafts.content(second.id()).withText(Channel.X, "New wording"), "ben");
        assertThat(drafts.approvedCore(outage.id())).contains(core("Payments fail"));
        drafts.reopen(first.id(), firstApproved.version(), "legal", "anna");
        assertThat(drafts.approvedCore(outage.id())).isEmpty();
    }

    @Test
    void editingAfterApprovalGoesBackToDraft() {
        Draft d = approved(drafts.create(outage.id(), "Holding statement", Stage.INVESTIGATING, "anna"));
        DraftContent changed = drafts.content(d.id()).withText(Channel.X, "New wording #CheckoutStatus");

        Draft edited = drafts.saveVersion(d.id(), d.version(), d.stage(), changed, "ben");

        assertThat(edited.status()).isEqualTo(DraftStatus.DRAFT);
        assertThat(edited.approvedAt()).isNull();
        assertThat(edited.approvedByContactId()).isNull();
        assertThat(edited.currentVersion()).isEqualTo(2);
        assertThat(lastEntry().kind()).isEqualTo(EntryKind.CASE_UPDATED);
        assertThat(lastEntry().body()).contains("changed after approval (version 2)").contains("approval by Anna Nowak");

        Draft again = approved(edited);
        Draft reopened = drafts.reopen(d.id(), again.version(), "legal wants another look", "anna");
        assertThat(reopened.status()).isEqualTo(DraftStatus.DRAFT);
        assertThat(lastEntry().body()).isEqualTo("Draft message \u201cHolding statement\u201d back to draft, the approval "
                + "by Anna Nowak no longer applies: legal wants another look");
    }

    @Test
    void publishedPerChannelWithAPastTimeNeverAFutureOne() {
        Draft d = drafts.create(outage.id(), "Holding statement", Stage.INVESTIGATING, "anna");
        Draft withText = drafts.saveVersion(d.id(), d.version(), d.stage(), drafts.content(d.id())
                .withText(Channel.X, "We know checkout fails. #CheckoutStatus"), "anna");
        assertThatThrownBy(() -> drafts.markPublished(d.id(), Channel.X, T0, "anna"))
                .as("not approved").isInstanceOf(ValidationException.class);
        approved(withText);

        clock.advance(Duration.ofMinutes(30));
        assertThatThrownBy(() -> drafts.markPublished(d.id(), Channel.X, clock.instant().plus(Duration.ofMinutes(10)),
                "anna")).isInstanceOf(ValidationException.class).hasMessageContaining("future");
        assertThatThrownBy(() -> drafts.markPublished(d.id(), Channel.FACEBOOK, T0, "anna"))
                .isInstanceOf(ValidationException.class).hasMessage("the Facebook variant is empty");

        Instant postedAt = T0.plus(Duration.ofMinutes(5));
        DraftPublication p = drafts.markPublished(d.id(), Channel.X, postedAt, "ben");

        assertThat(p.channel()).isEqualTo(Channel.X);
        assertThat(p.publishedAt()).isEqualTo(postedAt);
        assertThat(p.markedAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(p.markedBy()).isEqualTo("ben");
        assertThat(p.draftVersion()).isEqualTo(2);
        assertThat(drafts.publications(d.id())).containsExactly(p);
        TimelineEntry published = timeline().stream().filter(e -> e.kind() == EntryKind.MESSAGE_PUBLISHED)
                .findFirst().orElseThrow();
        assertThat(published.body()).isEqualTo(
                "X (\u201cHolding statement\u201d, version 2): We know checkout fails. #CheckoutStatus");
        assertThat(published.occurredAt()).as("dated when it went out").isEqualTo(postedAt);
        assertThat(published.recordedAt()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> drafts.markPublished(d.id(), Channel.X, postedAt, "ben"))
                .isInstanceOf(ValidationException.class).hasMessage("already marked published on X");
    }

    @Test
    void aPublicationBeforeTheApprovalIsRefused() {
        Draft d = drafts.create(outage.id(), "Holding statement", Stage.INVESTIGATING, "anna");
        Draft withText = drafts.saveVersion(d.id(), d.version(), d.stage(), drafts.content(d.id())
                .withText(Channel.X, "We know checkout fails. #CheckoutStatus"), "anna");
        clock.advance(Duration.ofSeconds(90));
        Draft ok = approved(withText);
        Instant approvedAt = ok.approvedAt();
        clock.advance(Duration.ofMinutes(20));

        assertThatThrownBy(() -> drafts.markPublished(d.id(), Channel.X, approvedAt.minus(Duration.ofMinutes(5)), "ben"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("before it was approved")
                .hasMessageContaining("X at 2026-11-24T08:56:00Z is before the approval at 2026-11-24T09:01:00Z");
        assertThat(drafts.publications(d.id())).isEmpty();
        Instant sameMinute = approvedAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        assertThat(drafts.markPublished(d.id(), Channel.X, sameMinute, "ben").publishedAt())
                .as("entered to the minute: the approval's minute is accepted").isEqualTo(sameMinute);
    }

    @Test
    void deletingTheApproverKeepsTheApprovalByName() {
        Draft d = approved(drafts.create(outage.id(), "Holding statement", Stage.INVESTIGATING, "anna"));
        assertThat(services.contacts().delete(anna.id())).isTrue();

        Draft after = drafts.get(d.id());
        assertThat(after.status()).isEqualTo(DraftStatus.APPROVED);
        assertThat(after.approvedByContactId()).isNull();
        assertThat(after.approvedByName()).isEqualTo("Anna Nowak");
    }

    @Test
    void contentSurvivesJson() {
        DraftContent c = DraftContent.empty().withCore(core("Checkout \u201cfails\u201d \uD83D\uDE14"))
                .withText(Channel.CALL_CENTRE, "Say: sorry\nthen: the hub");
        assertThat(DraftContent.fromJson(c.toJson())).isEqualTo(c);
    }
}

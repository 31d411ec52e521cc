package io.crisisconsole.debrief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.composer.Variant;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.Phone;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playbook changes a case suggests, computed from a seeded case (times, texts and lessons set here). */
class SuggestionServiceTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    Services services;
    SuggestionService suggestions;
    DraftService drafts;
    PlaybookService playbooks;
    CrisisCase outage;
    StoredPlaybook playbook;
    Contact approver;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(T0);
        services = Services.create(store, clock);
        suggestions = services.suggestions();
        drafts = services.drafts();
        playbooks = services.playbooks();
        BundledPlaybooks.importOnFirstRun(playbooks, BundledPlaybooks.AUTHOR);
        playbook = playbooks.find("service-outage", "en").orElseThrow();
        // this team's playbook has no holding template for the hub (website) at stage investigating
        String yaml = playbooks.current(playbook.id()).yaml();
        int from = yaml.indexOf("    - channel: website\n      stage: investigating\n");
        int to = yaml.indexOf("    - channel: x\n", from);
        playbook = playbooks.saveVersion(playbook.id(), 1, yaml.substring(0, from) + yaml.substring(to), "anna",
                "no website holding text");
        outage = services.cases().open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutStatus",
                "https://status.example.com/checkout"), "anna");
        services.casePlaybooks().assign(outage.id(), playbook.id(), "anna");
        approver = services.contacts().create(new ContactDetails("Anna Nowak", null, null,
                List.of(new Phone("mobile", "+48 600 100 200")), List.of("anna@example.com"), List.of(), null, null,
                null, Set.of(ContactGroup.CRISIS_TEAM), null));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Publishes {@code text} on {@code channel} {@code minutes} after the case opened. */
    private void publish(Channel channel, int minutes, String text) {
        clock.set(T0.plus(Duration.ofMinutes(minutes)));
        CoreMessage core = new CoreMessage("Checkout fails for some customers", "Engineers roll back the release",
                "Pay later", "11:30", false, List.of());
        Draft d = drafts.create(outage.id(), "Update " + minutes, Stage.INVESTIGATING, core, "anna");
        d = drafts.saveVersion(d.id(), d.version(), null, new DraftContent(core, List.of(new Variant(channel, text))),
                "anna");
        d = drafts.submitForReview(d.id(), d.version(), "anna");
        d = drafts.approve(d.id(), d.version(), approver.id(), new CheckReport(List.of(), List.of()), "anna");
        drafts.markPublished(d.id(), channel, null, "anna");
    }

    private Suggestion only(Suggestion.Reason reason) {
        List<Suggestion> of = suggestions.suggest(outage.id()).stream().filter(s -> s.reason() == reason).toList();
        assertThat(of).hasSize(1);
        return of.get(0);
    }

    @Test
    void aLateFirstPublicMessageSuggestsAHoldingTemplateForTheHubNamingTheMinutes() {
        publish(Channel.STAFF_MEMO, 5, "Staff: checkout fails, do not comment outside.");
        publish(Channel.WEBSITE, 47, "Checkout fails for some customers. Pay later. Next update 11:30.");

        Suggestion s = only(Suggestion.Reason.FIRST_PUBLIC_LATE);
        // 47 minutes from the opening to the website post (the staff memo is not public), target 30
        assertThat(s.key()).isEqualTo("sla.first_public_reply");
        assertThat(s.args()).containsExactly(47L, 30, "website");
        assertThat(s.proposal()).isInstanceOfSatisfying(Proposal.Template.class, t -> {
            assertThat(t.channel()).isEqualTo(Channel.WEBSITE);
            assertThat(t.stage()).isEqualTo(Stage.INVESTIGATING);
            assertThat(t.text()).contains("{{next_update}}");
        });

        PlaybookChange ch = suggestions.propose(outage.id(), s.key(), "anna");
        assertThat(ch.kind()).isEqualTo(ChangeKind.MISSING_TEMPLATE);
        assertThat(ch.source()).isEqualTo(ChangeSource.REVIEW);
        assertThat(ch.suggestion()).isEqualTo("sla.first_public_reply");
        assertThat(ch.yaml()).contains("    - channel: website\n      stage: investigating\n");
        // proposed once: not offered again, and proposing it again is refused with a sentence saying why
        assertThat(suggestions.suggest(outage.id())).noneMatch(x -> x.key().equals(s.key()));
        assertThatThrownBy(() -> suggestions.propose(outage.id(), s.key(), "anna"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("proposed already");
    }

    @Test
    void acceptingASuggestedChangeNamesTheReviewAndADebriefChangeStillNamesTheDebrief() {
        publish(Channel.WEBSITE, 41, "Checkout fails for some customers. Pay later. Next update 11:30.");
        PlaybookChange fromReview = suggestions.propose(outage.id(), "sla.first_public_reply", "anna");
        PlaybookChange accepted = services.debriefs().accept(fromReview.id(), "anna");
        assertThat(playbooks.version(playbook.id(), accepted.becameVersion()).note()).isEqualTo("Review of case #"
                + outage.id() + " 'Checkout outage': missing template for website at stage investigating");

        PlaybookChange fromDebrief = services.debriefs().proposeForbiddenPhrase(outage.id(), "en", "unprecedented",
                "anna");
        assertThat(fromDebrief.source()).isEqualTo(ChangeSource.DEBRIEF);
        assertThat(fromDebrief.suggestion()).isNull();
        PlaybookChange second = services.debriefs().accept(fromDebrief.id(), "anna");
        assertThat(playbooks.version(playbook.id(), second.becameVersion()).note())
                .startsWith("Debrief of case #" + outage.id() + " 'Checkout outage': forbidden phrase");
    }

    @Test
    void aFindingOnTwoPublicationsSuggestsTheWordsAsAForbiddenPhraseAndOnOneItDoesNot() {
        publish(Channel.X, 10, "Checkout fails for some customers, beyond our control. Pay later. Next update 11:30."
                + " #CheckoutStatus https://status.example.com/checkout");
        assertThat(suggestions.suggest(outage.id())).noneMatch(s -> s.reason() == Suggestion.Reason.RECURRING_FINDING
                && s.key().startsWith("finding.defensive"));

        publish(Channel.FACEBOOK, 30, "Checkout fails for some customers. It is beyond our control. Pay later. "
                + "Next update 11:30. #CheckoutStatus https://status.example.com/checkout");
        Suggestion s = suggestions.suggest(outage.id()).stream()
                .filter(x -> x.key().equals("finding.defensive.beyond our control")).findFirst().orElseThrow();
        assertThat(s.reason()).isEqualTo(Suggestion.Reason.RECURRING_FINDING);
        assertThat(s.args()).containsExactly("defensive", 2, "beyond our control");
        assertThat(s.proposal()).isEqualTo(new Proposal.ForbiddenPhrase("en", "beyond our control"));

        PlaybookChange ch = suggestions.propose(outage.id(), s.key(), "anna");
        assertThat(ch.kind()).isEqualTo(ChangeKind.FORBIDDEN_PHRASE);
        assertThat(ch.yaml()).contains("calm down, beyond our control]");
    }

    @Test
    void updatesFurtherApartThanTheIntervalSuggestAMonitoringTemplateForThatChannel() {
        publish(Channel.EMAIL, 10, "Checkout fails for some customers. Pay later. Next update 11:30.");
        publish(Channel.EMAIL, 70, "Checkout fails for some customers. Pay later. Next update 12:30.");

        Suggestion s = only(Suggestion.Reason.UPDATE_GAP);
        assertThat(s.key()).isEqualTo("sla.update_interval.email");
        assertThat(s.args()).containsExactly("email", 60L, 20);
        assertThat(s.proposal()).isInstanceOfSatisfying(Proposal.Template.class, t -> {
            assertThat(t.channel()).isEqualTo(Channel.EMAIL);
            assertThat(t.stage()).isEqualTo(Stage.MONITORING);
        });
        // the first public message (email, 10 min) was within its 30 minutes
        assertThat(suggestions.suggest(outage.id())).noneMatch(x -> x.reason() == Suggestion.Reason.FIRST_PUBLIC_LATE);
    }

    @Test
    void eachOpenLessonIsAFreeEditSeededWithTheYamlAndALineNamingTheLesson() {
        DebriefService debrief = services.debriefs();
        Lesson open = debrief.addLesson(outage.id(), new LessonInput("Pre-approve a holding text for the status page",
                "Anna Nowak", null, LocalDate.parse("2026-12-15")), "anna");
        Lesson done = debrief.addLesson(outage.id(), new LessonInput("Call the CEO sooner", "Piotr", null,
                LocalDate.parse("2026-12-15")), "anna");
        debrief.closeLesson(done.id(), "anna");

        Suggestion s = only(Suggestion.Reason.OPEN_LESSON);
        assertThat(s.key()).isEqualTo("lesson." + open.id());
        assertThat(s.args()).containsExactly("Pre-approve a holding text for the status page");
        String current = playbooks.current(playbook.id()).yaml();
        assertThat(s.proposal()).isInstanceOfSatisfying(Proposal.FreeEdit.class, f -> {
            assertThat(f.yaml()).isEqualTo("# TODO Lesson: Pre-approve a holding text for the status page\n" + current);
            assertThat(f.description()).isEqualTo("lesson: Pre-approve a holding text for the status page");
        });

        PlaybookChange ch = suggestions.propose(outage.id(), s.key(), "anna");
        assertThat(ch.kind()).isEqualTo(ChangeKind.FREE_EDIT);
        assertThat(ch.source()).isEqualTo(ChangeSource.REVIEW);
        assertThat(suggestions.suggest(outage.id())).noneMatch(x -> x.reason() == Suggestion.Reason.OPEN_LESSON);
    }

    @Test
    void theReviewsLessonsTextGivesOneFreeEditPerLine() {
        suggestions.setReviewFacts(new SuggestionService.ReviewFacts() {
            @Override
            public java.util.Optional<Instant> impactBegan(long caseId) {
                return java.util.Optional.of(T0.minus(Duration.ofMinutes(20)));
            }

            @Override
            public String lessons(long caseId) {
                return "Status page first\n\n  Name a spokesperson per shift  \n";
            }
        });
        publish(Channel.WEBSITE, 25, "Checkout fails for some customers. Pay later. Next update 11:30.");
        List<Suggestion> all = suggestions.suggest(outage.id());
        assertThat(all).filteredOn(s -> s.reason() == Suggestion.Reason.REVIEW_LESSON)
                .extracting(s -> s.args().get(0)).containsExactly("Status page first", "Name a spokesperson per shift");
        // counted from when the impact began (20 min before the opening): 45 min, not 25
        assertThat(all).filteredOn(s -> s.reason() == Suggestion.Reason.FIRST_PUBLIC_LATE)
                .singleElement().satisfies(s -> assertThat(s.args()).containsExactly(45L, 30, "website"));
    }
}

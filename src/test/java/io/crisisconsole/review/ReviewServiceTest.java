package io.crisisconsole.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.timeline.TimelineText;
import io.crisisconsole.toolkit.ConcurrentChangeException;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewServiceTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    Services services;
    ReviewService reviews;
    CrisisCase outage;
    Contact anna;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(T0);
        services = Services.create(store, clock);
        reviews = services.reviews();
        outage = services.cases().open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutStatus",
                "https://status.example.com/checkout"), "anna");
        anna = services.contacts().create(new ContactDetails("Anna Nowak", null, null, List.of(),
                List.of("anna@example.com"), List.of(), null, null, null, Set.of(ContactGroup.CRISIS_TEAM), null));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private void publish(Channel channel, int minute) {
        DraftService drafts = services.drafts();
        clock.set(at(minute));
        Draft d = drafts.create(outage.id(), "Update " + channel, Stage.INVESTIGATING, new CoreMessage("Checkout fails",
                "Engineers roll back", "Pay later", "11:30", true, List.of()), "anna");
        d = drafts.saveVersion(d.id(), d.version(), Stage.INVESTIGATING,
                drafts.content(d.id()).withText(channel, "Checkout fails; engineers are rolling back."), "anna");
        d = drafts.submitForReview(d.id(), d.version(), "anna");
        d = drafts.approve(d.id(), d.version(), anna.id(), new CheckReport(List.of(), List.of()), "anna");
        drafts.markPublished(d.id(), channel, at(minute), "anna");
    }

    private List<TimelineEntry> entries(EventCode code) {
        return services.cases().timeline(outage.id()).stream().filter(e -> code.code().equals(e.eventCode())).toList();
    }

    @Test
    void aFreshCaseHasOnlyTheTimesItsOpeningTells() {
        List<KeyTimeValue> times = reviews.keyTimes(outage.id());
        assertThat(times).extracting(KeyTimeValue::kind).containsExactly(KeyTime.values());
        assertThat(times).extracting(KeyTimeValue::at).containsExactly(T0, T0, null, null, null, null);
        assertThat(times).noneMatch(KeyTimeValue::edited);
        assertThat(reviews.review(outage.id())).isEqualTo(Review.empty(outage.id()));
    }

    @Test
    void keyTimesAreDerivedFromMentionsPublicationsAndStatusChanges() {
        services.inbox().addByHand(outage.id(), "checkout broken again", null, "x", "@kasia", at(-25), "anna");
        services.inbox().addByHand(outage.id(), "still broken", null, "x", "@olek", at(5), "anna");
        publish(Channel.CALL_CENTRE, 3);
        publish(Channel.STAFF_MEMO, 7);
        publish(Channel.X, 12);
        publish(Channel.WEBSITE, 20);
        CrisisCase c = services.cases().get(outage.id());
        clock.set(at(60));
        c = services.cases().changeStatus(c.id(), c.version(), CaseStatus.RESOLVED, "fixed", "anna");
        clock.set(at(70));
        c = services.cases().changeStatus(c.id(), c.version(), CaseStatus.ACTIVE, "back again", "anna");
        clock.set(at(90));
        services.cases().changeStatus(c.id(), c.version(), CaseStatus.RESOLVED, "fixed for good", "anna");

        assertThat(reviews.keyTimes(outage.id())).extracting(KeyTimeValue::at)
                // impact began with the first mention, 25 minutes before the case was opened; the
                // call centre is no public message; the hub without a playbook is the website; the
                // case was first resolved at 60
                .containsExactly(at(-25), T0, at(7), at(12), at(20), at(60));
    }

    @Test
    void withoutAStaffMemoTheFirstInternalAlertIsTheFirstEscalation() {
        clock.set(at(9));
        services.cases().addEntry(outage.id(), io.crisisconsole.timeline.EntryKind.ESCALATION,
                "Legal and the board told", at(9), "anna");
        assertThat(reviews.keyTime(outage.id(), KeyTime.FIRST_INTERNAL_ALERT).at()).isEqualTo(at(9));
    }

    @Test
    void aKeyTimeSetByHandIsKeptWithWhoWhenAndWhyAndCanGoBack() {
        clock.set(at(120));
        KeyTimeValue set = reviews.setKeyTime(outage.id(), KeyTime.IMPACT_BEGAN, at(-90),
                "payments failed from 07:30 per the provider's log", "piotr");
        assertThat(set).isEqualTo(new KeyTimeValue(KeyTime.IMPACT_BEGAN, at(-90), T0, true, "piotr", at(120),
                "payments failed from 07:30 per the provider's log"));

        clock.set(at(130));
        reviews.setKeyTime(outage.id(), KeyTime.IMPACT_BEGAN, at(-80), null, "anna");
        clock.set(at(140));
        KeyTimeValue back = reviews.setKeyTime(outage.id(), KeyTime.IMPACT_BEGAN, null, "the log was wrong", "anna");
        assertThat(back).isEqualTo(new KeyTimeValue(KeyTime.IMPACT_BEGAN, T0, T0, false, null, null, null));

        assertThat(reviews.keyTimeChanges(outage.id())).containsExactly(
                new KeyTimeChange(1, outage.id(), KeyTime.IMPACT_BEGAN, T0, at(-90),
                        "payments failed from 07:30 per the provider's log", "piotr", at(120)),
                new KeyTimeChange(2, outage.id(), KeyTime.IMPACT_BEGAN, at(-90), at(-80), null, "anna", at(130)),
                new KeyTimeChange(3, outage.id(), KeyTime.IMPACT_BEGAN, at(-80), null, "the log was wrong", "anna",
                        at(140)));

        TimelineText text = new TimelineText(English.MESSAGES);
        assertThat(entries(EventCode.REVIEW_KEY_TIME_SET)).extracting(text::render).containsExactly(
                "Key time \u201cimpact began\u201d set to 2026-11-24T07:30:00Z (was 2026-11-24T09:00:00Z): "
                        + "payments failed from 07:30 per the provider's log",
                "Key time \u201cimpact began\u201d set to 2026-11-24T07:40:00Z (was 2026-11-24T07:30:00Z)");
        assertThat(entries(EventCode.REVIEW_KEY_TIME_RESET)).extracting(text::render).containsExactly(
                "Key time \u201cimpact began\u201d back to the time from the record (2026-11-24T09:00:00Z): the log was wrong");
        assertThat(entries(EventCode.REVIEW_KEY_TIME_SET)).extracting(TimelineEntry::author).containsExactly("piotr",
                "anna");
    }

    @Test
    void settingTheTimeAKeyTimeAlreadyHasChangesNothing() {
        reviews.setKeyTime(outage.id(), KeyTime.DETECTED, null, "", "anna");
        reviews.setKeyTime(outage.id(), KeyTime.DETECTED, at(3), "", "anna");
        reviews.setKeyTime(outage.id(), KeyTime.DETECTED, at(3), "again", "anna");
        assertThat(reviews.keyTimeChanges(outage.id())).hasSize(1);
        assertThat(entries(EventCode.REVIEW_KEY_TIME_SET)).hasSize(1);
        assertThat(entries(EventCode.REVIEW_KEY_TIME_RESET)).isEmpty();
    }

    @Test
    void badKeyTimesAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> reviews.setKeyTime(outage.id(), KeyTime.RESOLVED, Instant.parse("1999-12-31T00:00:00Z"),
                "", "anna")).isInstanceOf(ValidationException.class).hasMessageContaining("before 2000-01-01");
        assertThatThrownBy(() -> reviews.setKeyTime(outage.id(), KeyTime.RESOLVED, at(5), "x".repeat(501), "anna"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("note is longer than 500");
        assertThatThrownBy(() -> reviews.setKeyTime(outage.id(), KeyTime.RESOLVED, at(5), "", " "))
                .isInstanceOf(ValidationException.class);
        assertThat(reviews.keyTimeChanges(outage.id())).isEmpty();
    }

    @Test
    void theTextsAreSavedAsVersionsAndAConcurrentSaveIsRefused() {
        ReviewText first = new ReviewText("Checkout failed for 2 h", "1,200 orders lost", "a bad deploy\nno canary",
                "roll back faster", "Checkout failed", "We rolled back", "Canary deploys");
        Review saved = reviews.save(outage.id(), 0, first, "anna");
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.text()).isEqualTo(first);
        assertThat(reviews.save(outage.id(), 1, first, "anna").version()).isEqualTo(1);

        ReviewText second = new ReviewText("Checkout failed for 2 h 10 min", first.impact(), first.contributingFactors(),
                first.lessons(), first.externalWhatHappened(), first.externalWhatWeDid(), first.externalWhatChanges());
        assertThat(reviews.save(outage.id(), 1, second, "piotr").version()).isEqualTo(2);
        assertThatThrownBy(() -> reviews.save(outage.id(), 1, first, "anna"))
                .isInstanceOf(ConcurrentChangeException.class).hasMessageContaining("version 2");
        assertThat(reviews.review(outage.id()).text()).isEqualTo(second);
        assertThat(entries(EventCode.REVIEW_SAVED)).hasSize(2);
        assertThatThrownBy(() -> reviews.save(outage.id(), 2, new ReviewText("x".repeat(20_001), "", "", "", "", "", ""),
                "anna")).isInstanceOf(ValidationException.class).hasMessageContaining("summary is longer than 20000");
    }
}

package io.crisisconsole.playbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.toolkit.Settings;
import io.crisisconsole.toolkit.SettingsStore;
import io.crisisconsole.toolkit.Theme;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan-review reminders: not reviewed in N days, or not changed after a case that followed the playbook. */
class PlaybookReviewServiceTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    Services services;
    PlaybookReviewService reviews;
    StoredPlaybook outage;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(T0);
        services = Services.create(store, clock);
        reviews = services.playbookReviews();
        BundledPlaybooks.importOnFirstRun(services.playbooks(), BundledPlaybooks.AUTHOR);
        outage = services.playbooks().find("service-outage", "en").orElseThrow();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aPlaybookNotReviewedInMoreThanTheDaysIsFlaggedAndMarkingItReviewedClearsIt() {
        clock.set(T0.plus(Duration.ofDays(180)));
        assertThat(reviews.reminder(outage.id(), 180).flagged()).isFalse();

        clock.set(T0.plus(Duration.ofDays(181)));
        PlanReminder due = reviews.reminder(outage.id(), 180);
        assertThat(due.overdue()).isTrue();
        assertThat(due.flagged()).isTrue();
        assertThat(due.daysSince()).isEqualTo(181);
        assertThat(due.reviewedAt()).isEqualTo(T0);
        assertThat(due.marked()).isFalse();
        assertThat(reviews.reminders(180).values()).allMatch(PlanReminder::flagged);
        // a shorter or longer setting moves the line
        assertThat(reviews.reminder(outage.id(), 200).flagged()).isFalse();

        PlaybookReviewMark mark = reviews.markReviewed(outage.id(), "anna");
        assertThat(mark.reviewedAt()).isEqualTo(T0.plus(Duration.ofDays(181)));
        PlanReminder after = reviews.reminder(outage.id(), 180);
        assertThat(after.flagged()).isFalse();
        assertThat(after.marked()).isTrue();
        assertThat(after.reviewedBy()).isEqualTo("anna");
        assertThat(reviews.marks(outage.id())).containsExactly(mark);
    }

    @Test
    void aNewVersionCountsAsAReview() {
        clock.set(T0.plus(Duration.ofDays(200)));
        String yaml = services.playbooks().current(outage.id()).yaml();
        services.playbooks().saveVersion(outage.id(), 1, yaml.replace("title: Service outage", "title: Outage"), "piotr",
                "renamed");
        PlanReminder r = reviews.reminder(outage.id(), 180);
        assertThat(r.flagged()).isFalse();
        assertThat(r.reviewedBy()).isEqualTo("piotr");
        assertThat(r.reviewedAt()).isEqualTo(T0.plus(Duration.ofDays(200)));
    }

    @Test
    void aCaseClosedAfterTheNewestVersionFlagsThePlaybookNamingTheCaseUntilItIsReviewed() {
        clock.set(T0.plus(Duration.ofDays(10)));
        CrisisCase c = services.cases().open(new CaseDetails("Checkout outage", 2, "Anna", "CheckoutStatus",
                "https://status.example.com"), "anna");
        services.casePlaybooks().assign(c.id(), outage.id(), "anna");
        assertThat(reviews.reminder(outage.id(), 180).flagged()).as("still open").isFalse();

        clock.advance(Duration.ofHours(5));
        for (String step : new String[] {"open-case", "holding-statement", "brief-front-line", "resolved-statement"}) {
            services.checklist().skip(c.id(), step, "a test of the reminder", "anna");
        }
        c = services.cases().changeStatus(c.id(), c.version(), CaseStatus.RESOLVED, "fixed", "anna");
        PlanReminder r = reviews.reminder(outage.id(), 180);
        assertThat(r.overdue()).isFalse();
        assertThat(r.flagged()).isTrue();
        assertThat(r.closedCase().id()).isEqualTo(c.id());
        assertThat(r.closedCase().title()).isEqualTo("Checkout outage");
        assertThat(r.closedCase().exercise()).isFalse();
        // another playbook the case did not follow stays unflagged
        StoredPlaybook other = services.playbooks().list().stream().filter(p -> p.id() != outage.id()).findFirst()
                .orElseThrow();
        assertThat(reviews.reminder(other.id(), 180).flagged()).isFalse();

        clock.advance(Duration.ofHours(1));
        reviews.markReviewed(outage.id(), "anna");
        assertThat(reviews.reminder(outage.id(), 180).flagged()).isFalse();
    }

    @Test
    void theIntervalIsADayCountFromOneToTenYearsAndMarkingNeedsAnAuthor() {
        assertThatThrownBy(() -> reviews.reminder(outage.id(), 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("from 1 to 3650");
        assertThatThrownBy(() -> reviews.markReviewed(outage.id(), " ")).isInstanceOf(ValidationException.class);
    }

    @Test
    void theSettingDefaultsTo180DaysAndIsStored() throws Exception {
        SettingsStore file = new SettingsStore(tmp.resolve("settings.json"));
        assertThat(file.load().reviewDays()).isEqualTo(180);
        assertThat(Settings.defaults().reviewDays()).isEqualTo(PlaybookReviewService.DEFAULT_DAYS);
        file.save(new Settings("anna", Theme.DARK, null).withPlanReviewDays(90));
        assertThat(file.load().reviewDays()).isEqualTo(90);
        assertThat(file.load().authorName()).isEqualTo("anna");
        assertThat(file.load().withBrandName("Acme").reviewDays()).isEqualTo(90);
    }
}

package io.crisisconsole.review.report;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.composer.Variant;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.debrief.LessonInput;
import io.crisisconsole.debrief.SlaTarget;
import io.crisisconsole.inbox.InboxQuery;
import io.crisisconsole.inbox.IncomingMention;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.Sentiment;
import io.crisisconsole.inbox.Visibility;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.review.KeyTime;
import io.crisisconsole.review.ReviewText;
import io.crisisconsole.services.Services;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A real case seeded through the services with known figures (the review report tests read it):
 * six mentions with sentiments, reach and answers at known minutes, two approved drafts published
 * on three channels (the X text too long: an over-limit finding), a checklist with a step done late
 * and one skipped, a note with hostile text and its correction, a lesson, a proposed SLA change,
 * the review texts and two key times set by hand.
 */
final class ReviewReportFixture {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    static final String HOSTILE = "<script>alert(1)</script> | pipe **bold** [link](javascript:x)";

    /** A seeded mention: minute published, sentiment, reach, minute answered (null: never). */
    record Seed(int minute, Sentiment sentiment, Long reach, Integer answeredMinute) {
    }

    static final List<Seed> MENTIONS = List.of(
            new Seed(-10, Sentiment.NEGATIVE, 1000L, null),
            new Seed(2, Sentiment.NEGATIVE, 500L, 20),
            new Seed(4, Sentiment.NEUTRAL, null, 70),
            new Seed(16, Sentiment.POSITIVE, 200L, 21),
            new Seed(40, Sentiment.UNKNOWN, 50L, null),
            new Seed(200, Sentiment.POSITIVE, 10L, null));
    /** Impact began and resolved, both set by hand. */
    static final int IMPACT_MINUTE = -5;
    static final int RESOLVED_MINUTE = 180;
    /** When the report is built (the case's now). */
    static final int NOW_MINUTE = 300;

    final Services services;
    final MutableClock clock;
    final CrisisCase outage;
    final StoredPlaybook playbook;
    final Contact lena;
    final List<Mention> mentions = new ArrayList<>();
    TimelineEntry note;
    TimelineEntry correction;
    long holdingDraft;
    long updateDraft;

    ReviewReportFixture(Services services, MutableClock clock) {
        this.services = services;
        this.clock = clock;
        clock.set(T0);
        BundledPlaybooks.importOnFirstRun(services.playbooks(), BundledPlaybooks.AUTHOR);
        playbook = services.playbooks().find("service-outage", "en").orElseThrow();
        outage = services.cases().open(new CaseDetails("Checkout outage " + HOSTILE, 2, "Anna Nowak",
                "CheckoutStatus", "https://status.example.com/checkout"), "anna");
        services.casePlaybooks().assign(outage.id(), playbook.id(), "anna");
        lena = services.contacts().create(new ContactDetails("Lena Legal", null, null, List.of(),
                List.of("lena@example.com"), List.of(), null, null, null, Set.of(ContactGroup.LEGAL), null));
        clock.set(at(1));
        List<IncomingMention> rows = new ArrayList<>();
        for (int i = 0; i < MENTIONS.size(); i++) {
            Seed s = MENTIONS.get(i);
            rows.add(new IncomingMention(i + 2, "m" + i, "https://x.com/u" + i + "/status/" + i, "x", "user" + i,
                    at(s.minute()), i == 0 ? HOSTILE : "Checkout broken, mention " + i, "en", s.sentiment(), s.reach(),
                    null));
        }
        clock.set(at(NOW_MINUTE));
        services.inbox().importMentions(outage.id(), "listening.csv", rows, "anna");
        mentions.addAll(services.inbox().list(outage.id(), InboxQuery.all()).stream()
                .sorted((a, b) -> a.publishedAt().compareTo(b.publishedAt())).toList());
        for (int i = 0; i < MENTIONS.size(); i++) {
            Integer answered = MENTIONS.get(i).answeredMinute();
            if (answered != null) {
                services.inbox().recordAnswer(mentions.get(i).id(), Visibility.PUBLIC, at(answered), "We are on it",
                        "anna");
            }
        }

        clock.set(at(10));
        holdingDraft = publishDraft("Holding statement", List.of(
                new Variant(Channel.WEBSITE, "We know checkout fails and are fixing it. Next update at 09:50."),
                new Variant(Channel.X, "Checkout fails; we are fixing it. " + "More at status.example.com ".repeat(12))),
                Channel.WEBSITE, 12, Channel.X, 12);
        clock.set(at(45));
        updateDraft = publishDraft("Update 1", List.of(
                new Variant(Channel.WEBSITE, "Engineers rolled back the change; checkout works again for most."),
                new Variant(Channel.FACEBOOK, "Checkout works again for most of you. Thank you for your patience.")),
                Channel.WEBSITE, 50, Channel.FACEBOOK, 50);

        clock.set(at(NOW_MINUTE));
        services.checklist().markDone(outage.id(), "open-case", at(25), "anna");
        services.checklist().markDone(outage.id(), "holding-statement", at(12), "anna");
        services.checklist().skip(outage.id(), "brief-front-line", "the call centre was closed " + HOSTILE, "anna");

        note = services.cases().addEntry(outage.id(), EntryKind.NOTE, HOSTILE, at(30), "anna");
        correction = services.cases().correct(note.id(), "Rollback started at 09:30", "piotr");

        services.debriefs().saveHotWash(outage.id(), 0, "Holding statement in 12 min", "Status page lagged",
                "It hit at night", "anna");
        services.debriefs().addLesson(outage.id(), LessonInput.of("Canary every deploy " + HOSTILE, "Piotr",
                LocalDate.parse("2026-12-15")), "anna");
        services.debriefs().proposeSla(outage.id(), SlaTarget.UPDATE_INTERVAL, 15, "anna");

        services.reviews().save(outage.id(), 0, new ReviewText("Checkout failed for three hours. " + HOSTILE,
                "1,200 orders lost", "a bad deploy\n\nno canary\n", "roll back faster\ncanary deploys",
                "Checkout failed " + HOSTILE, "We rolled back", "Canary deploys"), "anna");
        services.reviews().setKeyTime(outage.id(), KeyTime.IMPACT_BEGAN, at(IMPACT_MINUTE), "provider log " + HOSTILE,
                "piotr");
        services.reviews().setKeyTime(outage.id(), KeyTime.RESOLVED, at(RESOLVED_MINUTE), null, "piotr");
    }

    /** The fixture seeded into {@code store} (open, closed by the caller) with services on a clock of its own. */
    static ReviewReportFixture seed(io.crisisconsole.store.Store store) {
        MutableClock clock = new MutableClock(T0);
        return new ReviewReportFixture(Services.create(store, clock), clock);
    }

    /** The English report of the seeded case in UTC, built now. */
    ReviewReport report(String by) {
        return services.reviewReports().build(outage.id(), by, io.crisisconsole.testsupport.English.MESSAGES,
                FORMATS, ExportProgress.none());
    }

    static final io.crisisconsole.toolkit.Formats FORMATS = new io.crisisconsole.toolkit.Formats(
            io.crisisconsole.testsupport.English.MESSAGES, java.time.ZoneOffset.UTC);

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private long publishDraft(String title, List<Variant> variants, Channel first, int firstMinute, Channel second,
            int secondMinute) {
        var drafts = services.drafts();
        CoreMessage core = new CoreMessage("Checkout fails", "Engineers roll back", "Pay later", "09:50", false,
                List.of());
        Draft d = drafts.create(outage.id(), title, Stage.INVESTIGATING, core, "anna");
        d = drafts.saveVersion(d.id(), d.version(), Stage.INVESTIGATING, new DraftContent(core, variants), "anna");
        d = drafts.submitForReview(d.id(), d.version(), "anna");
        d = drafts.approve(d.id(), d.version(), lena.id(), new CheckReport(List.of(), List.of()), "anna");
        clock.set(at(Math.max(firstMinute, secondMinute)));
        drafts.markPublished(d.id(), first, at(firstMinute), "anna");
        drafts.markPublished(d.id(), second, at(secondMinute), "anna");
        return d.id();
    }

    /** Runs the bundled drill scenario with its scripted team (as ScriptedRunTest does); its case id. */
    static long runDrill(Services services) throws java.io.IOException, InterruptedException {
        BundledPlaybooks.importOnFirstRun(services.playbooks(), "test");
        services.contacts().create(new ContactDetails("Anna Nowak", null, null, List.of(), List.of("anna@example.com"),
                List.of(), null, null, null, Set.of(ContactGroup.CRISIS_TEAM), null));
        String yaml = resource("drill.en.yaml");
        io.crisisconsole.rehearsal.Scenario s = new io.crisisconsole.rehearsal.ScenarioReader().read("drill.en.yaml",
                yaml).scenario();
        return services.exerciseRuns().run(s, yaml, null, io.crisisconsole.rehearsal.ScriptedRun.readScript(
                "drill-team.yaml", resource("drill-team.yaml")), "Fiona Facilitator", 0, line -> { });
    }

    private static String resource(String name) throws java.io.IOException {
        try (var in = ReviewReportFixture.class.getClassLoader()
                .getResourceAsStream("io/crisisconsole/rehearsal/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}

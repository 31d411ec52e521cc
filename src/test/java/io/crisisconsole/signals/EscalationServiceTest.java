package io.crisisconsole.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.inbox.InboxFixture;
import io.crisisconsole.inbox.IncomingMention;
import io.crisisconsole.inbox.Sentiment;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proposals from the bundled service-outage thresholds (100 mentions an hour or a journalist; 2 hours). */
class EscalationServiceTest {

    static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    Services services;
    EscalationService escalations;
    CrisisCase outage;
    int next;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(START);
        services = Services.create(store, clock);
        escalations = services.escalations();
        outage = InboxFixture.caseWithPlaybook(services);
        services.contacts().create(new ContactDetails("Erik Berg", "CEO", null, List.of(), List.of("erik@example.com"),
                List.of(), null, null, null, Set.of(ContactGroup.EXECUTIVES), null));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** {@code n} mentions published over the {@code minutes} before now. */
    void mentions(int n, int minutes) {
        List<IncomingMention> rows = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < n; i++) {
            next++;
            rows.add(new IncomingMention(next, "m" + next, "https://x.com/p/" + next, "x", "user" + next,
                    now.minusSeconds((long) minutes * 60 * i / n), "Checkout still broken " + next, "en",
                    Sentiment.NEGATIVE, null, null));
        }
        services.inbox().importMentions(outage.id(), "f.csv", rows, "anna");
    }

    List<TimelineEntry> entries(String code) {
        return services.timeline().list(outage.id()).stream().filter(e -> code.equals(e.eventCode())).toList();
    }

    @Test
    void volumeProposesAcceptRaisesTheSeverityAndOnlyAHigherLevelPromptsAgain() {
        assertThat(escalations.evaluate(outage.id()).proposals()).isEmpty();
        clock.advance(Duration.ofMinutes(30));
        mentions(142, 50);

        List<Proposal> proposals = escalations.evaluate(outage.id()).proposals();
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.threshold()).isZero();
            assertThat(p.when()).isEqualTo("More than 100 mentions an hour, or a journalist asks.");
            assertThat(p.met()).containsExactly(new Met(Signal.MENTIONS_PER_HOUR, 142, 100, 1));
            assertThat(p.severity()).isEqualTo(2);
            assertThat(p.raiseTo()).isEqualTo(1);
            assertThat(p.roles()).containsExactly("executive-sponsor", "spokesperson");
            assertThat(p.contacts().get(0).people()).containsExactly("Erik Berg");
            assertThat(p.contacts().get(1).people()).as("nobody is a spokesperson yet").isEmpty();
        });

        CrisisCase after = escalations.accept(proposals.get(0), "anna");
        assertThat(after.severity()).isEqualTo(1);
        assertThat(entries("escalation.accepted")).singleElement().satisfies(e -> {
            assertThat(e.body()).isEqualTo("Escalation accepted: 142 mentions in the last hour, threshold 100 "
                    + "(threshold: More than 100 mentions an hour, or a journalist asks.); SEV2 \u2192 SEV1; "
                    + "notify executive-sponsor, spokesperson");
            assertThat(e.eventArgs()).containsEntry("threshold", 0).containsEntry("roles",
                    "executive-sponsor, spokesperson");
        });
        assertThat(entries("case.updated")).last().satisfies(e -> assertThat(e.body()).isEqualTo("severity SEV2 High \u2192 SEV1 Critical"));
        assertThat(escalations.evaluate(outage.id()).proposals()).as("accepted at this level").isEmpty();

        mentions(80, 40);
        assertThat(escalations.evaluate(outage.id()).proposals()).singleElement()
                .satisfies(p -> assertThat(p.met()).containsExactly(new Met(Signal.MENTIONS_PER_HOUR, 222, 100, 2)));
    }

    @Test
    void dismissingSilencesTheThresholdForAnHour() {
        clock.advance(Duration.ofMinutes(125));
        Proposal p = escalations.evaluate(outage.id()).proposals().get(0);
        assertThat(p.threshold()).isEqualTo(1);
        assertThat(p.met()).containsExactly(new Met(Signal.DURATION, 125, 120, 1));

        escalations.dismiss(p, "anna");
        assertThat(entries("escalation.dismissed")).singleElement().satisfies(e -> assertThat(e.body())
                .isEqualTo("Escalation dismissed: open 125 minutes, threshold 120 (threshold: The outage lasts longer "
                        + "than 2 hours.); silent for 60 minutes"));
        assertThat(services.cases().get(outage.id()).severity()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(59));
        assertThat(escalations.evaluate(outage.id()).proposals()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(escalations.evaluate(outage.id()).proposals()).extracting(Proposal::threshold).containsExactly(1);
    }

    @Test
    void anOpenMediaInquiryIsMet() {
        mentions(1, 1);
        long id = services.inbox().list(outage.id(), io.crisisconsole.inbox.InboxQuery.all()).get(0).id();
        services.inbox().setType(id, io.crisisconsole.inbox.InboxType.MEDIA_INQUIRY, "anna");
        assertThat(escalations.evaluate(outage.id()).proposals()).singleElement()
                .satisfies(p -> assertThat(p.met()).containsExactly(new Met(Signal.MEDIA_INQUIRY, 1, 1, 1)));
    }

    @Test
    void acceptingIsOneTransaction() {
        clock.advance(Duration.ofMinutes(125));
        Proposal p = escalations.evaluate(outage.id()).proposals().get(0);
        // a threshold text the timeline refuses (over 20,000 characters): the severity change goes back too
        Proposal tooLong = new Proposal(p.caseId(), p.threshold(), "x".repeat(20_001), p.met(), p.severity(),
                p.raiseTo(), p.contacts());
        assertThatThrownBy(() -> escalations.accept(tooLong, "anna")).isInstanceOf(ValidationException.class);
        assertThat(services.cases().get(outage.id()).severity()).isEqualTo(2);
        assertThat(entries("case.updated")).isEmpty();
    }
}

package io.crisisconsole.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseCloseRefusedException;
import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.Phone;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.timeline.TimelineText;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceServicesTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    Services services;
    CaseService cases;
    ChecklistService checklist;
    CrisisCase outage;
    Contact anna;
    Contact piotr;
    Contact carla;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(T0);
        services = Services.create(store, clock);
        cases = services.cases();
        checklist = services.checklist();
        outage = cases.open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutStatus",
                "https://status.example.com/checkout"), "anna");
        anna = contact("Anna Nowak", "anna@example.com", ContactGroup.CRISIS_TEAM);
        piotr = contact("Piotr Zieliński", "piotr@example.com", ContactGroup.CRISIS_TEAM);
        carla = contact("Carla Ruiz", "carla@example.com", ContactGroup.CUSTOMER_CARE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Contact contact(String name, String email, ContactGroup group) {
        return services.contacts().create(new ContactDetails(name, null, null, List.of(new Phone("mobile", "+48 600 100 200")),
                List.of(email), List.of(), null, null, null, Set.of(group), null));
    }

    private void followServiceOutage() {
        PlaybookService playbooks = services.playbooks();
        BundledPlaybooks.importOnFirstRun(playbooks, BundledPlaybooks.AUTHOR);
        services.casePlaybooks().assign(outage.id(), playbooks.find("service-outage", "en").orElseThrow().id(), "anna");
    }

    private List<TimelineEntry> entries(EventCode code) {
        return cases.timeline(outage.id()).stream().filter(e -> code.code().equals(e.eventCode())).toList();
    }

    private static ChecklistItem item(Checklist list, String stepId) {
        return list.items().stream().filter(i -> i.step().id().equals(stepId)).findFirst().orElseThrow();
    }

    @Test
    void theChecklistIsThePlaybooksStepsDueFromTheOpeningAndAssignedFromTheCallList() {
        assertThat(checklist.checklist(outage.id())).isEmpty();
        followServiceOutage();

        Checklist list = checklist.checklist(outage.id()).orElseThrow();
        Playbook playbook = services.casePlaybooks().currentPlaybook(outage.id()).orElseThrow();
        assertThat(list.items()).extracting(i -> i.step().id())
                .containsExactlyElementsOf(playbook.how().steps().stream().map(Playbook.Step::id).toList());
        ChecklistItem open = item(list, "open-case");
        assertThat(open.due()).isEqualTo(outage.openedAt().plus(Duration.ofMinutes(15)));
        assertThat(open.ownerName()).isEqualTo("Incident lead");
        // incident-lead is filled from the crisis-team group: both people, in the contacts' order
        assertThat(open.candidates()).extracting(Contact::name).containsExactlyInAnyOrder("Anna Nowak", "Piotr Zieliński");
        assertThat(open.assignee()).isEqualTo(open.candidates().get(0));
        assertThat(item(list, "brief-front-line").assignee().name()).isEqualTo("Carla Ruiz");
        // nobody is in the specialists group: no one to assign
        assertThat(list.items()).allSatisfy(i -> assertThat(i.state()).isEqualTo(StepState.OPEN));
        assertThat(open.step().required()).isTrue();
        assertThat(item(list, "answer-complaints").step().required()).isFalse();

        assertThat(list.late(T0.plus(Duration.ofMinutes(14)))).isZero();
        // at T+31: open-case (15), holding-statement (30) and brief-front-line (30) are late
        assertThat(list.late(outage.openedAt().plus(Duration.ofMinutes(31)))).isEqualTo(3);
        assertThat(list.next().orElseThrow().step().id()).isEqualTo("open-case");
    }

    @Test
    void doneSkippedReopenedAndReassignedStepsAreStoredAndWrittenToTheTimeline() {
        followServiceOutage();
        clock.advance(Duration.ofMinutes(20));

        Checklist list = checklist.markDone(outage.id(), "open-case", null, "anna");
        ChecklistItem open = item(list, "open-case");
        assertThat(open.state()).isEqualTo(StepState.DONE);
        assertThat(open.doneAt()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
        assertThat(open.doneLate()).isTrue();
        assertThat(open.by()).isEqualTo("anna");
        // done again: nothing changes, no second entry
        checklist.markDone(outage.id(), "open-case", null, "anna");
        assertThat(entries(EventCode.STEP_DONE)).hasSize(1);
        TimelineEntry done = entries(EventCode.STEP_DONE).get(0);
        assertThat(done.eventArgs()).containsEntry("stepId", "open-case").containsEntry("late", "true");
        assertThat(new TimelineText(English.MESSAGES).render(done))
                .isEqualTo("Step done: Open the case, set the severity, alert the crisis team (after its due time)");

        // done earlier than written down, within its due time
        Checklist earlier = checklist.markDone(outage.id(), "holding-statement", T0.plus(Duration.ofMinutes(12)), "anna");
        assertThat(item(earlier, "holding-statement").doneLate()).isFalse();
        // the timeline is in the order things happened: the holding statement first
        assertThat(entries(EventCode.STEP_DONE).get(0).eventArgs()).containsEntry("stepId", "holding-statement");
        assertThat(entries(EventCode.STEP_DONE).get(0).occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(12)));

        assertThatThrownBy(() -> checklist.skip(outage.id(), "brief-front-line", "  ", "anna"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("with a reason");
        Checklist skipped = checklist.skip(outage.id(), "brief-front-line", "No call centre on Sundays", "anna");
        assertThat(item(skipped, "brief-front-line").state()).isEqualTo(StepState.SKIPPED);
        assertThat(item(skipped, "brief-front-line").reason()).isEqualTo("No call centre on Sundays");
        assertThat(new TimelineText(English.MESSAGES).render(entries(EventCode.STEP_SKIPPED).get(0)))
                .isEqualTo("Step skipped: Brief customer care and the call centre with the same facts and script. "
                        + "Reason: No call centre on Sundays");

        Checklist reopened = checklist.reopen(outage.id(), "brief-front-line", "anna");
        assertThat(item(reopened, "brief-front-line").state()).isEqualTo(StepState.OPEN);
        assertThat(item(reopened, "brief-front-line").doneAt()).isNull();
        assertThat(entries(EventCode.STEP_REOPENED)).singleElement()
                .satisfies(e -> assertThat(e.eventArgs()).containsEntry("from", "SKIPPED"));

        Checklist given = checklist.assign(outage.id(), "regular-updates", piotr.id(), "anna");
        assertThat(item(given, "regular-updates").assignee().name()).isEqualTo("Piotr Zieliński");
        assertThat(new TimelineText(English.MESSAGES).render(entries(EventCode.STEP_ASSIGNED).get(0)))
                .isEqualTo("Step Update the hub and channels every 20 minutes for the first 2 hours given to Piotr Zieliński");
        // read again from the store: the same
        assertThat(checklist.checklist(outage.id()).orElseThrow()).isEqualTo(given);

        assertThatThrownBy(() -> checklist.markDone(outage.id(), "no-such-step", null, "anna"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("has no step 'no-such-step'")
                .hasMessageContaining("open-case, holding-statement");
        assertThatThrownBy(() -> checklist.markDone(outage.id(), "review", T0.plus(Duration.ofHours(1)), "anna"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("in the future");
        assertThatThrownBy(() -> checklist.markDone(outage.id(), "review", T0.minus(Duration.ofHours(1)), "anna"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("before the case was opened");
    }

    @Test
    void aCaseIsNotResolvedWhileARequiredStepIsOpenAndTheRefusalNamesThem() {
        followServiceOutage();
        checklist.markDone(outage.id(), "open-case", null, "anna");
        CrisisCase c = cases.get(outage.id());

        assertThatThrownBy(() -> cases.changeStatus(c.id(), c.version(), CaseStatus.RESOLVED, null, "anna"))
                .isInstanceOfSatisfying(CaseCloseRefusedException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The case cannot be resolved yet: the required steps "
                            + "'Publish a holding statement on the hub and on X' (holding-statement), "
                            + "'Brief customer care and the call centre with the same facts and script' (brief-front-line), "
                            + "'Announce the fix, apologize again, state the remedy' (resolved-statement) "
                            + "are neither done nor skipped with a reason.");
                });
        assertThat(cases.get(c.id()).status()).isEqualTo(CaseStatus.OPEN);
        // reviewed is closed too
        assertThatThrownBy(() -> cases.changeStatus(c.id(), c.version(), CaseStatus.REVIEWED, null, "anna"))
                .isInstanceOf(CaseCloseRefusedException.class);
        // an open status is fine
        CrisisCase active = cases.changeStatus(c.id(), c.version(), CaseStatus.ACTIVE, null, "anna");

        checklist.markDone(outage.id(), "holding-statement", null, "anna");
        checklist.skip(outage.id(), "brief-front-line", "Handled by the agency", "anna");
        assertThatThrownBy(() -> cases.changeStatus(c.id(), active.version(), CaseStatus.RESOLVED, null, "anna"))
                .hasMessage("The case cannot be resolved yet: the required step 'Announce the fix, apologize again, "
                        + "state the remedy' (resolved-statement) is neither done nor skipped with a reason.");
        checklist.markDone(outage.id(), "resolved-statement", null, "anna");
        // answer-complaints, regular-updates and review are open but not required
        assertThat(cases.changeStatus(c.id(), active.version(), CaseStatus.RESOLVED, null, "anna").status())
                .isEqualTo(CaseStatus.RESOLVED);
    }

    @Test
    void aCaseWithoutAPlaybookIsResolvedAsBefore() {
        CrisisCase c = cases.get(outage.id());
        assertThat(cases.changeStatus(c.id(), c.version(), CaseStatus.RESOLVED, null, "anna").status())
                .isEqualTo(CaseStatus.RESOLVED);
        assertThatThrownBy(() -> checklist.markDone(c.id(), "open-case", null, "anna"))
                .hasMessageContaining("follows no playbook");
    }

    @Test
    void callsAreLoggedWithTheirOutcomeAndTime() {
        followServiceOutage();
        CallLogService calls = services.calls();
        clock.advance(Duration.ofMinutes(5));
        calls.log(outage.id(), anna.id(), "incident-lead", CallOutcome.NO_ANSWER, null, null, "piotr");
        clock.advance(Duration.ofMinutes(3));
        calls.log(outage.id(), anna.id(), "incident-lead", CallOutcome.LEFT_MESSAGE, null, "Voicemail", "piotr");
        calls.log(outage.id(), carla.id(), "customer-care", CallOutcome.REACHED, T0.plus(Duration.ofMinutes(7)), null,
                "piotr");

        assertThat(calls.calls(outage.id())).extracting(CallAttempt::contactName, CallAttempt::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Anna Nowak", CallOutcome.NO_ANSWER),
                org.assertj.core.groups.Tuple.tuple("Carla Ruiz", CallOutcome.REACHED),
                org.assertj.core.groups.Tuple.tuple("Anna Nowak", CallOutcome.LEFT_MESSAGE));
        assertThat(calls.latestByContact(outage.id()).get(anna.id()).outcome()).isEqualTo(CallOutcome.LEFT_MESSAGE);
        TimelineText text = new TimelineText(English.MESSAGES);
        // the timeline is in the order the calls were made
        assertThat(entries(EventCode.CALL_LOGGED)).extracting(text::render).containsExactly(
                "Call to Anna Nowak (incident-lead): no answer",
                "Call to Carla Ruiz (customer-care): reached",
                "Call to Anna Nowak (incident-lead): left a message. Voicemail");
        assertThat(entries(EventCode.CALL_LOGGED).get(1).occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(7)));

        assertThatThrownBy(() -> calls.log(outage.id(), 999, "legal", CallOutcome.REACHED, null, null, "piotr"))
                .hasMessage("no contact #999");
        assertThatThrownBy(() -> calls.log(outage.id(), anna.id(), "legal", CallOutcome.REACHED,
                T0.plus(Duration.ofHours(1)), null, "piotr")).hasMessageContaining("in the future");
        assertThat(calls.calls(outage.id())).hasSize(3);
    }

    @Test
    void channelClocksCountFromTheOpeningThenTheRhythmThenThePromisedTime() {
        followServiceOutage();
        DraftService drafts = services.drafts();
        // nothing published: the first message is due at T+30 on public channels, T+15 for staff and the call centre
        List<ChannelClock> first = services.channelClocks().clocks(outage.id());
        assertThat(first).extracting(ChannelClock::channel).containsExactly(Channel.WEBSITE, Channel.X,
                Channel.FACEBOOK, Channel.SMS, Channel.CALL_CENTRE, Channel.STAFF_MEMO);
        assertThat(first).allSatisfy(c -> assertThat(c.basis()).isEqualTo(ChannelClock.Basis.FIRST));
        assertThat(first.get(0).hub()).isTrue();
        assertThat(first.get(0).due()).isEqualTo(outage.openedAt().plus(Duration.ofMinutes(30)));
        assertThat(first.get(5).due()).isEqualTo(outage.openedAt().plus(Duration.ofMinutes(15)));
        assertThat(first.get(0).remaining(outage.openedAt().plus(Duration.ofMinutes(31)))).isEqualTo(Duration.ofMinutes(-1));

        Draft d = drafts.create(outage.id(), "Holding", Stage.INVESTIGATING, new CoreMessage("Checkout fails",
                "Engineers roll back", "Pay later", "11:30", true, List.of()), "anna");
        d = drafts.submitForReview(d.id(), d.version(), "anna");
        d = drafts.approve(d.id(), d.version(), anna.id(), new CheckReport(List.of(), List.of()), "anna");
        clock.advance(Duration.ofMinutes(10));
        drafts.markPublished(d.id(), Channel.WEBSITE, null, "anna");

        ChannelClock hub = services.channelClocks().clocks(outage.id()).get(0);
        assertThat(hub.last()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(hub.basis()).isEqualTo(ChannelClock.Basis.RHYTHM);
        assertThat(hub.due()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(hub.total()).isEqualTo(Duration.ofMinutes(20));
        assertThat(services.channelClocks().clocks(outage.id()).get(1).basis()).isEqualTo(ChannelClock.Basis.FIRST);
    }

    @Test
    void afterTheFirstHoursThePromisedNextUpdateIsDueOrNothing() {
        followServiceOutage();
        Playbook p = services.casePlaybooks().currentPlaybook(outage.id()).orElseThrow();
        CrisisCase c = cases.get(outage.id());
        // opened 09:00 UTC, rhythm for 120 min: a publication at 10:50 would be due at 11:10, past 11:00
        var late = new io.crisisconsole.composer.DraftPublication(1, 1, Channel.WEBSITE, 1,
                Instant.parse("2026-11-24T10:50:00Z"), "anna", Instant.parse("2026-11-24T10:50:00Z"));
        List<ChannelClock> promised = ChannelClockService.clocks(c, p, List.of(late), "next update at 12:15", ZoneOffset.UTC);
        assertThat(promised.get(0).basis()).isEqualTo(ChannelClock.Basis.PROMISED);
        assertThat(promised.get(0).due()).isEqualTo(Instant.parse("2026-11-24T12:15:00Z"));
        List<ChannelClock> none = ChannelClockService.clocks(c, p, List.of(late), "soon", ZoneOffset.UTC);
        assertThat(none.get(0).basis()).isEqualTo(ChannelClock.Basis.WHEN_CHANGED);
        assertThat(none.get(0).due()).isNull();
        // within the rhythm, an earlier promise wins
        var early = new io.crisisconsole.composer.DraftPublication(1, 1, Channel.WEBSITE, 1,
                Instant.parse("2026-11-24T09:10:00Z"), "anna", Instant.parse("2026-11-24T09:10:00Z"));
        ChannelClock sooner = ChannelClockService.clocks(c, p, List.of(early), "09:25", ZoneOffset.UTC).get(0);
        assertThat(sooner.due()).isEqualTo(Instant.parse("2026-11-24T09:25:00Z"));
        assertThat(sooner.basis()).isEqualTo(ChannelClock.Basis.PROMISED);
        // a closed case has nothing due
        CrisisCase closed = cases.changeStatus(c.id(), c.version(), CaseStatus.CONTAINED, null, "anna");
        assertThat(closed.status().isClosed()).isFalse();
    }

    @Test
    void promisedTimesAreReadAsPeopleWriteThem() {
        Instant after = Instant.parse("2026-11-24T15:00:00Z");
        assertThat(NextUpdateTime.after("16:30", after, ZoneOffset.UTC)).contains(Instant.parse("2026-11-24T16:30:00Z"));
        assertThat(NextUpdateTime.after("Next update 16.30", after, ZoneOffset.UTC))
                .contains(Instant.parse("2026-11-24T16:30:00Z"));
        assertThat(NextUpdateTime.after("4:30 pm", after, ZoneOffset.UTC)).contains(Instant.parse("2026-11-24T16:30:00Z"));
        assertThat(NextUpdateTime.after("16:30 CET", after, ZoneOffset.UTC)).contains(Instant.parse("2026-11-24T15:30:00Z"));
        assertThat(NextUpdateTime.after("16:30 Europe/Warsaw", after, ZoneOffset.UTC))
                .contains(Instant.parse("2026-11-24T15:30:00Z"));
        // a time already past today is tomorrow's
        assertThat(NextUpdateTime.after("09:00", after, ZoneOffset.UTC)).contains(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(NextUpdateTime.after("soon", after, ZoneOffset.UTC)).isEmpty();
        assertThat(NextUpdateTime.after("25:00", after, ZoneOffset.UTC)).isEmpty();
        assertThat(NextUpdateTime.after(null, after, ZoneOffset.UTC)).isEmpty();
    }
}

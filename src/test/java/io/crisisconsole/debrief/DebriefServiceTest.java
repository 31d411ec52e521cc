package io.crisisconsole.debrief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.DiffLine;
import io.crisisconsole.playbooks.MentionType;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.PlaybookInvalidException;
import io.crisisconsole.playbooks.PlaybookReader;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.PlaybookVersion;
import io.crisisconsole.playbooks.ResponseAction;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.ConcurrentChangeException;
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

class DebriefServiceTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    static final LocalDate OPENED = LocalDate.parse("2026-11-24");

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    Services services;
    DebriefService debrief;
    PlaybookService playbooks;
    CrisisCase outage;
    StoredPlaybook playbook;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(T0);
        services = Services.create(store, clock);
        debrief = services.debriefs();
        playbooks = services.playbooks();
        outage = services.cases().open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutStatus",
                "https://status.example.com/checkout"), "anna");
        BundledPlaybooks.importOnFirstRun(playbooks, BundledPlaybooks.AUTHOR);
        playbook = playbooks.find("service-outage", "en").orElseThrow();
        // the team's own comments, which a proposed change must keep
        String yaml = playbooks.current(playbook.id()).yaml()
                .replace("  slas:\n", "  slas:  # agreed with the board in March\n")
                .replace("    forbidden_phrases:\n", "    # legal keeps this list\n    forbidden_phrases:\n")
                .replace("  response_matrix:\n", "  response_matrix:  # reviewed quarterly\n")
                .replace("  templates:\n", "  templates:\n    # every channel at every stage, please\n");
        playbook = playbooks.saveVersion(playbook.id(), 1, yaml, "anna", "our comments");
        services.casePlaybooks().assign(outage.id(), playbook.id(), "anna");
        clock.advance(Duration.ofHours(3));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<TimelineEntry> entries(EventCode code) {
        return services.cases().timeline(outage.id()).stream().filter(e -> code.code().equals(e.eventCode())).toList();
    }

    private static final List<String> COMMENTS = List.of("# agreed with the board in March", "# legal keeps this list",
            "# reviewed quarterly", "# every channel at every stage, please",
            "# Crisis Console playbook (format 1). See FORMAT.md in this folder.");

    private static Playbook readsCleanly(String yaml) {
        PlaybookReader.Parsed parsed = new PlaybookReader().read("proposed.yaml", yaml);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.ok()).isTrue();
        for (String c : COMMENTS) {
            assertThat(yaml).contains(c);
        }
        return parsed.playbook();
    }

    private List<DiffLine> changedLines(long changeId) {
        return debrief.diff(changeId).stream().filter(l -> l.kind() != DiffLine.Kind.SAME).toList();
    }

    // ----- hot-wash

    @Test
    void theHotWashIsSavedInVersionsAndAStaleVersionIsRefused() {
        assertThat(debrief.hotWash(outage.id()).version()).isZero();
        HotWash first = debrief.saveHotWash(outage.id(), 0, "Holding statement in 12 min", "Status page lagged",
                "The outage hit at night", "anna");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.updatedBy()).isEqualTo("anna");
        HotWash second = debrief.saveHotWash(outage.id(), 1, "Holding statement in 12 min", "Status page lagged 40 min",
                "The outage hit at night", "piotr");
        assertThat(second.version()).isEqualTo(2);
        assertThat(debrief.hotWash(outage.id())).isEqualTo(second);

        assertThatThrownBy(() -> debrief.saveHotWash(outage.id(), 1, "mine", "", "", "carla"))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageContaining("hot-wash of case #" + outage.id()).hasMessageContaining("now version 2");
        assertThat(debrief.hotWash(outage.id()).wentWell()).isEqualTo("Holding statement in 12 min");
        // saving the same texts again is no new version and no new entry
        assertThat(debrief.saveHotWash(outage.id(), 2, "Holding statement in 12 min", "Status page lagged 40 min",
                "The outage hit at night", "piotr").version()).isEqualTo(2);
        List<TimelineEntry> saved = entries(EventCode.HOTWASH_SAVED);
        assertThat(saved).hasSize(2);
        assertThat(saved.get(1).body()).isEqualTo("Hot-wash saved (version 2)");
    }

    // ----- lessons

    @Test
    void aLessonNeedsTextOwnerAndADueDateFromTheCaseOpeningOn() {
        assertThatThrownBy(() -> debrief.addLesson(outage.id(), LessonInput.of(" ", "Anna", OPENED), "anna"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("text")
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("text");
        assertThatThrownBy(() -> debrief.addLesson(outage.id(), LessonInput.of("Pre-approve a status text", "",
                OPENED), "anna")).extracting(e -> ((ValidationException) e).field()).isEqualTo("owner");
        assertThatThrownBy(() -> debrief.addLesson(outage.id(), LessonInput.of("Pre-approve a status text", "Anna",
                null), "anna")).extracting(e -> ((ValidationException) e).field()).isEqualTo("dueDate");
        assertThatThrownBy(() -> debrief.addLesson(outage.id(), LessonInput.of("Pre-approve a status text", "Anna",
                OPENED.minusDays(1)), "anna"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("the due date 2026-11-23 is before case #" + outage.id()
                        + " was opened (2026-11-24); pick a day from then on");
        assertThat(debrief.lessons(outage.id())).isEmpty();
        assertThat(entries(EventCode.LESSON_ADDED)).isEmpty();
    }

    @Test
    void lessonsAreAddedEditedClosedAndDeletedEachOnTheTimeline() {
        Contact piotr = services.contacts().create(new ContactDetails("Piotr Zieliński", null, null, List.of(),
                List.of("piotr@example.com"), List.of(), null, null, null, Set.of(ContactGroup.CRISIS_TEAM), null));
        Lesson a = debrief.addLesson(outage.id(), LessonInput.of("Pre-approve a status text", " Anna Nowak ",
                OPENED.plusDays(7)), "anna");
        Lesson b = debrief.addLesson(outage.id(), new LessonInput("Second on-call spokesperson", null, piotr.id(),
                OPENED.plusDays(14)), "anna");
        assertThat(a.ownerName()).isEqualTo("Anna Nowak");
        assertThat(a.status()).isEqualTo(LessonStatus.OPEN);
        assertThat(b.ownerName()).isEqualTo("Piotr Zieliński");
        assertThat(b.ownerContactId()).isEqualTo(piotr.id());

        Lesson edited = debrief.editLesson(a.id(), LessonInput.of("Pre-approve two status texts", "Anna Nowak",
                OPENED.plusDays(10)), "piotr");
        assertThat(edited.lessonText()).isEqualTo("Pre-approve two status texts");
        assertThat(edited.dueDate()).isEqualTo(OPENED.plusDays(10));
        assertThat(edited.updatedBy()).isEqualTo("piotr");
        Lesson closed = debrief.closeLesson(a.id(), "anna");
        assertThat(closed.status()).isEqualTo(LessonStatus.DONE);
        debrief.deleteLesson(b.id(), "anna");
        assertThat(debrief.lessons(outage.id())).extracting(Lesson::id).containsExactly(a.id());

        assertThat(entries(EventCode.LESSON_ADDED)).extracting(TimelineEntry::body).containsExactly(
                "Lesson added: Pre-approve a status text (owner Anna Nowak, due 2026-12-01)",
                "Lesson added: Second on-call spokesperson (owner Piotr Zieliński, due 2026-12-08)");
        assertThat(entries(EventCode.LESSON_EDITED)).extracting(TimelineEntry::body)
                .containsExactly("Lesson changed: Pre-approve two status texts (owner Anna Nowak, due 2026-12-04)");
        assertThat(entries(EventCode.LESSON_CLOSED)).extracting(TimelineEntry::body)
                .containsExactly("Lesson done: Pre-approve two status texts (owner Anna Nowak)");
        assertThat(entries(EventCode.LESSON_DELETED)).extracting(TimelineEntry::body)
                .containsExactly("Lesson removed: Second on-call spokesperson");
    }

    // ----- proposed changes

    @Test
    void aTighterSlaChangesOnlyThatKeyAndAcceptingItMakesTheNextVersionWithTheCaseInItsNote() {
        PlaybookChange ch = debrief.proposeSla(outage.id(), SlaTarget.FIRST_PUBLIC_REPLY, 20, "anna");
        assertThat(ch.state()).isEqualTo(ChangeState.PROPOSED);
        assertThat(ch.baseVersion()).isEqualTo(2);
        assertThat(ch.kind()).isEqualTo(ChangeKind.TIGHTER_SLA);
        assertThat(ch.description()).isEqualTo("tighter first public reply (30 → 20 min)");
        Playbook proposed = readsCleanly(ch.yaml());
        assertThat(proposed.when().slas().firstPublicReplyMinutes()).isEqualTo(20);
        assertThat(changedLines(ch.id())).extracting(DiffLine::kind, DiffLine::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DiffLine.Kind.REMOVED, "    first_public_reply_minutes: 30"),
                org.assertj.core.groups.Tuple.tuple(DiffLine.Kind.ADDED, "    first_public_reply_minutes: 20"));

        PlaybookChange accepted = debrief.accept(ch.id(), "piotr");
        assertThat(accepted.state()).isEqualTo(ChangeState.ACCEPTED);
        assertThat(accepted.becameVersion()).isEqualTo(3);
        assertThat(accepted.decidedBy()).isEqualTo("piotr");
        PlaybookVersion v3 = playbooks.current(playbook.id());
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.yaml()).isEqualTo(ch.yaml());
        assertThat(v3.author()).isEqualTo("piotr");
        assertThat(v3.note()).isEqualTo("Debrief of case #" + outage.id()
                + " 'Checkout outage': tighter first public reply (30 → 20 min)");
        assertThat(playbooks.currentPlaybook(playbook.id()).when().slas().firstPublicReplyMinutes()).isEqualTo(20);

        assertThat(entries(EventCode.PLAYBOOK_CHANGE_PROPOSED)).extracting(TimelineEntry::body).containsExactly(
                "Playbook change proposed for service-outage.en (version 2): tighter first public reply (30 → 20 min)");
        assertThat(entries(EventCode.PLAYBOOK_CHANGE_ACCEPTED)).extracting(TimelineEntry::body).containsExactly(
                "Playbook change accepted: tighter first public reply (30 → 20 min); service-outage.en is now at "
                        + "version 3");
        assertThatThrownBy(() -> debrief.accept(ch.id(), "anna")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("already accepted by piotr");
    }

    @Test
    void aSlaTargetAtTheSameNumberIsNoChange() {
        assertThatThrownBy(() -> debrief.proposeSla(outage.id(), SlaTarget.UPDATE_INTERVAL, 20, "anna"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already 20 min");
        PlaybookChange looser = debrief.proposeSla(outage.id(), SlaTarget.UPDATE_INTERVAL, 30, "anna");
        assertThat(looser.description()).isEqualTo("update interval (20 → 30 min)");
    }

    @Test
    void aForbiddenPhraseIsAppendedToItsLanguageOnly() {
        PlaybookChange ch = debrief.proposeForbiddenPhrase(outage.id(), "en", "we apologise for any inconvenience",
                "anna");
        Playbook proposed = readsCleanly(ch.yaml());
        assertThat(proposed.how().tone().forbiddenPhrases().get("en")).endsWith("we apologise for any inconvenience")
                .hasSize(6);
        assertThat(proposed.how().tone().forbiddenPhrases().get("ru")).hasSize(4);
        List<DiffLine> changed = changedLines(ch.id());
        assertThat(changed).hasSize(2);
        assertThat(changed.get(1).text()).startsWith("      en: [").endsWith(", we apologise for any inconvenience]");
        assertThatThrownBy(() -> debrief.proposeForbiddenPhrase(outage.id(), "en", "No Comment", "anna"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already a forbidden phrase in en");
        assertThatThrownBy(() -> debrief.proposeForbiddenPhrase(outage.id(), "de", "kein Kommentar", "anna"))
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("language");
    }

    @Test
    void aResponseRowIsChangedForAKnownTypeInPlace() {
        PlaybookChange ch = debrief.proposeResponseRow(outage.id(), MentionType.MEDIA_INQUIRY, ResponseAction.ESCALATE,
                "Route to the spokesperson within 10 minutes.", 10, "anna");
        assertThat(ch.description()).isEqualTo("response-matrix row for media-inquiry changed (escalate)");
        Playbook proposed = readsCleanly(ch.yaml());
        Playbook.Response row = proposed.how().responseMatrix().stream()
                .filter(r -> r.type() == MentionType.MEDIA_INQUIRY).findFirst().orElseThrow();
        assertThat(row.guidance()).isEqualTo("Route to the spokesperson within 10 minutes.");
        assertThat(row.replyMinutes()).isEqualTo(10);
        assertThat(proposed.how().responseMatrix()).hasSize(7);
        assertThat(changedLines(ch.id())).allSatisfy(l -> assertThat(l.text()).doesNotContain("complaint"));
    }

    @Test
    void aMissingTemplateIsAddedAndOneThatExistsIsRefused() {
        assertThatThrownBy(() -> debrief.proposeTemplate(outage.id(), Channel.X, Stage.INVESTIGATING, "x", "anna"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already has a template for x at stage investigating");
        assertThatThrownBy(() -> debrief.proposeTemplate(outage.id(), Channel.LINKEDIN, Stage.RESOLVED,
                "{{product}} is back.", "anna")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("the change would not make a valid playbook service-outage.en: "
                        + "how.templates[24].text: unknown placeholder {{product}}");
        PlaybookChange ch = debrief.proposeTemplate(outage.id(), Channel.LINKEDIN, Stage.RESOLVED,
                "{{brand}} is back to normal. Thank you for your patience.", "anna");
        Playbook proposed = readsCleanly(ch.yaml());
        assertThat(proposed.how().templates()).contains(new Playbook.Template(Channel.LINKEDIN, Stage.RESOLVED,
                "{{brand}} is back to normal. Thank you for your patience."));
        assertThat(changedLines(ch.id())).allSatisfy(l -> assertThat(l.kind()).isEqualTo(DiffLine.Kind.ADDED))
                .extracting(DiffLine::text).anySatisfy(t -> assertThat(t).contains("channel: linkedin"));
    }

    @Test
    void aFreeEditIsRefusedWithLocatedProblemsWhenInvalid() {
        String yaml = playbooks.current(playbook.id()).yaml();
        String broken = yaml.replace("    complaint_reply_minutes: 60", "    complaint_reply_minutes: soon");
        assertThatThrownBy(() -> debrief.proposeFreeEdit(outage.id(), broken, "complaints sooner", "anna"))
                .isInstanceOfSatisfying(PlaybookInvalidException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.line()).isEqualTo(lineOf(broken, "complaint_reply_minutes"))));
        assertThatThrownBy(() -> debrief.proposeFreeEdit(outage.id(), yaml, "nothing", "anna"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is the same as version 2");
        PlaybookChange ch = debrief.proposeFreeEdit(outage.id(),
                yaml.replace("    complaint_reply_minutes: 60", "    complaint_reply_minutes: 45"), "complaints sooner",
                "anna");
        assertThat(readsCleanly(ch.yaml()).when().slas().complaintReplyMinutes()).isEqualTo(45);
        assertThat(changedLines(ch.id())).hasSize(2);
        assertThat(entries(EventCode.PLAYBOOK_CHANGE_PROPOSED)).hasSize(1);
    }

    private static int lineOf(String yaml, String text) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void aProposalOnAnOlderVersionIsRefusedAndCanBeRejected() {
        PlaybookChange sla = debrief.proposeSla(outage.id(), SlaTarget.FIRST_PUBLIC_REPLY, 20, "anna");
        PlaybookChange phrase = debrief.proposeForbiddenPhrase(outage.id(), "en", "as per policy", "anna");
        debrief.accept(phrase.id(), "anna");
        assertThat(debrief.isStale(debrief.change(sla.id()))).isTrue();
        assertThatThrownBy(() -> debrief.accept(sla.id(), "anna")).isInstanceOf(ConcurrentChangeException.class)
                .hasMessage("playbook service-outage.en was changed since change #" + sla.id()
                        + " was proposed (proposed against version 2, now version 3); reject it and propose it again "
                        + "against the current version");
        assertThat(playbooks.current(playbook.id()).version()).isEqualTo(3);
        assertThat(debrief.change(sla.id()).state()).isEqualTo(ChangeState.PROPOSED);

        PlaybookChange rejected = debrief.reject(sla.id(), "anna");
        assertThat(rejected.state()).isEqualTo(ChangeState.REJECTED);
        assertThat(rejected.becameVersion()).isNull();
        assertThat(entries(EventCode.PLAYBOOK_CHANGE_REJECTED)).extracting(TimelineEntry::body).containsExactly(
                "Playbook change rejected for service-outage.en: tighter first public reply (30 → 20 min)");
        // proposed again, on version 3, it goes through
        PlaybookChange again = debrief.proposeSla(outage.id(), SlaTarget.FIRST_PUBLIC_REPLY, 20, "anna");
        assertThat(again.baseVersion()).isEqualTo(3);
        assertThat(debrief.accept(again.id(), "anna").becameVersion()).isEqualTo(4);
        assertThat(playbooks.currentPlaybook(playbook.id()).how().tone().forbiddenPhrases().get("en"))
                .contains("as per policy");
    }

    @Test
    void aCaseWithoutAPlaybookHasNothingToPropose() {
        CrisisCase other = services.cases().open(new CaseDetails("Rumour", 3, "Anna", null, null), "anna");
        assertThatThrownBy(() -> debrief.proposeSla(other.id(), SlaTarget.INTERNAL_ALERT, 5, "anna"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("case #" + other.id() + " follows no playbook; choose its playbook first, then propose a "
                        + "change to it");
    }
}

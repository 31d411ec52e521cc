package io.crisisconsole.inbox.ui;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.ChannelCount;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.composer.MessageChecker;
import io.crisisconsole.composer.MessageContext;
import io.crisisconsole.composer.Placeholders;
import io.crisisconsole.composer.Variant;
import io.crisisconsole.composer.ui.ComposerChecks;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.MentionResponse;
import io.crisisconsole.inbox.PlatformChannels;
import io.crisisconsole.inbox.ReplyChecks;
import io.crisisconsole.inbox.SavedReply;
import io.crisisconsole.inbox.SavedReplyService;
import io.crisisconsole.inbox.Visibility;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.OneShotTimer;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The reply pane of the inbox: the answer to the selected mention, checked as it is typed, and
 * recorded with the time it went out.
 *
 * <p>What the pane shows of the mention (platform, author, the playbook's action and guidance for
 * its type, the answers so far) is read in the background when the mention changes. The reply is
 * checked {@link ComposerChecks#DELAY} after typing stops, with the composer's checks as they apply
 * to a reply ({@link ReplyChecks}): the limit of the mention's platform, tone, forbidden phrases, the
 * apology rule, and facts against the case's current approved core message. Errors block
 * recording, warnings do not.
 */
public final class ReplyViewModel {

    /** A sent time may be this far ahead of the clock (clocks of two machines differ). */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(1);

    private final InboxService inbox;
    private final DraftService drafts;
    private final CaseService cases;
    private final PlaybookService playbooks;
    private final CasePlaybookService casePlaybooks;
    private final SavedReplyService savedReplies;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;
    private final Formats formats;
    private final Supplier<String> author;
    private final Clock clock;
    private final ComposerChecks checks;

    private final ObjectProperty<Mention> mention = new SimpleObjectProperty<>();
    private Consumer<Mention> onAnswered = m -> {
    };

    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Visibility> visibility = new SimpleObjectProperty<>(Visibility.PUBLIC);
    private final StringProperty sentAt = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper plan = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper guidance = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper counter = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper overLimit = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper checkSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper factsNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timeProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<MentionResponse> answers = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<ReplyStart> starts = FXCollections.observableArrayList();
    private final BooleanBinding privateFirst;
    private final BooleanBinding canRecord;

    /** What the checks and the placeholders know, from the last load; null before. */
    private Loaded current;
    private int generation;

    public ReplyViewModel(InboxService inbox, DraftService drafts, CaseService cases, PlaybookService playbooks,
            CasePlaybookService casePlaybooks, SavedReplyService savedReplies, MessageChecker checker,
            TaskRunner tasks, Notifier notifier, Messages messages, Formats formats, Supplier<String> author,
            Clock clock, OneShotTimer.Factory timers) {
        this.inbox = inbox;
        this.drafts = drafts;
        this.cases = cases;
        this.playbooks = playbooks;
        this.casePlaybooks = casePlaybooks;
        this.savedReplies = savedReplies;
        this.tasks = tasks;
        this.notifier = notifier;
        this.messages = messages;
        this.formats = formats;
        this.author = author;
        this.clock = clock;
        MessageChecker forReply = (core, variants, context) -> ReplyChecks.forReply(
                checker.check(core, variants, context), current != null && current.approved().isPresent());
        this.checks = new ComposerChecks(forReply, messages, timers, this::content, this::context);
        checks.reportProperty().addListener((o, a, r) -> showReport(r));
        text.addListener((o, a, b) -> checks.changed());
        sentAt.addListener((o, a, b) -> timeProblem.set(timeProblemOf(b)));
        mention.addListener((o, a, m) -> show(a, m));
        privateFirst = Bindings.createBooleanBinding(() -> visibility.get() == Visibility.PRIVATE
                && answers.stream().noneMatch(r -> r.visibility() == Visibility.PUBLIC), visibility, answers);
        canRecord = Bindings.createBooleanBinding(() -> mention.get() != null && loaded.get() && !busy.get()
                && !text.get().isBlank() && timeProblem.get().isEmpty() && !checks.hasErrorsProperty().get(),
                mention, loaded, busy, text, timeProblem, checks.hasErrorsProperty());
    }

    /** The mention being answered (set by the inbox when the selection changes), or null. */
    public ObjectProperty<Mention> mentionProperty() {
        return mention;
    }

    /** Called on the FX thread with the mention as stored after an answer was recorded. */
    public void setOnAnswered(Consumer<Mention> onAnswered) {
        this.onAnswered = Objects.requireNonNull(onAnswered, "onAnswered");
    }

    Consumer<Mention> onAnswered() {
        return onAnswered;
    }

    // ---- the mention shown ----

    /** What the pane knows of the mention, its case and its playbook, read in the background. */
    private record Loaded(Mention mention, CrisisCase crisisCase, Playbook playbook, Long playbookId,
            Optional<Playbook.Response> row, int targetMinutes, Optional<CoreMessage> approved,
            List<MentionResponse> answers, List<ReplyStart> starts, Channel checkedAs, CoreMessage core,
            MessageContext context) {
    }

    private void show(Mention before, Mention m) {
        checks.cancel();
        int gen = ++generation;
        boolean same = before != null && m != null && before.id() == m.id();
        if (!same) {
            current = null;
            loaded.set(false);
            text.set("");
            answers.clear();
            starts.clear();
            findings.clear();
            plan.set("");
            guidance.set("");
            counter.set("");
            checkSummary.set("");
            factsNote.set("");
        }
        if (m == null) {
            return;
        }
        tasks.run(messages.get("inbox.reply.task.load"), () -> load(m), l -> {
            if (gen == generation) {
                apply(l, same);
            }
        }, t -> notifier.failed(messages.get("inbox.reply.task.load.failed"), t));
    }

    private Loaded load(Mention m) {
        long caseId = m.caseId();
        CrisisCase c = cases.get(caseId);
        Optional<StoredPlaybook> sp = casePlaybooks.of(caseId);
        Playbook p = sp.map(x -> playbooks.currentPlaybook(x.id())).orElse(null);
        Optional<CoreMessage> approved = drafts.approvedCore(caseId);
        List<ReplyStart> st = new ArrayList<>();
        if (sp.isPresent()) {
            savedReplies.listFor(sp.get().id(), m.type()).forEach(r -> st.add(ReplyStart.of(r)));
        }
        Optional<Channel> channel = PlatformChannels.of(m.platform());
        if (p != null && p.how() != null && p.how().templates() != null && channel.isPresent()) {
            p.how().templates().stream().filter(t -> t.channel() == channel.get())
                    .forEach(t -> st.add(ReplyStart.of(t)));
        }
        CoreMessage core = ReplyChecks.core(approved, m);
        MessageContext context = ReplyChecks.context(ComposerChecks.context(c, p, core.apology()), m.type());
        // the playbook is read once here: its matrix row and targets come from it, not from reading it again
        return new Loaded(m, c, p, sp.map(StoredPlaybook::id).orElse(null), InboxService.matrixRow(p, m.type()),
                InboxService.replyMinutesOf(p).get(m.type()), approved, inbox.responses(m.id()), st,
                ReplyChecks.checkedAs(m.platform()), core, context);
    }

    private void apply(Loaded l, boolean same) {
        current = l;
        Mention m = l.mention();
        String target = formats.duration(Duration.ofMinutes(l.targetMinutes()));
        if (l.row().isPresent()) {
            plan.set(messages.get("inbox.reply.plan", Map.of("action", l.row().get().action().name(),
                    "target", target)));
            String g = l.row().get().guidance();
            guidance.set(g == null ? "" : g.strip());
        } else {
            plan.set(messages.get(l.playbook() == null ? "inbox.reply.plan.noPlaybook" : "inbox.reply.plan.noRow",
                    Map.of("target", target)));
            guidance.set("");
        }
        answers.setAll(l.answers());
        starts.setAll(l.starts());
        factsNote.set(l.approved().isPresent() ? "" : messages.get("inbox.reply.facts.unchecked"));
        if (!same) {
            visibility.set(hasPublicAnswer() ? Visibility.PRIVATE : Visibility.PUBLIC);
            resetSentAt();
        } else {
            timeProblem.set(timeProblemOf(sentAt.get()));
        }
        loaded.set(true);
        checks.recheck();
    }

    private boolean hasPublicAnswer() {
        return answers.stream().anyMatch(r -> r.visibility() == Visibility.PUBLIC);
    }

    // ---- checks ----

    private DraftContent content() {
        Loaded l = current;
        if (l == null) {
            return new DraftContent(new CoreMessage("", "", "", "", false, List.of()), List.of());
        }
        return new DraftContent(l.core(), List.of(new Variant(l.checkedAs(), text.get())));
    }

    private MessageContext context() {
        Loaded l = current;
        return l == null ? new MessageContext("en", null, null, false, Map.of()) : l.context();
    }

    private void showReport(CheckReport r) {
        findings.setAll(r.findings());
        Loaded l = current;
        Optional<ChannelCount> count = l == null ? Optional.empty() : checks.count(l.checkedAs());
        counter.set(count.map(checks::counterText).orElse(""));
        overLimit.set(count.map(ChannelCount::overLimit).orElse(false));
        long errors = r.findings().stream().filter(f -> f.level() == Finding.Level.ERROR).count();
        long warnings = r.findings().size() - errors;
        Map<String, Object> n = Map.of("errors", errors, "warnings", warnings);
        checkSummary.set(l == null || text.get().isBlank() ? ""
                : errors == 0 && warnings == 0 ? messages.get("inbox.reply.checks.clean")
                : messages.get(errors > 0 ? "inbox.reply.checks.blocked" : "inbox.reply.checks.found", n));
    }

    /** Checks the reply now (on the FX thread) and publishes the report. */
    public CheckReport recheck() {
        return checks.recheck();
    }

    // ---- the time it went out ----

    /** Now for the mention's case: an exercise's own time, else the clock. */
    private Instant now() {
        Mention m = mention.get();
        return m == null ? clock.instant() : cases.now(m.caseId());
    }

    /** The time field back to now. */
    public void resetSentAt() {
        sentAt.set(formats.dayClock(now()));
        timeProblem.set(timeProblemOf(sentAt.get()));
    }

    /** When the answer went out, as typed; null when it cannot be read. */
    private Instant parsedSentAt(String typed) {
        return formats.parseDayClock(typed, LocalDate.ofInstant(now(), formats.zone()));
    }

    /** What is wrong with the sent time as typed, or "" when nothing is. */
    private String timeProblemOf(String typed) {
        Instant at = parsedSentAt(typed);
        Instant now = now();
        if (at == null) {
            return messages.get("inbox.reply.time.invalid", Map.of("typed", typed == null ? "" : typed.strip(),
                    "example", formats.dayClock(now)));
        }
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            return messages.get("inbox.reply.time.future", Map.of("now", formats.dayClock(now)));
        }
        Mention m = mention.get();
        if (m != null && at.isBefore(m.publishedAt().truncatedTo(ChronoUnit.MINUTES))) {
            return messages.get("inbox.reply.time.beforeMention", Map.of("published", formats.dayClock(m.publishedAt())));
        }
        return "";
    }

    // ---- recording ----

    /**
     * Records the reply as the brand's answer to the mention, sent at the time typed (in public or
     * in private), then clears the text, lists the answer and calls {@code onAnswered}.
     */
    public void record() {
        Mention m = mention.get();
        if (m == null || !loaded.get() || busy.get() || text.get().isBlank()) {
            return;
        }
        if (!DraftService.errors(checks.recheck()).isEmpty()) {
            notifier.error(messages.get("inbox.reply.record.blocked"));
            return;
        }
        String problem = timeProblemOf(sentAt.get());
        if (!problem.isEmpty()) {
            timeProblem.set(problem);
            notifier.error(problem);
            return;
        }
        Instant typed = parsedSentAt(sentAt.get());
        // the field shows minutes: an answer typed in the minute the mention was published went out after it
        Instant at = typed.isBefore(m.publishedAt()) ? m.publishedAt() : typed;
        String reply = text.get();
        Visibility v = visibility.get();
        String by = author.get();
        long id = m.id();
        busy.set(true);
        tasks.run(messages.get("inbox.reply.task.record"), () -> {
            Mention stored = inbox.recordAnswer(id, v, at, reply, by);
            return new Recorded(stored, inbox.responses(id));
        }, r -> {
            busy.set(false);
            if (mention.get() != null && mention.get().id() == id) {
                text.set("");
                answers.setAll(r.answers());
                visibility.set(Visibility.PRIVATE);
                resetSentAt();
            }
            notifier.info(messages.get("inbox.reply.recorded", Map.of("visibility", v.name(),
                    "sentAt", formats.dayClock(at))));
            onAnswered.accept(r.mention());
        }, t -> {
            busy.set(false);
            notifier.failed(messages.get("inbox.reply.task.record.failed"), t);
        });
    }

    private record Recorded(Mention mention, List<MentionResponse> answers) {
    }

    // ---- saved replies and templates ----

    /** The text of {@code start} with the placeholders the case knows filled (hashtag, hub link...). */
    public String filled(ReplyStart start) {
        Loaded l = current;
        if (start == null || l == null) {
            return "";
        }
        return Placeholders.fill(start.text(), Placeholders.values(l.crisisCase(), l.playbook(),
                l.approved().orElse(null)));
    }

    /** Whether the case has a playbook to save replies for. */
    public boolean canSave() {
        return current != null && current.playbookId() != null;
    }

    /** Saves the reply's text under {@code name} for the case's playbook, for mentions of this one's type. */
    public void saveAsReply(String name) {
        Loaded l = current;
        if (l == null || l.playbookId() == null) {
            notifier.error(messages.get("inbox.reply.save.noPlaybook"));
            return;
        }
        long playbookId = l.playbookId();
        String t = text.get();
        String by = author.get();
        Mention m = l.mention();
        tasks.run(messages.get("inbox.reply.task.save"), () -> {
            SavedReply saved = savedReplies.create(playbookId, name, t, m.type(), by);
            return new SavedList(saved, savedReplies.listFor(playbookId, m.type()));
        }, s -> {
            showSaved(s.replies());
            notifier.info(messages.get("inbox.reply.saved", s.saved().name()));
        }, e -> notifier.failed(messages.get("inbox.reply.task.save.failed"), e));
    }

    /** Deletes a saved reply (a playbook template cannot be deleted here). */
    public void deleteSaved(ReplyStart start) {
        Loaded l = current;
        if (start == null || !start.isSaved() || l == null || l.playbookId() == null) {
            return;
        }
        long playbookId = l.playbookId();
        SavedReply r = start.saved();
        Mention m = l.mention();
        tasks.run(messages.get("inbox.reply.task.delete"), () -> {
            savedReplies.delete(r.id());
            return new SavedList(r, savedReplies.listFor(playbookId, m.type()));
        }, s -> {
            showSaved(s.replies());
            notifier.info(messages.get("inbox.reply.deleted", r.name()));
        }, e -> notifier.failed(messages.get("inbox.reply.task.delete.failed"), e));
    }

    private record SavedList(SavedReply saved, List<SavedReply> replies) {
    }

    private void showSaved(List<SavedReply> replies) {
        List<ReplyStart> next = new ArrayList<>();
        replies.forEach(r -> next.add(ReplyStart.of(r)));
        starts.stream().filter(s -> !s.isSaved()).forEach(next::add);
        starts.setAll(next);
    }

    // ---- properties ----

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Visibility> visibilityProperty() {
        return visibility;
    }

    /** When the answer went out, in the UI's time format ({@code 1 Dec 2026 15:31}); now by default. */
    public StringProperty sentAtProperty() {
        return sentAt;
    }

    /** What the playbook says to do with a mention of its type, and the first-response target. */
    public ReadOnlyStringProperty planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The playbook's guidance for the type, or "". */
    public ReadOnlyStringProperty guidanceProperty() {
        return guidance.getReadOnlyProperty();
    }

    /** The reply's length against the platform's limit: {@code 231 / 280}, or {@code 512 characters}. */
    public ReadOnlyStringProperty counterProperty() {
        return counter.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty overLimitProperty() {
        return overLimit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkSummaryProperty() {
        return checkSummary.getReadOnlyProperty();
    }

    /** Says so when no core message is approved (facts are then not checked); "" otherwise. */
    public ReadOnlyStringProperty factsNoteProperty() {
        return factsNote.getReadOnlyProperty();
    }

    /** What is wrong with the sent time, or "". */
    public ReadOnlyStringProperty timeProblemProperty() {
        return timeProblem.getReadOnlyProperty();
    }

    /** Private is chosen and the mention has no public answer yet. */
    public BooleanBinding privateFirstProperty() {
        return privateFirst;
    }

    public BooleanBinding canRecordProperty() {
        return canRecord;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Whether what the pane shows is the selected mention's (read). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The brand's answers to the mention so far, in the order they went out. */
    public ObservableList<MentionResponse> answers() {
        return answers;
    }

    /** The findings of the newest check of the reply. */
    public ObservableList<Finding> findings() {
        return findings;
    }

    /** The saved replies of the playbook (those for the mention's type first), then its templates for the channel. */
    public ObservableList<ReplyStart> starts() {
        return starts;
    }

    public Messages messages() {
        return messages;
    }

    public Formats formats() {
        return formats;
    }
}

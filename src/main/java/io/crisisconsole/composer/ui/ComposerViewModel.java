package io.crisisconsole.composer.ui;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.ChannelCount;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.composer.DraftStatus;
import io.crisisconsole.composer.DraftVersion;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.composer.MessageChecker;
import io.crisisconsole.composer.MessageContext;
import io.crisisconsole.composer.Placeholders;
import io.crisisconsole.composer.Variant;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.toolkit.OneShotTimer;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.TimeText;
import io.crisisconsole.toolkit.ValidationException;
import io.crisisconsole.toolkit.ui.EditorAutosave;
import io.crisisconsole.toolkit.ui.Notifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composer of one case: the drafts of the case, the one being edited (core message, stage and a
 * variant per channel), its live check, versions, review and publications.
 *
 * <p>Every change is re-checked {@link #CHECK_DELAY} later (at most that often while typing) with the
 * injected {@link MessageChecker} on the FX thread: it is pure and designed for well under 2 ms.
 * Typing is autosaved through {@link EditorAutosave} (key {@code draft:ID}, written about a second
 * after a change); Save, switching drafts, closing and every workflow step save a version (only when
 * the content changed) and then forget the autosave.
 */
public final class ComposerViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ComposerViewModel.class);
    public static final Duration CHECK_DELAY = Duration.ofMillis(150);
    /** A check slower than this is logged: it would make typing stutter. */
    static final long SLOW_CHECK_NANOS = 16_000_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", Locale.ROOT);

    private final CrisisCase crisisCase;
    private final DraftService drafts;
    private final ContactService contacts;
    private final MessageChecker checker;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Supplier<String> author;
    private final EditorAutosave autosave;
    private final Runnable onTimelineChanged;
    private final Clock clock;
    private final OneShotTimer checkTimer;

    private final ObservableList<Draft> draftList = FXCollections.observableArrayList();
    private final ObjectProperty<Draft> draft = new SimpleObjectProperty<>();
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.INVESTIGATING);
    private final StringProperty whatHappened = new SimpleStringProperty("");
    private final StringProperty whatWeAreDoing = new SimpleStringProperty("");
    private final StringProperty whatYouShouldDo = new SimpleStringProperty("");
    private final StringProperty nextUpdate = new SimpleStringProperty("");
    private final BooleanProperty apology = new SimpleBooleanProperty(false);
    private final StringProperty keyFacts = new SimpleStringProperty("");
    private final Map<Channel, StringProperty> variants = new EnumMap<>(Channel.class);
    private final ObjectProperty<CheckReport> report = new SimpleObjectProperty<>(new CheckReport(List.of(), List.of()));
    private final Map<Channel, ObservableList<Finding>> findings = new EnumMap<>(Channel.class);
    private final ObservableList<DraftVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<DraftPublication> publications = FXCollections.observableArrayList();
    private final ObservableList<Contact> approvers = FXCollections.observableArrayList();
    private final ObjectProperty<Contact> approver = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanBinding hasErrors;
    private final BooleanBinding canApprove;

    private Playbook playbook;
    /** What the newest saved version holds; the editor differs from it when there are unsaved changes. */
    private DraftContent saved;
    private Stage savedStage;
    private boolean applying;
    private EditorAutosave.Session session;

    public ComposerViewModel(CrisisCase crisisCase, DraftService drafts, ContactService contacts,
            MessageChecker checker, TaskRunner tasks, Notifier notifier, Supplier<String> author,
            EditorAutosave autosave, Runnable onTimelineChanged, Clock clock, OneShotTimer.Factory timers) {
        this.crisisCase = crisisCase;
        this.drafts = drafts;
        this.contacts = contacts;
        this.checker = checker;
        this.tasks = tasks;
        this.notifier = notifier;
        this.author = author;
        this.autosave = autosave;
        this.onTimelineChanged = onTimelineChanged;
        this.clock = clock;
        this.checkTimer = timers.create(CHECK_DELAY, this::recheck);
        for (Channel c : Channel.values()) {
            variants.put(c, new SimpleStringProperty(""));
            findings.put(c, FXCollections.observableArrayList());
        }
        hasErrors = Bindings.createBooleanBinding(() -> !DraftService.errors(report.get()).isEmpty(), report);
        canApprove = Bindings.createBooleanBinding(() -> draft.get() != null
                && draft.get().status() == DraftStatus.IN_REVIEW && approver.get() != null && !busy.get()
                && !hasErrors.get(), draft, approver, busy, hasErrors);
        for (Observable o : editorFields()) {
            o.addListener(x -> edited());
        }
        report.addListener((o, a, r) -> {
            for (Channel c : Channel.values()) {
                findings.get(c).setAll(r.findings().stream().filter(f -> f.channel() == c).toList());
            }
        });
    }

    private Observable[] editorFields() {
        List<Observable> all = new ArrayList<>(List.of(stage, whatHappened, whatWeAreDoing, whatYouShouldDo, nextUpdate,
                apology, keyFacts));
        all.addAll(variants.values());
        return all.toArray(Observable[]::new);
    }

    /** Loads the case's playbook, approvers and drafts; shows the newest draft. */
    public void load() {
        long caseId = crisisCase.id();
        busy.set(true);
        tasks.run("Loading drafts", () -> new Loaded(drafts.playbookOf(caseId).orElse(null), contacts.list(),
                drafts.list(caseId)), loaded -> {
                    busy.set(false);
                    playbook = loaded.playbook();
                    approvers.setAll(loaded.contacts());
                    draftList.setAll(loaded.drafts());
                    if (!draftList.isEmpty()) {
                        select(draftList.get(0));
                    }
                    recheck();
                }, t -> {
                    busy.set(false);
                    notifier.failed("Cannot load the drafts", t);
                });
    }

    private record Loaded(Playbook playbook, List<Contact> contacts, List<Draft> drafts) {
    }

    private record Opened(Draft draft, DraftContent content, List<DraftVersion> versions,
            List<DraftPublication> publications) {
    }

    /** Shows another draft; the one being left is saved as a version first if it changed. */
    public void select(Draft d) {
        if (d == null || (draft.get() != null && draft.get().id() == d.id())) {
            return;
        }
        leaveCurrent();
        long id = d.id();
        tasks.run("Opening draft", () -> open(id), this::show, t -> notifier.failed("Cannot open the draft", t));
    }

    private Opened open(long id) {
        return new Opened(drafts.get(id), drafts.content(id), drafts.versions(id), drafts.publications(id));
    }

    private void show(Opened o) {
        replaceInList(o.draft()); // first: replacing the list item clears a combo box's value, draft.set puts it back
        draft.set(o.draft());
        apply(o.draft().stage(), o.content());
        saved = o.content();
        savedStage = o.draft().stage();
        versions.setAll(o.versions());
        publications.setAll(o.publications());
        openSession(o.draft().id());
        recheck();
    }

    /** Starts a new draft from the playbook's templates for the chosen stage, filled from the core message. */
    public void createDraft(String title) {
        long caseId = crisisCase.id();
        Stage s = stage.get() == null ? Stage.INVESTIGATING : stage.get();
        CoreMessage core = draft.get() == null ? null : core();
        leaveCurrent();
        busy.set(true);
        tasks.run("Starting a draft", () -> {
            Draft d = drafts.create(caseId, title, s, core, author.get());
            return open(d.id());
        }, o -> {
            busy.set(false);
            draftList.add(0, o.draft());
            show(o);
            onTimelineChanged.run();
            notifier.info("Draft \u201c" + o.draft().title() + "\u201d started");
        }, t -> {
            busy.set(false);
            notifier.failed("Draft not started", t);
        });
    }

    /** A title for the next draft: the stage and the time. */
    public String suggestedTitle() {
        Stage s = stage.get() == null ? Stage.INVESTIGATING : stage.get();
        String what = s == Stage.INVESTIGATING ? "Holding statement" : s == Stage.RESOLVED ? "Resolved"
                : "Update (" + s.yamlName() + ")";
        return what + " " + TimeText.clock(clock.instant(), zone());
    }

    // ---- editing ----

    private void edited() {
        if (applying) {
            return;
        }
        checkTimer.start();
    }

    private void apply(Stage s, DraftContent c) {
        applying = true;
        try {
            stage.set(s);
            CoreMessage core = c.core();
            whatHappened.set(core.whatHappened());
            whatWeAreDoing.set(core.whatWeAreDoing());
            whatYouShouldDo.set(core.whatYouShouldDo());
            nextUpdate.set(core.nextUpdate());
            apology.set(core.apology());
            keyFacts.set(String.join("\n", core.keyFacts()));
            for (Variant v : c.variants()) {
                variants.get(v.channel()).set(v.text());
            }
        } finally {
            applying = false;
        }
    }

    /** Puts an earlier version's text into the editor (not saved until Save or a workflow step). */
    public void restoreVersion(DraftVersion v) {
        if (v == null || draft.get() == null) {
            return;
        }
        apply(stage.get(), v.content());
        recheck();
        session.saveNow();
        notifier.info("Version " + v.version() + " is in the editor; Save version to keep it as the newest");
    }

    /** Replaces every placeholder that has a value now (from the case, the playbook and the core message). */
    public void fillPlaceholders() {
        Map<String, String> values = Placeholders.values(crisisCase, playbook, core());
        for (StringProperty p : variants.values()) {
            p.set(Placeholders.fill(p.get(), values));
        }
    }

    public CoreMessage core() {
        List<String> facts = Arrays.stream(keyFacts.get() == null ? new String[0] : keyFacts.get().split("\n"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new CoreMessage(whatHappened.get(), whatWeAreDoing.get(), whatYouShouldDo.get(), nextUpdate.get(),
                apology.get(), facts);
    }

    public DraftContent content() {
        List<Variant> list = new ArrayList<>();
        variants.forEach((c, p) -> list.add(new Variant(c, p.get())));
        return new DraftContent(core(), list);
    }

    public boolean hasUnsavedChanges() {
        return draft.get() != null && saved != null && (!saved.equals(content()) || savedStage != stage.get());
    }

    // ---- checks ----

    /** What the checks know: the case's hashtag and hub (else the playbook's), the playbook's language and rules. */
    public MessageContext context() {
        Playbook p = playbook;
        String hashtag = crisisCase.hashtag() != null ? crisisCase.hashtag()
                : p != null && p.where() != null ? p.where().hashtag() : null;
        String hub = crisisCase.hubUrl() != null ? crisisCase.hubUrl()
                : p != null && p.where() != null && p.where().hub() != null ? p.where().hub().url() : null;
        boolean playbookApology = p != null && p.how() != null && p.how().principles() != null
                && p.how().principles().apologize() != null && !p.how().principles().apologize().isBlank();
        Map<String, List<String>> forbidden = p != null && p.how() != null && p.how().tone() != null
                && p.how().tone().forbiddenPhrases() != null ? p.how().tone().forbiddenPhrases() : Map.of();
        return new MessageContext(p == null ? "en" : p.language(), hashtag, hub, apology.get() || playbookApology,
                forbidden);
    }

    /** Checks the editor now (on the FX thread) and publishes the report. */
    public CheckReport recheck() {
        checkTimer.stop();
        DraftContent c = content();
        long start = System.nanoTime();
        CheckReport r = checker.check(c.core(), c.variants(), context());
        long took = System.nanoTime() - start;
        if (took > SLOW_CHECK_NANOS) {
            LOG.warn("The message check took {} ms; typing may stutter", took / 1_000_000);
        }
        report.set(r);
        return r;
    }

    /** How a count reads under a variant: {@code 231 / 280}, {@code 2 SMS · UCS-2 · 134}, {@code 512 characters}. */
    public static String counterText(ChannelCount count) {
        if (count == null) {
            return "";
        }
        if (count.channel() == Channel.SMS && count.encoding() != null) {
            return count.segments() + " SMS \u00b7 " + count.encoding() + " \u00b7 " + count.length();
        }
        if (count.limit() > 0) {
            return count.length() + " / " + count.limit();
        }
        return count.length() == 1 ? "1 character" : count.length() + " characters";
    }

    public Optional<ChannelCount> count(Channel c) {
        return report.get().counts().stream().filter(x -> x.channel() == c).findFirst();
    }

    // ---- saving and the workflow ----

    public void saveVersion() {
        step("Saving version", null, d -> "Saved (version " + d.currentVersion() + ")");
    }

    public void submitForReview() {
        step("Submitting for review", (s, d) -> drafts.submitForReview(d.id(), d.version(), s),
                d -> "Submitted for review");
    }

    public void approve() {
        Contact who = approver.get();
        if (who == null || draft.get() == null) {
            return;
        }
        CheckReport fresh = recheck();
        if (!DraftService.errors(fresh).isEmpty()) {
            notifier.error("Not approved: the check found errors; fix them first");
            return;
        }
        step("Approving", (s, d) -> drafts.approve(d.id(), d.version(), who.id(), fresh, s),
                d -> "Approved by " + who.name());
    }

    public void reopen() {
        step("Back to draft", (s, d) -> drafts.reopen(d.id(), d.version(), null, s), d -> "Back to draft");
    }

    /**
     * Marks the channel's variant published at {@code date} {@code time} (H:mm, local time); blank
     * time means now. Unsaved edits are saved first, and edits after approval need a new approval.
     */
    public void markPublished(Channel channel, LocalDate date, String time) {
        if (channel == null || draft.get() == null) {
            return;
        }
        Instant at;
        try {
            at = publishedAt(date, time);
        } catch (ValidationException e) {
            notifier.error("Not marked published: " + e.getMessage());
            return;
        }
        step("Marking published", (s, d) -> {
            drafts.markPublished(d.id(), channel, at, s);
            return drafts.get(d.id());
        }, d -> "Marked published on " + DraftService.label(channel));
    }

    Instant publishedAt(LocalDate date, String time) {
        if (time == null || time.isBlank()) {
            return clock.instant();
        }
        LocalTime t;
        try {
            t = LocalTime.parse(time.strip(), TIME);
        } catch (DateTimeParseException e) {
            throw new ValidationException("publishedAt", "\u2018" + time.strip() + "\u2019 is not a time like 14:05");
        }
        LocalDate day = date == null ? LocalDate.now(clock.withZone(zone())) : date;
        return day.atTime(t).atZone(zone()).toInstant();
    }

    private interface Step {
        Draft run(String author, Draft saved) throws Exception;
    }

    /** Saves the editor as a version if it changed, then runs the step, all on the store thread. */
    private void step(String what, Step then, java.util.function.Function<Draft, String> done) {
        Draft d = draft.get();
        if (d == null || busy.get()) {
            return;
        }
        DraftContent content = content();
        Stage s = stage.get();
        String who = author.get();
        busy.set(true);
        Callable<Opened> work = () -> {
            Draft savedDraft = drafts.saveVersion(d.id(), d.version(), s, content, who);
            Draft after = then == null ? savedDraft : then.run(who, savedDraft);
            return new Opened(after, content, drafts.versions(d.id()), drafts.publications(d.id()));
        };
        tasks.run(what, work, o -> {
            busy.set(false);
            replaceInList(o.draft());
            draft.set(o.draft());
            saved = o.content();
            savedStage = s;
            versions.setAll(o.versions());
            publications.setAll(o.publications());
            restartSession(o.draft().id());
            if (then != null || o.draft().status() != d.status()) {
                onTimelineChanged.run();
            }
            notifier.info(done.apply(o.draft()));
        }, t -> {
            busy.set(false);
            notifier.failed(what + " failed", t);
        });
    }

    private void replaceInList(Draft d) {
        for (int i = 0; i < draftList.size(); i++) {
            if (draftList.get(i).id() == d.id()) {
                if (!draftList.get(i).equals(d)) {
                    draftList.set(i, d);
                }
                return;
            }
        }
    }

    // ---- autosave ----

    /** The autosave key of a draft's editor. */
    public static String autosaveKey(long draftId) {
        return "draft:" + draftId;
    }

    private void openSession(long draftId) {
        session = autosave.open(autosaveKey(draftId), crisisCase.id(), this::snapshot, this::restore, editorFields());
    }

    private void restartSession(long draftId) {
        if (session != null) {
            session.finish();
        }
        openSession(draftId);
    }

    /** The stage's name on the first line, the content as JSON after it. */
    private String snapshot() {
        return (stage.get() == null ? Stage.INVESTIGATING : stage.get()).name() + "\n" + content().toJson();
    }

    private void restore(String text) {
        int nl = text.indexOf('\n');
        try {
            Stage s = Stage.valueOf(text.substring(0, nl));
            DraftContent c = DraftContent.fromJson(text.substring(nl + 1));
            if (!c.equals(saved) || s != savedStage) {
                apply(s, c);
                recheck();
            }
        } catch (RuntimeException e) {
            LOG.warn("Ignoring an autosave of the composer that cannot be read", e);
        }
    }

    /** Leaves the shown draft: a version is saved if it changed, then its autosave is forgotten. */
    private void leaveCurrent() {
        Draft d = draft.get();
        if (d == null) {
            return;
        }
        EditorAutosave.Session leaving = session;
        session = null;
        checkTimer.stop();
        if (hasUnsavedChanges()) {
            leaving.leave(); // written now, kept until the version is saved
            DraftContent content = content();
            Stage s = stage.get();
            String who = author.get();
            tasks.run("Saving version", () -> drafts.saveVersion(d.id(), d.version(), s, content, who), x -> {
                leaving.finish();
                replaceInList(x);
                notifier.info("Saved \u201c" + x.title() + "\u201d (version " + x.currentVersion() + ")");
            }, t -> notifier.failed("Your changes to \u201c" + d.title()
                    + "\u201d are autosaved but not saved as a version", t));
        } else {
            leaving.finish();
        }
        draft.set(null);
    }

    /** The composer closes: saves the shown draft as a version if it changed. */
    public void close() {
        leaveCurrent();
    }

    public ZoneId zone() {
        return ZoneId.systemDefault();
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- properties ----

    public CrisisCase crisisCase() {
        return crisisCase;
    }

    public ObservableList<Draft> drafts() {
        return draftList;
    }

    public ReadOnlyObjectProperty<Draft> draftProperty() {
        return draft;
    }

    public ObjectProperty<Stage> stageProperty() {
        return stage;
    }

    public StringProperty whatHappenedProperty() {
        return whatHappened;
    }

    public StringProperty whatWeAreDoingProperty() {
        return whatWeAreDoing;
    }

    public StringProperty whatYouShouldDoProperty() {
        return whatYouShouldDo;
    }

    public StringProperty nextUpdateProperty() {
        return nextUpdate;
    }

    public BooleanProperty apologyProperty() {
        return apology;
    }

    public StringProperty keyFactsProperty() {
        return keyFacts;
    }

    public StringProperty variantProperty(Channel c) {
        return variants.get(c);
    }

    public ObservableList<Finding> findings(Channel c) {
        return findings.get(c);
    }

    public ReadOnlyObjectProperty<CheckReport> reportProperty() {
        return report;
    }

    public ObservableList<DraftVersion> versions() {
        return versions;
    }

    public ObservableList<DraftPublication> publications() {
        return publications;
    }

    public ObservableList<Contact> approvers() {
        return approvers;
    }

    public ObjectProperty<Contact> approverProperty() {
        return approver;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding hasErrorsProperty() {
        return hasErrors;
    }

    public BooleanBinding canApproveProperty() {
        return canApprove;
    }
}

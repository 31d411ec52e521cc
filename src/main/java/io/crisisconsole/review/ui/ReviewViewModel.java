package io.crisisconsole.review.ui;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.review.KeyTime;
import io.crisisconsole.review.KeyTimeChange;
import io.crisisconsole.review.KeyTimeValue;
import io.crisisconsole.review.Review;
import io.crisisconsole.review.ReviewService;
import io.crisisconsole.review.ReviewText;
import io.crisisconsole.review.report.ExportProgress;
import io.crisisconsole.review.report.ReportFormat;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.UserFacing;
import io.crisisconsole.toolkit.ui.Notifier;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Reviews area (issue #13 item 1): the cases to review (real ones and exercises), and for the
 * chosen one its key times (derived, or set by hand with who / when / why), the reviewer's texts
 * and the external summary, all read and written through {@link ReviewService} in the background;
 * and the export of the report, with progress and cancel. Holds no nodes.
 */
public final class ReviewViewModel {

    /** Writes the report of a case to a file (the review's {@code ReviewExporter}, as the window has it). */
    @FunctionalInterface
    public interface Exporter {
        Path export(long caseId, ReportFormat format, Path out, ExportProgress progress) throws Exception;
    }

    private final CaseService cases;
    private final ReviewService reviews;
    private final Exporter exporter;
    private final Set<ReportFormat> formatsOffered;
    private final TaskRunner tasks;
    private final Executor exportThread;
    private final Executor fx;
    private final Notifier notifier;
    private final Messages messages;
    private final Formats formats;
    private final Supplier<String> author;

    private final ObservableList<CrisisCase> caseList = FXCollections.observableArrayList();
    private final ObjectProperty<CrisisCase> selected = new SimpleObjectProperty<>();
    private final ObservableList<KeyTimeValue> keyTimes = FXCollections.observableArrayList();
    private final ObservableList<KeyTimeChange> changes = FXCollections.observableArrayList();
    private final ObservableList<KeyTimeValue> readOnlyKeyTimes = FXCollections.unmodifiableObservableList(keyTimes);
    private final ObservableList<KeyTimeChange> readOnlyChanges = FXCollections.unmodifiableObservableList(changes);
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty impact = new SimpleStringProperty("");
    private final StringProperty factors = new SimpleStringProperty("");
    private final StringProperty lessons = new SimpleStringProperty("");
    private final StringProperty whatHappened = new SimpleStringProperty("");
    private final StringProperty whatWeDid = new SimpleStringProperty("");
    private final StringProperty whatChanges = new SimpleStringProperty("");
    private final IntegerProperty version = new SimpleIntegerProperty(0);
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final StringProperty savedStatus = new SimpleStringProperty("");
    /** A refused action's reason ("" when the last one went through). */
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);

    private final ObjectProperty<ReportFormat> format = new SimpleObjectProperty<>(ReportFormat.PDF);
    private final BooleanProperty exporting = new SimpleBooleanProperty(false);
    private final DoubleProperty exportProgress = new SimpleDoubleProperty(0);
    private final StringProperty exportStatus = new SimpleStringProperty("");
    private final ObjectProperty<Path> lastExport = new SimpleObjectProperty<>();
    private final AtomicBoolean cancel = new AtomicBoolean();
    private boolean filling;

    public ReviewViewModel(CaseService cases, ReviewService reviews, Exporter exporter, Set<ReportFormat> formatsOffered,
            TaskRunner tasks, Executor exportThread, Executor fx, Notifier notifier, Messages messages,
            Formats formats, Supplier<String> author) {
        this.cases = Objects.requireNonNull(cases);
        this.reviews = Objects.requireNonNull(reviews);
        this.exporter = Objects.requireNonNull(exporter);
        this.formatsOffered = Set.copyOf(formatsOffered);
        this.tasks = Objects.requireNonNull(tasks);
        this.exportThread = Objects.requireNonNull(exportThread);
        this.fx = Objects.requireNonNull(fx);
        this.notifier = Objects.requireNonNull(notifier);
        this.messages = Objects.requireNonNull(messages);
        this.formats = Objects.requireNonNull(formats);
        this.author = Objects.requireNonNull(author);
        for (StringProperty p : List.of(summary, impact, factors, lessons, whatHappened, whatWeDid, whatChanges)) {
            p.addListener(o -> {
                if (!filling) {
                    dirty.set(true);
                }
            });
        }
        if (!this.formatsOffered.contains(format.get())) {
            format.set(formats().isEmpty() ? null : formats().get(0));
        }
        selected.addListener((o, a, b) -> {
            if (b != null && (a == null || a.id() != b.id())) {
                load(b.id());
            }
        });
    }

    /** The formats this build writes, in menu order. */
    public List<ReportFormat> formats() {
        return List.of(ReportFormat.values()).stream().filter(formatsOffered::contains).toList();
    }

    /** Reads the cases to review again: every real case and exercise, the newest first. */
    public void reload() {
        Long keep = selected.get() == null ? null : selected.get().id();
        tasks.run(messages.get("review.task.cases"), () -> {
            List<CrisisCase> all = new ArrayList<>(cases.list());
            all.addAll(cases.exercises());
            all.sort(Comparator.comparing(CrisisCase::openedAt).reversed().thenComparing(CrisisCase::id,
                    Comparator.reverseOrder()));
            return all;
        }, all -> {
            caseList.setAll(all);
            if (keep != null) {
                all.stream().filter(c -> c.id() == keep).findFirst().ifPresent(selected::set);
            }
        }, t -> notifier.failed(messages.get("review.failed.load"), t));
    }

    private record Loaded(Review review, List<KeyTimeValue> keyTimes, List<KeyTimeChange> changes) {
    }

    private void load(long caseId) {
        loaded.set(false);
        problem.set("");
        tasks.run(messages.get("review.task.load"), () -> new Loaded(reviews.review(caseId), reviews.keyTimes(caseId),
                reviews.keyTimeChanges(caseId)), l -> {
                    if (selected.get() == null || selected.get().id() != caseId) {
                        return;
                    }
                    fill(l.review());
                    keyTimes.setAll(l.keyTimes());
                    changes.setAll(l.changes());
                    loaded.set(true);
                }, t -> notifier.failed(messages.get("review.failed.load"), t));
    }

    private void fill(Review r) {
        filling = true;
        try {
            ReviewText t = r.text();
            summary.set(t.summary());
            impact.set(t.impact());
            factors.set(t.contributingFactors());
            lessons.set(t.lessons());
            whatHappened.set(t.externalWhatHappened());
            whatWeDid.set(t.externalWhatWeDid());
            whatChanges.set(t.externalWhatChanges());
        } finally {
            filling = false;
        }
        version.set(r.version());
        dirty.set(false);
        savedStatus.set(r.version() == 0 ? messages.get("review.saved.never")
                : messages.get("review.saved.status", Map.of("version", r.version(), "by", r.updatedBy(),
                        "at", formats.dayClock(r.updatedAt()))));
    }

    /** Saves the texts (the review tab's and the external summary's) as the next version. */
    public void save() {
        CrisisCase c = selected.get();
        if (c == null) {
            return;
        }
        ReviewText t = new ReviewText(summary.get(), impact.get(), factors.get(), lessons.get(), whatHappened.get(),
                whatWeDid.get(), whatChanges.get());
        int from = version.get();
        String who = author.get();
        tasks.run(messages.get("review.task.save"), () -> reviews.save(c.id(), from, t, who), r -> {
            problem.set("");
            fill(r);
            notifier.info(messages.get("review.notice.saved", Map.of("id", c.id(), "version", r.version())));
        }, this::refused);
    }

    /**
     * Sets key time {@code kind} to what {@code text} says (as the window shows times: {@code 1 Dec
     * 2026 15:31}, ISO, or a clock alone on the case's day), with {@code note} saying why.
     */
    public void setKeyTime(KeyTime kind, String text, String note) {
        CrisisCase c = selected.get();
        if (c == null || kind == null) {
            return;
        }
        LocalDate day = cases.now(c.id()).atZone(formats.zone()).toLocalDate();
        Instant at = formats.parseDayClock(text, day);
        if (at == null) {
            problem.set(messages.get("review.keyTime.unreadable", Map.of("text", text == null ? "" : text.strip(),
                    "example", formats.dayClock(cases.now(c.id())))));
            return;
        }
        changeKeyTime(c, kind, at, note);
    }

    /** Puts key time {@code kind} back to the time the record gives. */
    public void resetKeyTime(KeyTime kind, String note) {
        CrisisCase c = selected.get();
        if (c != null && kind != null) {
            changeKeyTime(c, kind, null, note);
        }
    }

    private void changeKeyTime(CrisisCase c, KeyTime kind, Instant at, String note) {
        String who = author.get();
        tasks.run(messages.get("review.task.keyTime"), () -> {
            reviews.setKeyTime(c.id(), kind, at, note, who);
            return new Loaded(null, reviews.keyTimes(c.id()), reviews.keyTimeChanges(c.id()));
        }, l -> {
            problem.set("");
            if (selected.get() != null && selected.get().id() == c.id()) {
                keyTimes.setAll(l.keyTimes());
                changes.setAll(l.changes());
            }
        }, this::refused);
    }

    private void refused(Throwable t) {
        if (t instanceof UserFacing) {
            problem.set(t.getMessage());
        } else {
            notifier.failed(messages.get("review.failed.save"), t);
        }
    }

    // ------------------------------------------------------------------ export

    /** Writes the chosen case's report in the chosen format to {@code out} (the chooser asked about replacing it). */
    public void export(Path out) {
        CrisisCase c = selected.get();
        ReportFormat f = format.get();
        if (c == null || f == null || exporting.get()) {
            return;
        }
        cancel.set(false);
        exporting.set(true);
        exportProgress.set(0);
        lastExport.set(null);
        String name = out.getFileName().toString();
        exportStatus.set(messages.get("review.export.running", Map.of("name", name)));
        ExportProgress progress = new ExportProgress() {
            @Override
            public void progress(double done, String step) {
                fx.execute(() -> exportProgress.set(done));
            }

            @Override
            public boolean cancelled() {
                return cancel.get();
            }
        };
        exportThread.execute(() -> {
            Throwable failure = null;
            Path written = null;
            try {
                written = exporter.export(c.id(), f, out, progress);
            } catch (Throwable t) {
                failure = t;
            }
            Throwable failed = failure;
            Path done = written;
            fx.execute(() -> exported(name, done, failed));
        });
    }

    private void exported(String name, Path written, Throwable failure) {
        exporting.set(false);
        if (failure instanceof CancellationException) {
            exportProgress.set(0);
            exportStatus.set(messages.get("review.export.cancelled", Map.of("name", name)));
            return;
        }
        if (failure != null) {
            exportProgress.set(0);
            exportStatus.set(messages.get("review.export.failed", Map.of("name", name)));
            if (failure instanceof UserFacing) {
                problem.set(failure.getMessage());
            } else {
                notifier.failed(messages.get("review.export.failed", Map.of("name", name)), failure);
            }
            return;
        }
        exportProgress.set(1);
        lastExport.set(written);
        exportStatus.set(messages.get("review.export.done", Map.of("name", name)));
        notifier.info(messages.get("review.export.done", Map.of("name", name)));
    }

    /** Asks the running export to stop: it leaves no file behind (an older file of that name stays). */
    public void cancelExport() {
        if (exporting.get()) {
            cancel.set(true);
            exportStatus.set(messages.get("review.export.cancelling"));
        }
    }

    /** A file name for the report of the chosen case: {@code review-case-12.pdf}. */
    public String suggestedFileName() {
        CrisisCase c = selected.get();
        ReportFormat f = format.get();
        return messages.get("review.export.fileName", Map.of("id", c == null ? 0 : c.id(),
                "exercise", String.valueOf(c != null && c.exercise()))) + "." + (f == null ? "txt" : f.extension());
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<CrisisCase> cases() {
        return caseList;
    }

    public ObjectProperty<CrisisCase> selectedProperty() {
        return selected;
    }

    public ObservableList<KeyTimeValue> keyTimes() {
        return readOnlyKeyTimes;
    }

    public ObservableList<KeyTimeChange> keyTimeChanges() {
        return readOnlyChanges;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty impactProperty() {
        return impact;
    }

    public StringProperty factorsProperty() {
        return factors;
    }

    public StringProperty lessonsProperty() {
        return lessons;
    }

    public StringProperty whatHappenedProperty() {
        return whatHappened;
    }

    public StringProperty whatWeDidProperty() {
        return whatWeDid;
    }

    public StringProperty whatChangesProperty() {
        return whatChanges;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    public ReadOnlyStringProperty savedStatusProperty() {
        return savedStatus;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public ObjectProperty<ReportFormat> formatProperty() {
        return format;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting;
    }

    public ReadOnlyDoubleProperty exportProgressProperty() {
        return exportProgress;
    }

    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus;
    }

    public ReadOnlyObjectProperty<Path> lastExportProperty() {
        return lastExport;
    }
}

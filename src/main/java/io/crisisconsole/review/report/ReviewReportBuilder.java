package io.crisisconsole.review.report;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.cases.ui.CaseTexts;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.composer.PublishedChecks;
import io.crisisconsole.debrief.DebriefService;
import io.crisisconsole.debrief.HotWash;
import io.crisisconsole.debrief.Lesson;
import io.crisisconsole.debrief.PlaybookChange;
import io.crisisconsole.inbox.CaseFigures;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.InboxType;
import io.crisisconsole.inbox.MentionBuckets;
import io.crisisconsole.inbox.ResponseFigures;
import io.crisisconsole.inbox.Sentiment;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.DiffLine;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.playbooks.ui.ChannelNames;
import io.crisisconsole.rehearsal.ExerciseScoring;
import io.crisisconsole.review.KeyTime;
import io.crisisconsole.review.KeyTimeChange;
import io.crisisconsole.review.KeyTimeValue;
import io.crisisconsole.review.Review;
import io.crisisconsole.review.ReviewService;
import io.crisisconsole.review.ReviewText;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.timeline.TimelineText;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.workspace.ChecklistItem;
import io.crisisconsole.workspace.ChecklistService;
import io.crisisconsole.workspace.StepState;
import io.crisisconsole.workspace.UpdateRhythm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Reads everything the review report shows from the store, through the features' services, into
 * one {@link ReviewReport}. Mentions are counted in the database (never loaded one by one); the
 * timeline is read once.
 */
public final class ReviewReportBuilder {

    /** The width of the chart's buckets and of the busiest period of the impact. */
    public static final Duration BUCKET = Duration.ofMinutes(15);

    private static final int CHECK_EVERY = 500;

    private final Clock clock;
    private final CaseService cases;
    private final InboxService inbox;
    private final DraftService drafts;
    private final ChecklistService checklist;
    private final CasePlaybookService casePlaybooks;
    private final DebriefService debriefs;
    private final ExerciseScoring exerciseScores;
    private final ReviewService reviews;
    /** Runs the pass over the mentions while the timeline is read (daemon threads, gone when idle). */
    private final Executor beside = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "review-figures");
        t.setDaemon(true);
        return t;
    });

    public ReviewReportBuilder(Clock clock, CaseService cases, InboxService inbox, DraftService drafts,
            ChecklistService checklist, CasePlaybookService casePlaybooks, DebriefService debriefs,
            ExerciseScoring exerciseScores, ReviewService reviews) {
        this.clock = Objects.requireNonNull(clock);
        this.cases = Objects.requireNonNull(cases);
        this.inbox = Objects.requireNonNull(inbox);
        this.drafts = Objects.requireNonNull(drafts);
        this.checklist = Objects.requireNonNull(checklist);
        this.casePlaybooks = Objects.requireNonNull(casePlaybooks);
        this.debriefs = Objects.requireNonNull(debriefs);
        this.exerciseScores = Objects.requireNonNull(exerciseScores);
        this.reviews = Objects.requireNonNull(reviews);
    }

    /** The report of case {@code caseId} with no author named. */
    public ReviewReport build(long caseId, Messages messages, Formats formats, ExportProgress progress) {
        return build(caseId, null, messages, formats, progress);
    }

    /**
     * The report of case {@code caseId}, labels in {@code messages}' language, {@code progress}
     * told from 0 to 1.
     *
     * @param generatedBy who exports it (null: nobody named)
     * @throws java.util.concurrent.CancellationException when {@code progress} says so
     */
    public ReviewReport build(long caseId, String generatedBy, Messages messages, Formats formats,
            ExportProgress progress) {
        Objects.requireNonNull(formats, "formats");
        CrisisCase c = cases.get(caseId);
        Instant now = cases.now(caseId);
        Playbook playbook = casePlaybooks.currentPlaybook(caseId).orElse(null);
        StoredPlaybook stored = casePlaybooks.of(caseId).orElse(null);
        progress.progress(0.0, "key times");

        List<KeyTimeValue> keyTimes = reviews.keyTimes(caseId);
        Map<KeyTime, Instant> at = new EnumMap<>(KeyTime.class);
        keyTimes.forEach(k -> {
            if (k.at() != null) {
                at.put(k.kind(), k.at());
            }
        });
        Instant impactBegan = at.get(KeyTime.IMPACT_BEGAN);
        List<ReviewReport.KeyTimeRow> keyTimeRows = keyTimes.stream()
                .map(k -> new ReviewReport.KeyTimeRow(k.kind().name(), keyTimeLabel(messages, k.kind()), k.at(),
                        k.derivedAt(), k.edited(), k.setBy(), k.setAt(), k.note(), minutesBetween(impactBegan, k.at())))
                .toList();
        List<ReviewReport.KeyTimeChangeRow> changes = reviews.keyTimeChanges(caseId).stream()
                .map(ch -> changeRow(messages, ch)).toList();
        Review review = reviews.review(caseId);
        HotWash hotWash = debriefs.hotWash(caseId);
        ReviewText rt = review.text();
        ReviewReport.Texts texts = new ReviewReport.Texts(rt.summary(), rt.impact(), lines(rt.contributingFactors()),
                lines(rt.lessons()), hotWash.wentWell(), hotWash.wentWrong(), hotWash.lucky(), review.updatedBy(),
                review.updatedAt());
        progress.checkCancelled();

        progress.progress(0.1, "impact and timeline");
        // the pass over the mentions runs beside the reading of the timeline: the two biggest reads
        // of a big case (200,000 mentions, 50,000 entries), each on a connection of its own
        Instant resolved = at.get(KeyTime.RESOLVED);
        CompletableFuture<CaseFigures> figuresRead = CompletableFuture.supplyAsync(
                () -> inbox.figures(caseId, BUCKET, impactBegan, resolved, now), beside);
        List<ReviewReport.TimelineRow> timeline;
        try {
            timeline = timeline(cases.timeline(caseId), new TimelineText(messages), new CaseTexts(messages),
                    progress);
        } catch (RuntimeException e) {
            figuresRead.cancel(false);
            throw e;
        }
        CaseFigures figures = joined(figuresRead);
        MentionBuckets buckets = figures.buckets();
        ReviewReport.Impact impact = impact(figures);
        progress.checkCancelled();

        progress.progress(0.6, "publications");
        List<DraftPublication> publications = drafts.publicationsOfCase(caseId);
        Map<Long, Draft> draftsById = new HashMap<>();
        publications.forEach(x -> draftsById.computeIfAbsent(x.draftId(), drafts::get));
        List<ReviewReport.ChannelVariants> published = published(c, playbook, publications, draftsById, messages);
        progress.checkCancelled();

        progress.progress(0.7, "SLA");
        ReviewReport.Sla sla = sla(caseId, playbook, publications, impactBegan, at.get(KeyTime.FIRST_PUBLIC_MESSAGE),
                now, figures.responses(), messages);
        ReviewReport.Charts charts = charts(buckets, publications, draftsById, messages,
                inbox.replyMinutes(caseId).get(InboxType.COMPLAINT));
        progress.checkCancelled();

        progress.progress(0.85, "plan");
        List<ReviewReport.PlanAction> plan = debriefs.lessons(caseId).stream().map(ReviewReportBuilder::action)
                .toList();
        List<ReviewReport.ProposedChange> proposed = debriefs.changes(caseId).stream()
                .map(ch -> new ReviewReport.ProposedChange(ch.id(), lower(ch.kind().name()), ch.description(),
                        lower(ch.state().name()), ch.baseVersion(), ch.becameVersion(), unifiedDiff(ch),
                        ch.proposedBy(), ch.proposedAt()))
                .toList();
        var exercise = c.exercise() ? exerciseScores.score(caseId) : null;
        progress.checkCancelled();

        ReviewReport.Meta meta = new ReviewReport.Meta(c.id(), c.title(), c.exercise(), c.severity(),
                lower(c.status().name()), c.owner(), c.hashtag(), c.hubUrl(), c.openedAt(), c.closedAt(),
                stored == null ? null : stored.key(), stored == null ? null : stored.title(),
                stored == null ? null : stored.currentVersion(), stored == null ? null : stored.language());
        ReviewReport.External external = new ReviewReport.External(rt.externalWhatHappened(), rt.externalWhatWeDid(),
                rt.externalWhatChanges());
        progress.progress(1.0, "built");
        return new ReviewReport(ReviewReport.SCHEMA_VERSION, messages.locale().toLanguageTag(), clock.instant(),
                generatedBy, meta, texts, keyTimeRows, changes, impact, timeline, published, sla, charts, plan,
                proposed, exercise, external);
    }

    /** What {@code f} gave, or the exception it threw as it was thrown (not wrapped). */
    private static <T> T joined(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ parts

    /** Before / during / after split at impact began and resolved (during open-ended while unresolved). */
    private static ReviewReport.Impact impact(CaseFigures figures) {
        Instant peakStart = null;
        long peak = 0;
        for (MentionBuckets.Bucket b : figures.buckets().buckets()) {
            if (b.mentions() > peak) {
                peak = b.mentions();
                peakStart = b.start();
            }
        }
        return new ReviewReport.Impact(figures.mentions(), peakStart, peak, figures.reach(), named(figures.before()),
                named(figures.during()), named(figures.after()));
    }

    private static Map<String, Long> named(Map<Sentiment, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Sentiment s : Sentiment.values()) {
            out.put(lower(s.name()), counts.getOrDefault(s, 0L));
        }
        return out;
    }

    private static List<ReviewReport.TimelineRow> timeline(List<TimelineEntry> entries, TimelineText text,
            CaseTexts kinds, ExportProgress progress) {
        Map<Long, List<ReviewReport.Correction>> corrections = new HashMap<>();
        Map<EntryKind, String> labels = new EnumMap<>(EntryKind.class);
        List<String> rendered = new ArrayList<>(entries.size());
        int n = 0;
        for (TimelineEntry e : entries) {
            String t = text.render(e);
            rendered.add(t);
            if (e.correctsId() != null) {
                corrections.computeIfAbsent(e.correctsId(), k -> new ArrayList<>())
                        .add(new ReviewReport.Correction(e.id(), e.recordedAt(), e.author(), t));
            }
            if (++n % CHECK_EVERY == 0) {
                progress.checkCancelled();
            }
        }
        List<ReviewReport.TimelineRow> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            TimelineEntry e = entries.get(i);
            out.add(new ReviewReport.TimelineRow(e.id(), e.occurredAt(), e.recordedAt(), e.kind().name(),
                    labels.computeIfAbsent(e.kind(), kinds::kind), e.author(), rendered.get(i), e.eventCode(),
                    e.correctsId(), corrections.getOrDefault(e.id(), List.of())));
            if ((i + 1) % CHECK_EVERY == 0) {
                progress.checkCancelled();
            }
        }
        return out;
    }

    private List<ReviewReport.ChannelVariants> published(CrisisCase c, Playbook p, List<DraftPublication> publications,
            Map<Long, Draft> draftsById, Messages messages) {
        Map<Channel, List<ReviewReport.PublishedVariant>> byChannel = new EnumMap<>(Channel.class);
        List<PublishedChecks.Checked> checked = new ArrayList<>(new PublishedChecks(drafts).check(c, p, publications));
        checked.sort((a, b) -> a.publication().publishedAt().compareTo(b.publication().publishedAt()));
        for (PublishedChecks.Checked x : checked) {
            DraftPublication pub = x.publication();
            Draft d = draftsById.get(pub.draftId());
            List<ReviewReport.FindingRow> findings = x.findings().stream()
                    .map(f -> new ReviewReport.FindingRow(lower(f.level().name()), f.code(), f.message())).toList();
            byChannel.computeIfAbsent(pub.channel(), k -> new ArrayList<>()).add(new ReviewReport.PublishedVariant(
                    d.id(), d.title(), pub.draftVersion(), lower(d.stage().name()), x.text(), pub.publishedAt(),
                    pub.markedBy(), d.approvedByName(), d.approvedAt(), findings));
        }
        List<ReviewReport.ChannelVariants> out = new ArrayList<>();
        byChannel.forEach((ch, variants) -> out.add(new ReviewReport.ChannelVariants(ch.yamlName(),
                messages.get(ChannelNames.key(ch)), variants)));
        return out;
    }

    private ReviewReport.Sla sla(long caseId, Playbook p, List<DraftPublication> publications, Instant began,
            Instant firstPublic, Instant now, ResponseFigures f, Messages messages) {
        Long firstMinutes = minutesBetween(began, firstPublic);
        Integer target = p == null ? null : p.when().slas().firstPublicReplyMinutes();
        Boolean met = firstMinutes == null || target == null ? null : firstMinutes <= target;
        List<ReviewReport.Rhythm> rhythm = UpdateRhythm.of(p, publications, began, now).stream()
                .map(r -> new ReviewReport.Rhythm(r.channel().yamlName(), messages.get(ChannelNames.key(r.channel())),
                        r.publications(), r.intervalMinutes(), r.longestGapMinutes(), r.late(), r.kept()))
                .toList();
        ReviewReport.Responses responses = new ReviewReport.Responses(f.mentions(), f.answered(), f.withinTarget(),
                f.medianSeconds(), f.p90Seconds(), f.shareInTime());
        List<ReviewReport.StepRow> steps = new ArrayList<>();
        checklist.checklist(caseId).ifPresent(list -> {
            for (ChecklistItem i : list.items()) {
                String state = i.doneLate() ? "done-late" : i.state() == StepState.SKIPPED ? "skipped"
                        : i.late(now) ? "open-late" : null;
                if (state != null) {
                    steps.add(new ReviewReport.StepRow(i.step().id(), i.step().title(), i.ownerName(), i.due(), state,
                            i.doneAt(), i.reason()));
                }
            }
        });
        return new ReviewReport.Sla(firstMinutes, target, met, rhythm, responses, steps);
    }

    private static ReviewReport.Charts charts(MentionBuckets buckets, List<DraftPublication> publications,
            Map<Long, Draft> draftsById, Messages messages, Integer complaintTarget) {
        List<ReviewReport.Bucket> out = buckets.buckets().stream()
                .map(b -> new ReviewReport.Bucket(b.start(), b.mentions(), b.positive(), b.neutral(), b.negative(),
                        b.unknown(), b.answered(), b.meanResponseSeconds()))
                .toList();
        List<ReviewReport.Marker> markers = publications.stream()
                .sorted((a, b) -> a.publishedAt().compareTo(b.publishedAt()))
                .map(x -> new ReviewReport.Marker(x.publishedAt(), x.channel().yamlName(),
                        messages.get(ChannelNames.key(x.channel())), draftsById.get(x.draftId()).title()))
                .toList();
        return new ReviewReport.Charts(out, markers, complaintTarget);
    }

    private static ReviewReport.PlanAction action(Lesson l) {
        return new ReviewReport.PlanAction(l.id(), l.lessonText(), l.ownerName(), l.dueDate(), lower(l.status().name()));
    }

    /** The change as a unified diff (one hunk over the whole file) against the version it was proposed on. */
    private String unifiedDiff(PlaybookChange ch) {
        List<DiffLine> lines = debriefs.diff(ch.id());
        long before = lines.stream().filter(l -> l.kind() != DiffLine.Kind.ADDED).count();
        long after = lines.stream().filter(l -> l.kind() != DiffLine.Kind.REMOVED).count();
        StringBuilder sb = new StringBuilder();
        sb.append("--- playbook v").append(ch.baseVersion()).append('\n');
        sb.append("+++ proposed change #").append(ch.id()).append('\n');
        sb.append("@@ -").append(before == 0 ? 0 : 1).append(',').append(before).append(" +")
                .append(after == 0 ? 0 : 1).append(',').append(after).append(" @@\n");
        for (DiffLine l : lines) {
            sb.append(switch (l.kind()) {
                case SAME -> ' ';
                case ADDED -> '+';
                case REMOVED -> '-';
            }).append(l.text()).append('\n');
        }
        return sb.toString();
    }

    private static ReviewReport.KeyTimeChangeRow changeRow(Messages messages, KeyTimeChange ch) {
        return new ReviewReport.KeyTimeChangeRow(ch.kind().name(), keyTimeLabel(messages, ch.kind()), ch.before(),
                ch.after(), ch.note(), ch.changedBy(), ch.changedAt());
    }

    static String keyTimeLabel(Messages messages, KeyTime kind) {
        return messages.get(switch (kind) {
            case IMPACT_BEGAN -> "review.keyTime.impact_began";
            case DETECTED -> "review.keyTime.detected";
            case FIRST_INTERNAL_ALERT -> "review.keyTime.first_internal_alert";
            case FIRST_PUBLIC_MESSAGE -> "review.keyTime.first_public_message";
            case HOLDING_STATEMENT -> "review.keyTime.holding_statement";
            case RESOLVED -> "review.keyTime.resolved";
        });
    }

    /** One item per non-blank line, stripped. */
    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Long minutesBetween(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMinutes();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

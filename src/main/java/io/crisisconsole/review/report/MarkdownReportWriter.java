package io.crisisconsole.review.report;

import static io.crisisconsole.toolkit.MarkdownText.block;
import static io.crisisconsole.toolkit.MarkdownText.inline;

import io.crisisconsole.rehearsal.ExerciseScore;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The review report as GitHub-flavoured Markdown: the sections of issue #13 item 2 in order, tables
 * where the figures are, the charts as tables of figures (Markdown has no pictures), every text a
 * user wrote escaped ({@link io.crisisconsole.toolkit.MarkdownText}).
 */
public final class MarkdownReportWriter implements ReportWriter {

    private static final int CHECK_EVERY = 500;

    @Override
    public ReportFormat format() {
        return ReportFormat.MD;
    }

    @Override
    public void write(ReviewReport report, Messages messages, Formats formats, OutputStream out,
            ExportProgress progress) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        new Layout(report, messages, formats, w, progress).write();
        w.flush();
    }

    /** One report being written. */
    private static final class Layout {
        private final ReviewReport r;
        private final Messages m;
        private final Formats f;
        private final Writer w;
        private final ExportProgress progress;
        private final String none;
        private final String separator;

        Layout(ReviewReport r, Messages m, Formats f, Writer w, ExportProgress progress) {
            this.r = r;
            this.m = m;
            this.f = f;
            this.w = w;
            this.progress = progress;
            this.none = m.get("report.none");
            this.separator = m.get("report.separator");
        }

        void write() throws IOException {
            cover();
            step(0.1, "key times");
            keyTimes();
            impact();
            step(0.2, "timeline");
            timeline();
            step(0.7, "published");
            published();
            sla();
            step(0.8, "charts");
            charts();
            plan();
            changes();
            exercise();
            external();
            step(1.0, "written");
        }

        private void step(double done, String what) {
            progress.checkCancelled();
            progress.progress(done, what);
        }

        // ---------------------------------------------------------- sections

        private void cover() throws IOException {
            ReviewReport.Meta meta = r.meta();
            line("# " + m.get("report.title", Map.of("exercise", meta.exercise(), "id", meta.caseId(),
                    "title", inline(meta.title()))));
            blank();
            if (meta.exercise()) {
                line("**" + m.get("report.cover.exercise") + "**");
                blank();
            }
            line(bullet("report.cover.severity", meta.severity()));
            line(bullet("report.cover.status", inline(meta.status())));
            line(bullet("report.cover.owner", inline(meta.owner())));
            if (meta.hashtag() != null) {
                line(bullet("report.cover.hashtag", inline(meta.hashtag())));
            }
            line(bullet("report.cover.opened", time(meta.openedAt())));
            line(bullet("report.cover.closed", time(meta.closedAt())));
            line(bullet("report.cover.playbook", meta.playbookKey() == null ? none
                    : m.get("report.cover.playbookValue", Map.of("title", inline(meta.playbookTitle()),
                            "version", meta.playbookVersion(), "name",
                            inline(meta.playbookKey() + "." + meta.playbookLanguage())))));
            line(bullet("report.cover.generated", m.get("report.cover.generatedValue", Map.of("at",
                    time(r.generatedAt()), "byGiven", r.generatedBy() != null, "by", inline(r.generatedBy())))));
            blank();
            heading(2, "report.section.summary");
            ReviewReport.Texts t = r.texts();
            paragraph(t.summary());
            heading(3, "report.summary.impact");
            paragraph(t.impact());
            heading(3, "report.summary.factors");
            items(t.contributingFactors());
            heading(3, "report.summary.lessons");
            items(t.lessons());
            heading(3, "report.summary.wentWell");
            paragraph(t.wentWell());
            heading(3, "report.summary.wentWrong");
            paragraph(t.wentWrong());
            heading(3, "report.summary.lucky");
            paragraph(t.lucky());
            if (t.reviewUpdatedAt() != null) {
                line("*" + m.get("report.summary.saved", Map.of("by", inline(t.reviewUpdatedBy()), "at",
                        time(t.reviewUpdatedAt()))) + "*");
                blank();
            }
        }

        private void keyTimes() throws IOException {
            heading(2, "report.section.keyTimes");
            header("report.keyTimes.kind", "report.keyTimes.at", "report.keyTimes.derived",
                    "report.keyTimes.sinceImpact", "report.keyTimes.setBy", "report.keyTimes.note");
            for (ReviewReport.KeyTimeRow k : r.keyTimes()) {
                row(inline(k.label()), time(k.at()), time(k.derivedAt()),
                        k.sinceImpactMinutes() == null ? none : f.duration(Duration.ofMinutes(k.sinceImpactMinutes())),
                        k.edited() ? m.get("report.keyTimes.setByValue", Map.of("by", inline(k.setBy()), "at",
                                time(k.setAt()))) : m.get("report.keyTimes.fromRecord"),
                        k.note() == null ? "" : inline(k.note()));
            }
            blank();
            heading(3, "report.keyTimes.changes");
            if (r.keyTimeChanges().isEmpty()) {
                paragraphRaw(m.get("report.keyTimes.noChanges"));
                return;
            }
            header("report.keyTimes.changedAt", "report.keyTimes.changedBy", "report.keyTimes.kind",
                    "report.keyTimes.before", "report.keyTimes.after", "report.keyTimes.note");
            for (ReviewReport.KeyTimeChangeRow c : r.keyTimeChanges()) {
                row(time(c.changedAt()), inline(c.changedBy()), inline(c.label()), time(c.before()),
                        c.after() == null ? m.get("report.keyTimes.fromRecord") : time(c.after()),
                        c.note() == null ? "" : inline(c.note()));
            }
            blank();
        }

        private void impact() throws IOException {
            heading(2, "report.section.impact");
            ReviewReport.Impact i = r.impact();
            header("report.impact.figure", "report.impact.value");
            row(m.get("report.impact.mentions"), f.number(i.mentions()));
            row(m.get("report.impact.peak"), i.peakStart() == null ? none
                    : m.get("report.impact.peakValue", Map.of("count", f.number(i.peakMentions()), "at",
                            time(i.peakStart()))));
            row(m.get("report.impact.reach"), f.number(i.reach()));
            blank();
            heading(3, "report.impact.sentiment");
            header("report.impact.period", "report.sentiment.positive", "report.sentiment.neutral",
                    "report.sentiment.negative", "report.sentiment.unknown");
            sentimentRow("report.impact.before", i.sentimentBefore());
            sentimentRow("report.impact.during", i.sentimentDuring());
            sentimentRow("report.impact.after", i.sentimentAfter());
            blank();
        }

        private void sentimentRow(String key, Map<String, Long> counts) throws IOException {
            row(m.get(key), f.number(counts.getOrDefault("positive", 0L)), f.number(counts.getOrDefault("neutral", 0L)),
                    f.number(counts.getOrDefault("negative", 0L)), f.number(counts.getOrDefault("unknown", 0L)));
        }

        private void timeline() throws IOException {
            heading(2, "report.section.timeline");
            if (r.timeline().isEmpty()) {
                paragraphRaw(none);
                return;
            }
            LocalDate day = null;
            int n = 0;
            for (ReviewReport.TimelineRow e : r.timeline()) {
                LocalDate d = e.at().atZone(f.zone()).toLocalDate();
                if (!d.equals(day)) {
                    if (day != null) {
                        blank();
                    }
                    day = d;
                    line("### " + f.date(d));
                    blank();
                    header("report.timeline.time", "report.timeline.kind", "report.timeline.author",
                            "report.timeline.entry");
                }
                StringBuilder text = new StringBuilder(inline(e.text()));
                if (e.correctsId() != null) {
                    text.append(' ').append(m.get("report.timeline.corrects", Map.of("id", e.correctsId())));
                }
                for (ReviewReport.Correction c : e.corrections()) {
                    text.append(separator).append(m.get("report.timeline.correctedBy", Map.of("at", time(c.at()),
                            "by", inline(c.author()), "text", inline(c.text()))));
                }
                row(f.clock(e.at()), inline(e.kindLabel()), inline(e.author()), text.toString());
                if (++n % CHECK_EVERY == 0) {
                    progress.checkCancelled();
                    progress.progress(0.2 + 0.5 * n / r.timeline().size(), "timeline");
                }
            }
            blank();
        }

        private void published() throws IOException {
            heading(2, "report.section.published");
            if (r.published().isEmpty()) {
                paragraphRaw(none);
                return;
            }
            for (ReviewReport.ChannelVariants ch : r.published()) {
                line("### " + inline(ch.channelLabel()));
                blank();
                header("report.published.time", "report.published.draft", "report.published.approver",
                        "report.published.text", "report.published.findings");
                for (ReviewReport.PublishedVariant v : ch.variants()) {
                    List<String> findings = new ArrayList<>();
                    for (ReviewReport.FindingRow x : v.findings()) {
                        findings.add(m.get("report.published.finding", Map.of("level", x.level(), "code",
                                inline(x.code()), "message", inline(x.message()))));
                    }
                    row(time(v.publishedAt()), m.get("report.published.draftValue", Map.of("title",
                                    inline(v.draftTitle()), "version", v.draftVersion())),
                            v.approvedBy() == null ? m.get("report.published.notApproved")
                                    : m.get("report.published.approverValue", Map.of("by", inline(v.approvedBy()),
                                            "at", time(v.approvedAt()))),
                            inline(v.text()), findings.isEmpty() ? none : String.join(separator, findings));
                }
                blank();
            }
        }

        private void sla() throws IOException {
            heading(2, "report.section.sla");
            ReviewReport.Sla s = r.sla();
            header("report.sla.measure", "report.sla.value", "report.sla.target", "report.sla.met");
            row(m.get("report.sla.firstPublic"), minutes(s.firstPublicMinutes()),
                    s.firstPublicTargetMinutes() == null ? none : minutes(s.firstPublicTargetMinutes().longValue()),
                    yesNo(s.firstPublicMet()));
            blank();
            heading(3, "report.sla.rhythm");
            if (s.rhythm().isEmpty()) {
                paragraphRaw(none);
            } else {
                header("report.sla.channel", "report.sla.publications", "report.sla.interval", "report.sla.longestGap",
                        "report.sla.late", "report.sla.kept");
                for (ReviewReport.Rhythm x : s.rhythm()) {
                    row(inline(x.channelLabel()), f.number(x.publications()), minutes((long) x.intervalMinutes()),
                            minutes(x.longestGapMinutes()), f.number(x.late()), yesNo(x.kept()));
                }
                blank();
            }
            heading(3, "report.sla.responses");
            ReviewReport.Responses resp = s.mentions();
            header("report.sla.mentions", "report.sla.answered", "report.sla.withinTarget", "report.sla.median",
                    "report.sla.p90", "report.sla.shareInTime");
            row(f.number(resp.mentions()), f.number(resp.answered()), f.number(resp.withinTarget()),
                    seconds(resp.medianSeconds()), seconds(resp.p90Seconds()),
                    resp.shareInTime() == null ? none : m.get("report.percent", Map.of("share", resp.shareInTime())));
            blank();
            heading(3, "report.sla.steps");
            if (s.stepsLateOrSkipped().isEmpty()) {
                paragraphRaw(none);
                return;
            }
            header("report.sla.step", "report.sla.owner", "report.sla.due", "report.sla.state", "report.sla.doneAt",
                    "report.sla.reason");
            for (ReviewReport.StepRow x : s.stepsLateOrSkipped()) {
                row(inline(x.title()), inline(x.owner()), time(x.due()), m.get(switch (x.state()) {
                            case "done-late" -> "report.sla.state.doneLate";
                            case "skipped" -> "report.sla.state.skipped";
                            default -> "report.sla.state.openLate";
                        }), time(x.doneAt()), x.reason() == null ? "" : inline(x.reason()));
            }
            blank();
        }

        private void charts() throws IOException {
            heading(2, "report.section.charts");
            heading(3, "report.charts.mentions");
            if (r.charts().mentionsPer15Minutes().isEmpty()) {
                paragraphRaw(none);
                return;
            }
            Map<Instant, List<String>> marks = new HashMap<>();
            long width = ReviewReportBuilder.BUCKET.getSeconds();
            for (ReviewReport.Marker x : r.charts().publications()) {
                Instant start = Instant.ofEpochSecond(Math.floorDiv(x.at().getEpochSecond(), width) * width);
                marks.computeIfAbsent(start, k -> new ArrayList<>()).add(m.get("report.charts.marker",
                        Map.of("at", f.clock(x.at()), "channel", inline(x.channelLabel()), "title",
                                inline(x.draftTitle()))));
            }
            header("report.charts.start", "report.charts.count", "report.sentiment.positive",
                    "report.sentiment.neutral", "report.sentiment.negative", "report.sentiment.unknown",
                    "report.charts.answered", "report.charts.meanResponse", "report.charts.published");
            int n = 0;
            for (ReviewReport.Bucket b : r.charts().mentionsPer15Minutes()) {
                List<String> here = marks.getOrDefault(b.start(), List.of());
                row(time(b.start()), f.number(b.mentions()), f.number(b.positive()), f.number(b.neutral()),
                        f.number(b.negative()), f.number(b.unknown()), f.number(b.answered()),
                        b.meanResponseSeconds() == null ? none : seconds(Math.round(b.meanResponseSeconds())),
                        String.join(separator, here));
                if (++n % CHECK_EVERY == 0) {
                    progress.checkCancelled();
                }
            }
            blank();
        }

        private void plan() throws IOException {
            heading(2, "report.section.plan");
            if (r.improvementPlan().isEmpty()) {
                paragraphRaw(none);
                return;
            }
            header("report.plan.action", "report.plan.owner", "report.plan.due", "report.plan.status");
            for (ReviewReport.PlanAction a : r.improvementPlan()) {
                row(inline(a.action()), a.owner() == null ? none : inline(a.owner()),
                        a.due() == null ? none : f.date(a.due()), m.get("report.plan.statusValue",
                                Map.of("status", a.status())));
            }
            blank();
        }

        private void changes() throws IOException {
            heading(2, "report.section.changes");
            if (r.playbookChanges().isEmpty()) {
                paragraphRaw(none);
                return;
            }
            for (ReviewReport.ProposedChange c : r.playbookChanges()) {
                line("### " + m.get("report.changes.title", Map.of("id", c.id(), "description",
                        inline(c.description()))));
                blank();
                paragraphRaw(m.get("report.changes.meta", Map.of("state", c.state(), "base", c.baseVersion(),
                        "becameGiven", c.becameVersion() != null,
                        "became", c.becameVersion() == null ? 0 : c.becameVersion(),
                        "by", inline(c.proposedBy()), "at", time(c.proposedAt()))));
                line(io.crisisconsole.toolkit.MarkdownText.fenced(c.diff(), "diff"));
                blank();
            }
        }

        private void exercise() throws IOException {
            ExerciseScore e = r.exercise();
            if (e == null) {
                return;
            }
            heading(2, "report.section.exercise");
            paragraphRaw(m.get("report.exercise.scenario", Map.of("title", inline(e.scenarioTitle()),
                    "minute", e.minute())));
            header("report.impact.figure", "report.impact.value");
            ExerciseScore.Expectations x = e.expectations();
            row(m.get("report.exercise.expectations"), m.get("report.exercise.expectationsValue", Map.of(
                    "passed", x.passed(), "failed", x.failed(), "expired", x.expired(), "open", x.open())));
            row(m.get("report.exercise.holding"), e.holdingStatementMinutes() == null ? none
                    : minutes(e.holdingStatementMinutes()));
            row(m.get("report.exercise.findings"), m.get("report.exercise.findingsValue", Map.of(
                    "errors", e.findings().errors(), "warnings", e.findings().warnings())));
            row(m.get("report.exercise.unapproved"), f.number(e.publishedWithoutApproval().size()));
            blank();
            heading(3, "report.exercise.objectives");
            if (e.objectives().isEmpty()) {
                paragraphRaw(none);
                return;
            }
            header("report.exercise.objective", "report.exercise.passed", "report.exercise.suggested",
                    "report.exercise.rating", "report.exercise.note");
            for (ExerciseScore.ObjectiveScore o : e.objectives()) {
                row(inline(o.text()), m.get("report.exercise.passedValue", Map.of("passed", o.passed(),
                                "total", o.total())),
                        o.suggested() == null ? none : rating(o.suggested().name()),
                        o.rating() == null ? none : rating(o.rating().name()),
                        o.note() == null ? "" : inline(o.note()));
            }
            blank();
        }

        private void external() throws IOException {
            heading(2, "report.section.external");
            heading(3, "report.external.happened");
            paragraph(r.external().whatHappened());
            heading(3, "report.external.did");
            paragraph(r.external().whatWeDid());
            heading(3, "report.external.changes");
            paragraph(r.external().whatChanges());
        }

        // ---------------------------------------------------------- pieces

        private String rating(String name) {
            return m.get("report.exercise.ratingValue", Map.of("rating", name));
        }

        private String time(Instant at) {
            return at == null ? none : f.dayClock(at);
        }

        private String minutes(Long minutes) {
            return minutes == null ? none : f.duration(Duration.ofMinutes(minutes));
        }

        private String seconds(Long seconds) {
            return seconds == null ? none : m.get("report.minutes", Map.of("minutes", seconds / 60.0));
        }

        private String yesNo(Boolean b) {
            return b == null ? none : m.get(b ? "report.yes" : "report.no");
        }

        private String bullet(String key, Object value) {
            return "- **" + m.get(key) + ":** " + value;
        }

        private void heading(int level, String key) throws IOException {
            line("#".repeat(level) + " " + m.get(key));
            blank();
        }

        private void paragraph(String userText) throws IOException {
            String text = block(userText);
            paragraphRaw(text.isEmpty() ? none : text);
        }

        private void paragraphRaw(String text) throws IOException {
            line(text);
            blank();
        }

        private void items(List<String> userItems) throws IOException {
            if (userItems.isEmpty()) {
                paragraphRaw(none);
                return;
            }
            for (String s : userItems) {
                line("- " + inline(s));
            }
            blank();
        }

        private void header(String... keys) throws IOException {
            String[] labels = new String[keys.length];
            String[] rule = new String[keys.length];
            for (int i = 0; i < keys.length; i++) {
                labels[i] = m.get(keys[i]);
                rule[i] = "---";
            }
            row(labels);
            row(rule);
        }

        private void row(String... cells) throws IOException {
            w.write("| ");
            w.write(String.join(" | ", cells));
            w.write(" |\n");
        }

        private void line(String s) throws IOException {
            w.write(s);
            w.write('\n');
        }

        private void blank() throws IOException {
            w.write('\n');
        }
    }
}

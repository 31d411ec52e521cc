package io.crisisconsole.review.report;

import io.crisisconsole.rehearsal.Rating;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the report's templates ({@code src/main/jte/review/report.jte}) read besides the report:
 * labels in the report's language, times and numbers through {@link Formats}, the charts, and the
 * few decisions a template should not make (which URL may become a link, how a diff line is
 * coloured, the CSS that filters the timeline by kind). The templates escape every text; nothing
 * here returns markup built from user text except the charts' SVG, whose texts the SVG writer escapes.
 */
public final class ReportView {

    /** Every few hundred timeline rows the export looks whether it was cancelled. */
    static final int CANCEL_CHECK_ROWS = 500;

    private static final Pattern CSS_NAME = Pattern.compile("[^A-Za-z0-9_-]");

    private final ReviewReport report;
    private final Messages messages;
    private final Formats formats;
    private final boolean pdf;
    private final ExportProgress progress;
    private final Map<String, String> svgCharts;

    ReportView(ReviewReport report, Messages messages, Formats formats, boolean pdf, ExportProgress progress,
            Map<String, String> svgCharts) {
        this.report = Objects.requireNonNull(report, "report");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.formats = Objects.requireNonNull(formats, "formats");
        this.pdf = pdf;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.svgCharts = Map.copyOf(svgCharts);
    }

    public ReviewReport report() {
        return report;
    }

    Messages messages() {
        return messages;
    }

    Formats formats() {
        return formats;
    }

    /** The PDF mode: no form controls, TOC page numbers, bookmarks, charts drawn by the object drawer. */
    public boolean pdf() {
        return pdf;
    }

    /** A label of the report. */
    public String t(String key, Object... args) {
        return messages.get(key, args);
    }

    public String lang() {
        return report.language() == null || report.language().isBlank() ? "en" : report.language();
    }

    /** {@code 1 Dec 2026 15:31}, a dash when unknown. */
    public String at(Instant at) {
        return at == null ? dash() : formats.dayClock(at);
    }

    public String day(LocalDate day) {
        return day == null ? dash() : formats.date(day);
    }

    public String num(long n) {
        return formats.number(n);
    }

    public String num(Long n) {
        return n == null ? dash() : formats.number(n);
    }

    /** {@code 7 min}, {@code 2 h 05 min}; a dash when unknown. */
    public String minutes(Long minutes) {
        return minutes == null ? dash() : formats.duration(Duration.ofMinutes(minutes));
    }

    public String minutes(Integer minutes) {
        return minutes == null ? dash() : minutes(minutes.longValue());
    }

    /** Seconds as a duration; under a minute as seconds. */
    public String seconds(Long seconds) {
        if (seconds == null) {
            return dash();
        }
        return seconds < 60 ? messages.get("review.report.seconds", seconds) : formats.duration(Duration.ofSeconds(seconds));
    }

    /** A share 0..1 as a percentage. */
    public String share(Double share) {
        return share == null ? dash() : messages.get("review.report.percent", share);
    }

    public String yesNo(Boolean b) {
        return b == null ? dash() : messages.get(b ? "review.report.yes" : "review.report.no");
    }

    public String dash() {
        return messages.get("review.report.none");
    }

    /** {@code T+12 min} from impact began; empty when unknown. */
    public String sinceImpact(Long minutes) {
        return minutes == null ? "" : formats.offset(Instant.EPOCH, Instant.EPOCH.plusSeconds(minutes * 60));
    }

    public String sentiment(String name) {
        return switch (name) {
            case "positive" -> messages.get("inbox.sentiment.positive");
            case "neutral" -> messages.get("inbox.sentiment.neutral");
            case "negative" -> messages.get("inbox.sentiment.negative");
            default -> messages.get("inbox.sentiment.unknown");
        };
    }

    /** The sentiment names in the order the impact table shows them. */
    public List<String> sentiments() {
        return List.of("positive", "neutral", "negative", "unknown");
    }

    public long count(Map<String, Long> counts, String name) {
        Long n = counts == null ? null : counts.get(name);
        return n == null ? 0 : n;
    }

    public String stepState(String state) {
        return switch (state) {
            case "done-late" -> messages.get("review.report.sla.step.doneLate");
            case "skipped" -> messages.get("review.report.sla.step.skipped");
            default -> messages.get("review.report.sla.step.openLate");
        };
    }

    public String actionStatus(String status) {
        return "done".equals(status) ? messages.get("review.report.plan.done") : messages.get("review.report.plan.open");
    }

    public String changeState(String state) {
        return switch (state) {
            case "accepted" -> messages.get("review.report.changes.accepted");
            case "rejected" -> messages.get("review.report.changes.rejected");
            default -> messages.get("review.report.changes.proposed");
        };
    }

    public String findingLevel(String level) {
        return "error".equals(level) ? messages.get("review.report.published.error")
                : messages.get("review.report.published.warning");
    }

    public String rating(Rating rating) {
        if (rating == null) {
            return messages.get("rehearsal.rating.none");
        }
        return switch (rating) {
            case PERFORMED -> messages.get("rehearsal.rating.performed");
            case SOME_CHALLENGES -> messages.get("rehearsal.rating.someChallenges");
            case MAJOR_CHALLENGES -> messages.get("rehearsal.rating.majorChallenges");
            case NOT_PERFORMED -> messages.get("rehearsal.rating.notPerformed");
        };
    }

    /** The hub URL when it may become a link (http or https with a host); else null, and it shows as text. */
    public String safeUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toASCIIString()
                    : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** A CSS class name made of a kind's name (letters, digits, - and _ only). */
    public String cssName(String name) {
        return CSS_NAME.matcher(name == null ? "" : name).replaceAll("_");
    }

    /** The timeline's kinds in order of first appearance, with their label and count. */
    public List<Kind> kinds() {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (ReviewReport.TimelineRow row : report.timeline()) {
            Kind k = kinds.get(row.kind());
            kinds.put(row.kind(), new Kind(cssName(row.kind()), row.kindLabel(), k == null ? 1 : k.count() + 1));
        }
        return List.copyOf(kinds.values());
    }

    /** A kind of timeline entry: its CSS name, label and how many entries it has. */
    public record Kind(String css, String label, int count) {
    }

    /**
     * The CSS of the timeline's filter (HTML mode): an unticked kind's box hides its entries, no
     * script. Made of {@link #cssName} names only.
     */
    public String filterCss() {
        StringBuilder css = new StringBuilder();
        for (Kind k : kinds()) {
            css.append("#f-").append(k.css()).append(":not(:checked)~.tl .k-").append(k.css())
                    .append("{display:none}\n");
            css.append("#f-").append(k.css()).append(":not(:checked)~.filter label[for=f-").append(k.css())
                    .append("]{text-decoration:line-through;color:#8a949e}\n");
        }
        return css.toString();
    }

    /** The timeline rows; looks every {@value #CANCEL_CHECK_ROWS} rows whether the export was cancelled. */
    public Iterable<ReviewReport.TimelineRow> timeline() {
        List<ReviewReport.TimelineRow> rows = report.timeline();
        return () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < rows.size();
            }

            @Override
            public ReviewReport.TimelineRow next() {
                if (i % CANCEL_CHECK_ROWS == 0) {
                    progress.checkCancelled();
                    progress.progress(0.2 + 0.6 * i / Math.max(1, rows.size()), "timeline");
                }
                return rows.get(i++);
            }
        };
    }

    /** A diff line with its class: add, del, hunk or ctx. */
    public record DiffLine(String css, String text) {
    }

    public List<DiffLine> diff(String diff) {
        List<DiffLine> out = new ArrayList<>();
        if (diff == null) {
            return out;
        }
        for (String line : diff.split("\r?\n", -1)) {
            String css;
            if (line.startsWith("+++") || line.startsWith("---")) {
                css = "file";
            } else if (line.startsWith("+")) {
                css = "add";
            } else if (line.startsWith("-")) {
                css = "del";
            } else if (line.startsWith("@@")) {
                css = "hunk";
            } else {
                css = "ctx";
            }
            out.add(new DiffLine(css, line));
        }
        if (!out.isEmpty() && out.get(out.size() - 1).text().isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** The most variants one channel has (the width of the side-by-side tables). */
    public int widest(ReviewReport.ChannelVariants channel) {
        return channel.variants().size();
    }

    /** The SVG of a chart (HTML mode), made by {@link ReviewCharts}. */
    public String svg(String chart) {
        return svgCharts.getOrDefault(chart, "");
    }

    /** The chart names in the order the report shows them, with their headings. */
    public List<String> charts() {
        return ReviewCharts.NAMES;
    }

    public String chartTitle(String chart) {
        return switch (chart) {
            case ReviewCharts.MENTIONS -> messages.get("review.report.chart.mentions");
            case ReviewCharts.SENTIMENT -> messages.get("review.report.chart.sentiment");
            default -> messages.get("review.report.chart.responses");
        };
    }

    /** A section of the report: its anchor and heading. */
    public record Section(String id, String title) {
    }

    /** The sections in order (the exercise's only for exercises), for the contents, bookmarks and headings. */
    public List<Section> sections() {
        List<Section> s = new ArrayList<>();
        s.add(new Section("summary", messages.get("review.report.section.summary")));
        s.add(new Section("key-times", messages.get("review.report.section.keyTimes")));
        s.add(new Section("impact", messages.get("review.report.section.impact")));
        s.add(new Section("timeline", messages.get("review.report.section.timeline")));
        s.add(new Section("published", messages.get("review.report.section.published")));
        s.add(new Section("sla", messages.get("review.report.section.sla")));
        s.add(new Section("charts", messages.get("review.report.section.charts")));
        s.add(new Section("plan", messages.get("review.report.section.plan")));
        s.add(new Section("changes", messages.get("review.report.section.changes")));
        if (report.exercise() != null) {
            s.add(new Section("exercise", messages.get("review.report.section.exercise")));
        }
        s.add(new Section("external", messages.get("review.report.section.external")));
        if (pdf) {
            // the PDF's full timeline, drawn after the rest (TimelinePages)
            s.add(new Section("appendix", messages.get("review.report.section.appendix")));
        }
        return s;
    }

    /** The heading of section {@code id}. */
    public String heading(String id) {
        return sections().stream().filter(s -> s.id().equals(id)).map(Section::title).findFirst().orElseThrow();
    }
}

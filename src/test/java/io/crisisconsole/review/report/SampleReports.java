package io.crisisconsole.review.report;

import io.crisisconsole.rehearsal.ExerciseScore;
import io.crisisconsole.rehearsal.ExerciseState;
import io.crisisconsole.rehearsal.Rating;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Review reports for the writers' tests and the benchmark: {@link #full()} fills every section, in
 * English with Russian, Polish and Spanish texts and hostile ones (markup, quotes, a javascript: hub
 * link); {@link #large} has as many timeline entries and 15-minute buckets as asked.
 */
public final class SampleReports {

    public static final Instant IMPACT = Instant.parse("2026-11-30T08:00:00Z");
    public static final String RUSSIAN = "Сбой оплаты: клиенты не могут оплатить заказы, ждём исправления";
    public static final String POLISH = "Zażółć gęślą jaźń: ąęłńóśźż ĄĘŁŃÓŚŹŻ";
    public static final String SPANISH = "¿Qué pasó? ¡Señor Núñez, la cigüeña está en el año nuevo!";
    public static final String SCRIPT = "<script>alert('x')</script>";
    public static final String ATTRIBUTE = "\" onmouseover=\"alert(1)";
    public static final String STYLE_BREAK = "</style><script>alert(2)</script>";
    public static final String JS_URL = "javascript:alert(document.cookie)";
    /** A hostile text with all of the above and an ampersand and a control character. */
    public static final String HOSTILE = SCRIPT + " " + ATTRIBUTE + " " + STYLE_BREAK + " & <b>bold</b>\u0007";

    private SampleReports() {
    }

    /** Every section filled; the hub link is a javascript: URL (must stay text). */
    public static ReviewReport full() {
        return build(true, JS_URL, timeline(12), buckets(16), true);
    }

    /** Like {@link #full()} with an http hub link, a real case (no exercise). */
    public static ReviewReport real() {
        return build(false, "https://example.com/status?a=1&b=2", timeline(12), buckets(16), false);
    }

    /** {@code timelineEntries} entries (every tenth corrected) and {@code buckets} 15-minute buckets. */
    public static ReviewReport large(int timelineEntries, int buckets) {
        return build(false, "https://example.com/status", timeline(timelineEntries), buckets(buckets), false);
    }

    private static ReviewReport build(boolean exercise, String hubUrl, List<ReviewReport.TimelineRow> timeline,
            List<ReviewReport.Bucket> buckets, boolean withExercise) {
        ReviewReport.Meta meta = new ReviewReport.Meta(42, "Payment outage / " + RUSSIAN, exercise, 3, "CLOSED",
                "Ana Núñez", "#pagos", hubUrl, IMPACT.plus(min(7)), IMPACT.plus(Duration.ofHours(30)),
                "service-outage", "Service outage", 4, "en");
        ReviewReport.Texts texts = new ReviewReport.Texts(RUSSIAN + "\n" + POLISH + "\n" + SPANISH,
                "Orders lost for 3 hours; call centre queue 40 min.\n" + HOSTILE,
                List.of("Deploy without canary", "Status page owner on leave " + SCRIPT),
                List.of("Name a deputy for the status page", POLISH), "Holding statement in 12 minutes",
                "Update rhythm on X slipped " + ATTRIBUTE, "Outage began outside peak hours", "Marta Kowalska",
                IMPACT.plus(Duration.ofDays(2)));
        List<ReviewReport.KeyTimeRow> keyTimes = List.of(
                new ReviewReport.KeyTimeRow("IMPACT_BEGAN", "Impact began", IMPACT, IMPACT.plus(min(2)), true,
                        "Marta Kowalska", IMPACT.plus(Duration.ofDays(2)), "First customer call at 08:00 " + SCRIPT, 0L),
                new ReviewReport.KeyTimeRow("DETECTED", "Detected", IMPACT.plus(min(7)), IMPACT.plus(min(7)), false,
                        null, null, null, 7L),
                new ReviewReport.KeyTimeRow("FIRST_INTERNAL_ALERT", "First internal alert", IMPACT.plus(min(9)),
                        IMPACT.plus(min(9)), false, null, null, null, 9L),
                new ReviewReport.KeyTimeRow("FIRST_PUBLIC_MESSAGE", "First public message", IMPACT.plus(min(19)),
                        IMPACT.plus(min(19)), false, null, null, null, 19L),
                new ReviewReport.KeyTimeRow("HOLDING_STATEMENT", "Holding statement", IMPACT.plus(min(19)),
                        IMPACT.plus(min(19)), false, null, null, null, 19L),
                new ReviewReport.KeyTimeRow("RESOLVED", "Resolved", IMPACT.plus(min(190)), null, true, "Ana Núñez",
                        IMPACT.plus(Duration.ofDays(2)), SPANISH, 190L));
        List<ReviewReport.KeyTimeChangeRow> changes = List.of(
                new ReviewReport.KeyTimeChangeRow("IMPACT_BEGAN", "Impact began", IMPACT.plus(min(2)), IMPACT,
                        "Call centre log " + ATTRIBUTE, "Marta Kowalska", IMPACT.plus(Duration.ofDays(2))),
                new ReviewReport.KeyTimeChangeRow("RESOLVED", "Resolved", null, IMPACT.plus(min(190)), POLISH,
                        "Ana Núñez", IMPACT.plus(Duration.ofDays(2)).plus(min(5))));
        ReviewReport.Impact impact = new ReviewReport.Impact(buckets.stream().mapToLong(ReviewReport.Bucket::mentions)
                .sum(), IMPACT.plus(min(45)), 310, 1_234_567, sentiment(3, 10, 2, 1), sentiment(40, 300, 900, 60),
                sentiment(20, 80, 30, 5));
        ReviewReport.FindingRow error = new ReviewReport.FindingRow("error", "fact.mismatch",
                "The time differs from the website: 09:30 vs 10:00 " + SCRIPT);
        ReviewReport.FindingRow warning = new ReviewReport.FindingRow("warning", "tone.blame", "Sounds like blame");
        List<ReviewReport.ChannelVariants> published = List.of(
                new ReviewReport.ChannelVariants("x", "X", List.of(
                        new ReviewReport.PublishedVariant(5, "Holding statement", 2, "published",
                                "We know payments fail. Update by 09:00. " + SPANISH, IMPACT.plus(min(19)),
                                "Ana Núñez", "Marta Kowalska", IMPACT.plus(min(18)), List.of(warning)),
                        new ReviewReport.PublishedVariant(6, "Update 1", 1, "published",
                                "Payments are back for most. " + HOSTILE, IMPACT.plus(min(80)), "Ana Núñez", null,
                                null, List.of(error, warning)))),
                new ReviewReport.ChannelVariants("website", "Website", List.of(
                        new ReviewReport.PublishedVariant(5, "Holding statement", 2, "published",
                                RUSSIAN + "\n\n" + POLISH, IMPACT.plus(min(21)), "Ana Núñez", "Marta Kowalska",
                                IMPACT.plus(min(18)), List.of()))));
        ReviewReport.Sla sla = new ReviewReport.Sla(19L, 30, true,
                List.of(new ReviewReport.Rhythm("x", "X", 4, 60, 95L, 1, false),
                        new ReviewReport.Rhythm("website", "Website", 3, 120, 100L, 0, true)),
                new ReviewReport.Responses(1500, 1200, 900, 840L, 3600L, 0.6),
                List.of(new ReviewReport.StepRow("notify-legal", "Notify legal " + SCRIPT, "Legal desk",
                        IMPACT.plus(min(30)), "done-late", IMPACT.plus(min(75)), "Nobody on call " + POLISH),
                        new ReviewReport.StepRow("faq", "Publish FAQ", "Web team", IMPACT.plus(min(60)), "skipped",
                                null, "Not needed")));
        List<ReviewReport.Marker> markers = List.of(
                new ReviewReport.Marker(IMPACT.plus(min(19)), "x", "X", "Holding statement"),
                new ReviewReport.Marker(IMPACT.plus(min(21)), "website", "Website", "Holding statement"),
                new ReviewReport.Marker(IMPACT.plus(min(80)), "x", "X <b>", "Update 1"));
        ReviewReport.Charts charts = new ReviewReport.Charts(buckets, markers, 60);
        List<ReviewReport.PlanAction> plan = List.of(
                new ReviewReport.PlanAction(1, "Canary every payment deploy " + ATTRIBUTE, "Platform team",
                        LocalDate.of(2027, 1, 15), "open"),
                new ReviewReport.PlanAction(2, "Deputy for the status page: " + POLISH, "Marta Kowalska",
                        LocalDate.of(2026, 12, 10), "done"));
        List<ReviewReport.ProposedChange> playbookChanges = List.of(
                new ReviewReport.ProposedChange(7, "sla", "First public reply within 20 minutes " + SCRIPT, "accepted",
                        4, 5, "--- service-outage v4\n+++ service-outage v5\n@@ -10,3 +10,3 @@\n sla:\n-  firstPublicReply: 30\n+  firstPublicReply: 20\n   updateInterval: 60\n",
                        "Marta Kowalska", IMPACT.plus(Duration.ofDays(2))),
                new ReviewReport.ProposedChange(8, "step", "Add a status page deputy", "proposed", 5, null,
                        "@@ -40,2 +40,4 @@\n steps:\n+  - id: deputy\n+    title: \"" + RUSSIAN + " </script>\"\n   - id: faq\n",
                        "Ana Núñez", IMPACT.plus(Duration.ofDays(2))));
        ReviewReport.External external = new ReviewReport.External(
                "On 30 November payments failed for three hours. " + SPANISH, "We told customers within 19 minutes. "
                        + RUSSIAN, "Every payment change is tried on a small share first. " + POLISH + " " + HOSTILE);
        return new ReviewReport(ReviewReport.SCHEMA_VERSION, "en", IMPACT.plus(Duration.ofDays(3)), "Marta Kowalska",
                meta, texts, keyTimes, changes, impact, timeline, published, sla, charts, plan, playbookChanges,
                withExercise ? exercise() : null, external);
    }

    private static ExerciseScore exercise() {
        return new ExerciseScore(42, "payment-outage", "Payment outage " + SPANISH, "en", ExerciseState.ENDED, 95,
                new ExerciseScore.FirstResponse(30, 24, 18, 2, 420L, 1500L, 0.6), 19L, 30,
                List.of(new ExerciseScore.Rhythm("x", 4, 60, 95L, 1, false)),
                new ExerciseScore.Expectations(5, 2, 1, 0, List.of()), new ExerciseScore.Steps(12, 9, 2, 1, 2, 1),
                new ExerciseScore.Findings(6, 1, 3, List.of()), List.of(),
                List.of(new ExerciseScore.ObjectiveScore("o1", "Holding statement in 30 minutes", 2, 2,
                        Rating.PERFORMED, Rating.SOME_CHALLENGES, "Approver late " + SCRIPT),
                        new ExerciseScore.ObjectiveScore("o2", "Keep the rhythm " + POLISH, 1, 3,
                                Rating.MAJOR_CHALLENGES, null, null)));
    }

    private static List<ReviewReport.TimelineRow> timeline(int n) {
        String[][] kinds = {{"NOTE", "Note"}, {"DECISION", "Decision"}, {"PUBLICATION", "Publication"},
            {"ESCALATION", "Escalation"}, {"CORRECTION", "Correction"}};
        String[] texts = {RUSSIAN, POLISH, SPANISH, HOSTILE, "Call centre reports 40 min queue"};
        List<ReviewReport.TimelineRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long id = i + 1;
            Instant at = IMPACT.plusSeconds(i * 20L);
            if (i % 10 == 9) {
                long corrected = id - 5;
                rows.add(new ReviewReport.TimelineRow(id, at, at, "CORRECTION", "Correction", "Ana Núñez",
                        "Correction: the queue was 25 minutes", null, corrected, List.of()));
                // the corrected entry carries it beside itself
                int idx = (int) corrected - 1;
                ReviewReport.TimelineRow c = rows.get(idx);
                rows.set(idx, new ReviewReport.TimelineRow(c.id(), c.at(), c.recordedAt(), c.kind(), c.kindLabel(),
                        c.author(), c.text(), c.eventCode(), c.correctsId(),
                        List.of(new ReviewReport.Correction(id, at, "Ana Núñez", "Correction: the queue was 25 minutes"))));
                continue;
            }
            String[] kind = kinds[i % 4];
            rows.add(new ReviewReport.TimelineRow(id, at, at.plusSeconds(3), kind[0], kind[1],
                    i % 2 == 0 ? "Marta Kowalska" : "Ana Núñez", texts[i % texts.length] + " #" + id,
                    i % 3 == 0 ? "NOTE_ADDED" : null, null, List.of()));
        }
        return rows;
    }

    private static List<ReviewReport.Bucket> buckets(int n) {
        List<ReviewReport.Bucket> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long mentions = 20 + (long) (300 * Math.exp(-Math.pow((i % 96 - 3) / 3.0, 2)));
            long negative = mentions * 6 / 10;
            long positive = mentions / 10;
            long unknown = mentions / 20;
            long neutral = mentions - negative - positive - unknown;
            long answered = mentions / 2;
            out.add(new ReviewReport.Bucket(IMPACT.plus(min(15L * i)), mentions, positive, neutral, negative, unknown,
                    answered, i % 7 == 6 ? null : 600.0 + 400 * Math.sin(i / 2.0) + 900));
        }
        return out;
    }

    private static Map<String, Long> sentiment(long positive, long neutral, long negative, long unknown) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("positive", positive);
        m.put("neutral", neutral);
        m.put("negative", negative);
        m.put("unknown", unknown);
        return m;
    }

    private static Duration min(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}

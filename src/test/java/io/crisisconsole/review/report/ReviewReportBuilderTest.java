package io.crisisconsole.review.report;

import static io.crisisconsole.review.report.ReviewReportFixture.HOSTILE;
import static io.crisisconsole.review.report.ReviewReportFixture.IMPACT_MINUTE;
import static io.crisisconsole.review.report.ReviewReportFixture.MENTIONS;
import static io.crisisconsole.review.report.ReviewReportFixture.NOW_MINUTE;
import static io.crisisconsole.review.report.ReviewReportFixture.RESOLVED_MINUTE;
import static io.crisisconsole.review.report.ReviewReportFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.inbox.InboxType;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.Sentiment;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.review.report.ReviewReportFixture.Seed;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.toolkit.Formats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a seeded case: every section, its figures worked out here from the seed, not by the builder. */
class ReviewReportBuilderTest {

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    Services services;
    ReviewReportFixture seeded;
    ReviewReport report;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        seeded = ReviewReportFixture.seed(store);
        services = seeded.services;
        report = seeded.report("Rita Reviewer");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void coverTextsAndKeyTimes() {
        assertThat(report.schemaVersion()).isEqualTo(ReviewReport.SCHEMA_VERSION);
        assertThat(report.language()).isEqualTo("en");
        assertThat(report.generatedAt()).isEqualTo(at(NOW_MINUTE));
        assertThat(report.generatedBy()).isEqualTo("Rita Reviewer");
        ReviewReport.Meta meta = report.meta();
        assertThat(meta.caseId()).isEqualTo(seeded.outage.id());
        assertThat(meta.title()).isEqualTo("Checkout outage " + HOSTILE);
        assertThat(meta.exercise()).isFalse();
        assertThat(meta.severity()).isEqualTo(2);
        assertThat(meta.openedAt()).isEqualTo(ReviewReportFixture.T0);
        assertThat(meta.playbookKey()).isEqualTo("service-outage");
        assertThat(meta.playbookLanguage()).isEqualTo("en");
        assertThat(meta.playbookVersion()).isEqualTo(seeded.playbook.currentVersion());

        ReviewReport.Texts t = report.texts();
        assertThat(t.summary()).isEqualTo("Checkout failed for three hours. " + HOSTILE);
        assertThat(t.contributingFactors()).containsExactly("a bad deploy", "no canary");
        assertThat(t.lessons()).containsExactly("roll back faster", "canary deploys");
        assertThat(t.wentWell()).isEqualTo("Holding statement in 12 min");
        assertThat(t.wentWrong()).isEqualTo("Status page lagged");
        assertThat(t.lucky()).isEqualTo("It hit at night");
        assertThat(t.reviewUpdatedBy()).isEqualTo("anna");
        assertThat(report.external()).isEqualTo(new ReviewReport.External("Checkout failed " + HOSTILE,
                "We rolled back", "Canary deploys"));

        assertThat(report.keyTimes()).extracting(ReviewReport.KeyTimeRow::kind).containsExactly("IMPACT_BEGAN",
                "DETECTED", "FIRST_INTERNAL_ALERT", "FIRST_PUBLIC_MESSAGE", "HOLDING_STATEMENT", "RESOLVED");
        ReviewReport.KeyTimeRow began = report.keyTimes().get(0);
        assertThat(began.label()).isEqualTo("Impact began");
        assertThat(began.at()).isEqualTo(at(IMPACT_MINUTE));
        // derived: the earlier of the first mention and the opening
        assertThat(began.derivedAt()).isEqualTo(at(MENTIONS.get(0).minute()));
        assertThat(began.edited()).isTrue();
        assertThat(began.setBy()).isEqualTo("piotr");
        assertThat(began.note()).isEqualTo("provider log " + HOSTILE);
        assertThat(began.sinceImpactMinutes()).isZero();
        // the first publication on a public channel went out at minute 12 (website and X)
        ReviewReport.KeyTimeRow firstPublic = report.keyTimes().get(3);
        assertThat(firstPublic.at()).isEqualTo(at(12));
        assertThat(firstPublic.sinceImpactMinutes()).isEqualTo(12L - IMPACT_MINUTE);
        assertThat(report.keyTimes().get(5).sinceImpactMinutes()).isEqualTo((long) RESOLVED_MINUTE - IMPACT_MINUTE);

        assertThat(report.keyTimeChanges()).extracting(ReviewReport.KeyTimeChangeRow::kind,
                ReviewReport.KeyTimeChangeRow::after, ReviewReport.KeyTimeChangeRow::changedBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("IMPACT_BEGAN", at(IMPACT_MINUTE), "piotr"),
                org.assertj.core.groups.Tuple.tuple("RESOLVED", at(RESOLVED_MINUTE), "piotr"));
        assertThat(report.keyTimeChanges().get(0).before()).isEqualTo(at(MENTIONS.get(0).minute()));
    }

    @Test
    void impactIsCountedFromTheSeededMentions() {
        ReviewReport.Impact i = report.impact();
        assertThat(i.mentions()).isEqualTo(MENTIONS.size());
        assertThat(i.reach()).isEqualTo(MENTIONS.stream().mapToLong(s -> s.reach() == null ? 0 : s.reach()).sum());
        assertThat(i.sentimentBefore()).isEqualTo(sentiments(Integer.MIN_VALUE, IMPACT_MINUTE));
        assertThat(i.sentimentDuring()).isEqualTo(sentiments(IMPACT_MINUTE, RESOLVED_MINUTE));
        assertThat(i.sentimentAfter()).isEqualTo(sentiments(RESOLVED_MINUTE, Integer.MAX_VALUE));
        assertThat(i.sentimentBefore().get("negative")).isEqualTo(1L);
        TreeMap<Instant, Long> buckets = quarterHours();
        long peak = buckets.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(i.peakMentions()).isEqualTo(peak);
        assertThat(i.peakStart()).isEqualTo(buckets.entrySet().stream().filter(e -> e.getValue() == peak)
                .findFirst().orElseThrow().getKey());
    }

    @Test
    void theTimelineCarriesEveryEntryWithCorrectionsBesideWhatTheyCorrect() {
        assertThat(report.timeline()).hasSize(services.cases().timeline(seeded.outage.id()).size());
        ReviewReport.TimelineRow note = report.timeline().stream().filter(r -> r.id() == seeded.note.id())
                .findFirst().orElseThrow();
        assertThat(note.text()).isEqualTo(HOSTILE);
        assertThat(note.kind()).isEqualTo("NOTE");
        assertThat(note.kindLabel()).isEqualTo("Note");
        assertThat(note.at()).isEqualTo(at(30));
        assertThat(note.corrections()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(seeded.correction.id());
            assertThat(c.author()).isEqualTo("piotr");
            assertThat(c.text()).contains("Rollback started at 09:30");
        });
        ReviewReport.TimelineRow correction = report.timeline().stream()
                .filter(r -> r.id() == seeded.correction.id()).findFirst().orElseThrow();
        assertThat(correction.correctsId()).isEqualTo(seeded.note.id());
        assertThat(correction.kindLabel()).isEqualTo("Correction");
        // coded entries are in the report's language, not left as codes
        assertThat(report.timeline()).filteredOn(r -> r.eventCode() != null).isNotEmpty()
                .allSatisfy(r -> assertThat(r.text()).isNotBlank().doesNotContain("timeline."));
    }

    @Test
    void everyPublishedVariantPerChannelWithItsApproverAndFindings() {
        assertThat(report.published()).extracting(ReviewReport.ChannelVariants::channel)
                .containsExactly("x", "facebook", "website");
        assertThat(report.published()).extracting(ReviewReport.ChannelVariants::channelLabel)
                .containsExactly("X", "Facebook", "Website / hub");
        ReviewReport.ChannelVariants website = report.published().get(2);
        assertThat(website.variants()).extracting(ReviewReport.PublishedVariant::draftTitle,
                ReviewReport.PublishedVariant::publishedAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Holding statement", at(12)),
                org.assertj.core.groups.Tuple.tuple("Update 1", at(50)));
        assertThat(website.variants().get(0).text())
                .isEqualTo("We know checkout fails and are fixing it. Next update at 09:50.");
        assertThat(website.variants()).allSatisfy(v -> {
            assertThat(v.approvedBy()).isEqualTo("Lena Legal");
            assertThat(v.approvedAt()).isNotNull();
            assertThat(v.draftVersion()).isEqualTo(2);
            assertThat(v.markedBy()).isEqualTo("anna");
            assertThat(v.findings()).extracting(ReviewReport.FindingRow::code).doesNotContain("over-limit");
        });
        ReviewReport.PublishedVariant x = report.published().get(0).variants().get(0);
        assertThat(x.text()).hasSizeGreaterThan(280);
        assertThat(x.findings()).filteredOn(f -> f.code().equals("over-limit")).singleElement()
                .satisfies(f -> assertThat(f.level()).isEqualTo("error"));
    }

    @Test
    void theSlaTableIsWorkedOutFromTheSeed() {
        Playbook p = services.playbooks().currentPlaybook(seeded.playbook.id());
        Playbook.Slas slas = p.when().slas();
        ReviewReport.Sla sla = report.sla();
        assertThat(sla.firstPublicMinutes()).isEqualTo(12L - IMPACT_MINUTE);
        assertThat(sla.firstPublicTargetMinutes()).isEqualTo(slas.firstPublicReplyMinutes());
        assertThat(sla.firstPublicMet()).isEqualTo(12 - IMPACT_MINUTE <= slas.firstPublicReplyMinutes());

        // the window runs from impact began for the playbook's minutes; publications: X 12, facebook 50, website 12 and 50
        int windowEnd = IMPACT_MINUTE + slas.updateIntervalAppliesForMinutes();
        int every = slas.updateIntervalMinutes();
        assertThat(sla.rhythm()).extracting(ReviewReport.Rhythm::channel).containsExactly("x", "facebook", "website");
        assertRhythm(sla.rhythm().get(0), every, windowEnd - 12);
        assertRhythm(sla.rhythm().get(1), every, windowEnd - 50);
        assertRhythm(sla.rhythm().get(2), every, 50 - 12, windowEnd - 50);

        Map<InboxType, Integer> targets = services.inbox().replyMinutes(seeded.outage.id());
        List<Long> seconds = new ArrayList<>();
        long within = 0;
        for (int i = 0; i < MENTIONS.size(); i++) {
            Seed s = MENTIONS.get(i);
            if (s.answeredMinute() != null) {
                long took = (s.answeredMinute() - s.minute()) * 60L;
                seconds.add(took);
                Mention m = seeded.mentions.get(i);
                if (took <= targets.get(m.type()) * 60L) {
                    within++;
                }
            }
        }
        seconds.sort(Long::compareTo);
        ReviewReport.Responses r = sla.mentions();
        assertThat(r.mentions()).isEqualTo(MENTIONS.size());
        assertThat(r.answered()).isEqualTo(seconds.size());
        assertThat(r.withinTarget()).isEqualTo(within);
        assertThat(r.medianSeconds()).isEqualTo(seconds.get((int) Math.ceil(seconds.size() * 0.5) - 1));
        assertThat(r.p90Seconds()).isEqualTo(seconds.get((int) Math.ceil(seconds.size() * 0.9) - 1));
        assertThat(r.shareInTime()).isEqualTo(within / (double) MENTIONS.size());

        // open-case done at 25 (late), holding-statement done at 12 (in time), brief-front-line skipped,
        // the rest open: late when due before now
        List<String> expected = new ArrayList<>();
        for (Playbook.Step step : p.how().steps()) {
            String state = switch (step.id()) {
                case "open-case" -> step.dueMinutes() < 25 ? "done-late" : null;
                case "holding-statement" -> step.dueMinutes() < 12 ? "done-late" : null;
                case "brief-front-line" -> "skipped";
                default -> step.dueMinutes() < NOW_MINUTE ? "open-late" : null;
            };
            if (state != null) {
                expected.add(step.id() + " " + state);
            }
        }
        assertThat(sla.stepsLateOrSkipped()).extracting(s -> s.stepId() + " " + s.state())
                .containsExactlyElementsOf(expected).contains("open-case done-late", "brief-front-line skipped");
        assertThat(sla.stepsLateOrSkipped()).filteredOn(s -> s.state().equals("skipped")).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo("the call centre was closed " + HOSTILE));
    }

    private static void assertRhythm(ReviewReport.Rhythm r, int every, int... gaps) {
        long longest = java.util.Arrays.stream(gaps).max().orElseThrow();
        int late = (int) java.util.Arrays.stream(gaps).filter(g -> g > every).count();
        assertThat(r.intervalMinutes()).isEqualTo(every);
        assertThat(r.longestGapMinutes()).isEqualTo(longest);
        assertThat(r.late()).isEqualTo(late);
        assertThat(r.kept()).isEqualTo(late == 0);
    }

    @Test
    void theChartsAreTheMentionsPerQuarterHourWithThePublications() {
        TreeMap<Instant, Long> expected = quarterHours();
        // every quarter hour from the first mention's to the last one's, empty ones included
        Instant first = expected.firstKey();
        long quarters = Duration.between(first, expected.lastKey()).toMinutes() / 15 + 1;
        List<ReviewReport.Bucket> buckets = report.charts().mentionsPer15Minutes();
        assertThat(buckets).hasSize((int) quarters);
        for (ReviewReport.Bucket b : buckets) {
            assertThat(b.mentions()).as(b.start().toString()).isEqualTo(expected.getOrDefault(b.start(), 0L));
            assertThat(b.positive() + b.neutral() + b.negative() + b.unknown()).isEqualTo(b.mentions());
        }
        assertThat(report.charts().publications()).extracting(ReviewReport.Marker::at, ReviewReport.Marker::channel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(at(12), "website"),
                        org.assertj.core.groups.Tuple.tuple(at(12), "x"),
                        org.assertj.core.groups.Tuple.tuple(at(50), "website"),
                        org.assertj.core.groups.Tuple.tuple(at(50), "facebook"));
        assertThat(report.charts().publications().get(0).draftTitle()).isEqualTo("Holding statement");
    }

    @Test
    void thePlanAndTheProposedChangeWithItsDiff() {
        assertThat(report.improvementPlan()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("Canary every deploy " + HOSTILE);
            assertThat(a.owner()).isEqualTo("Piotr");
            assertThat(a.due()).isEqualTo(LocalDate.parse("2026-12-15"));
            assertThat(a.status()).isEqualTo("open");
        });
        int every = services.playbooks().currentPlaybook(seeded.playbook.id()).when().slas().updateIntervalMinutes();
        assertThat(report.playbookChanges()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo("proposed");
            assertThat(c.baseVersion()).isEqualTo(seeded.playbook.currentVersion());
            assertThat(c.becameVersion()).isNull();
            assertThat(c.proposedBy()).isEqualTo("anna");
            assertThat(c.diff()).startsWith("--- playbook v" + c.baseVersion())
                    .contains("\n-    update_interval_minutes: " + every + "\n")
                    .contains("\n+    update_interval_minutes: 15\n");
        });
        assertThat(report.exercise()).isNull();
    }

    @Test
    void aCancelledBuildStops() {
        assertThatThrownBy(() -> services.reviewReports().build(seeded.outage.id(), English.MESSAGES,
                new Formats(English.MESSAGES, ZoneOffset.UTC), new ExportProgress() {
                    @Override
                    public void progress(double done, String step) {
                    }

                    @Override
                    public boolean cancelled() {
                        return true;
                    }
                })).isInstanceOf(CancellationException.class);
    }

    @Test
    void anExerciseCarriesItsScore() throws IOException, InterruptedException {
        long id = ReviewReportFixture.runDrill(services);
        ReviewReport r = services.reviewReports().build(id, English.MESSAGES,
                new Formats(English.MESSAGES, ZoneOffset.UTC), ExportProgress.none());
        assertThat(r.meta().exercise()).isTrue();
        assertThat(r.exercise()).isEqualTo(services.exerciseScores().score(id));
        assertThat(r.exercise().objectives()).isNotEmpty();
    }

    private static Map<String, Long> sentiments(int fromMinute, int toMinute) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (Sentiment s : Sentiment.values()) {
            out.put(s.name().toLowerCase(java.util.Locale.ROOT), MENTIONS.stream()
                    .filter(m -> m.sentiment() == s && m.minute() >= fromMinute && m.minute() < toMinute).count());
        }
        return out;
    }

    private static TreeMap<Instant, Long> quarterHours() {
        TreeMap<Instant, Long> out = new TreeMap<>();
        for (Seed s : MENTIONS) {
            long sec = at(s.minute()).getEpochSecond();
            out.merge(Instant.ofEpochSecond(sec - Math.floorMod(sec, 900L)), 1L, Long::sum);
        }
        return out;
    }
}

package io.crisisconsole.bench;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.composer.Variant;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.review.report.ExportProgress;
import io.crisisconsole.review.report.ReportFormat;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Store;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEvent;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The review export of a big case (issue #13 item 6): 50,000 timeline entries and 200,000 mentions
 * (InboxBenchmark's generator), 20 publications. Seeds it once into a temp store, then times
 * building the report and the whole export (build, write, atomic move) of each format this build
 * has; median and max of 10 runs after 3 warm-up runs. Figures: the HTML and PDF exports' medians
 * ({@code review.export-html-50k-200k}, {@code review.export-pdf-50k-200k}) against 1 s and 5 s.
 * With {@code --quick}: 1,000 entries, 3,000 mentions and 4 publications, 2 runs after 1. Run: {@code mvn -o -q test-compile
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -cp
 * "target/test-classes:target/classes:$(cat target/cp.txt)" io.crisisconsole.bench.ReviewExportBenchmark}.
 * With {@code -Dbench.data=DIR} the seeded store is kept in {@code DIR} and used again by the next
 * run (no 40 s of seeding when comparing a change).
 */
public final class ReviewExportBenchmark {

    static final int TIMELINE = 50_000;
    static final int MENTIONS = 200_000;
    /** Issue 13.6's targets for the whole export of such a case. */
    static final Map<ReportFormat, Double> TARGET_MS = Map.of(ReportFormat.HTML, 1000.0, ReportFormat.PDF, 5000.0);

    private ReviewExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Benchmarks.quick(args);
        int timeline = quick ? 1_000 : TIMELINE;
        int mentions = quick ? 3_000 : MENTIONS;
        int drafts = quick ? 2 : 10;
        int warmups = quick ? 1 : 3;
        int runs = quick ? 2 : 10;
        Store.tuneH2();
        String keep = System.getProperty("bench.data");
        Path dir = keep == null ? Files.createTempDirectory("review-bench") : Path.of(keep);
        boolean seeded = keep != null && Files.isDirectory(dir.resolve("data"));
        Instant t0 = Instant.parse("2026-03-14T08:00:00Z");
        MutableClock clock = new MutableClock(seeded ? t0.plus(Duration.ofDays(8)) : t0);
        try (Store store = Store.open(new DataHome(dir.resolve("data")))) {
            Services s = Services.create(store, clock);
            long caseId = seeded ? s.cases().list().get(0).id() : seed(store, s, clock, t0, timeline, mentions,
                    drafts);
            Messages messages = Messages.forLocale(Locale.ENGLISH);
            Formats formats = new Formats(messages, ZoneOffset.UTC);
            report("build the report", warmups, runs, () -> (long) s.reviewReports().build(caseId, messages, formats,
                    ExportProgress.none()).timeline().size());
            // the case's size in the figures' names: review.export-html-50k-200k
            String size = Benchmarks.count(s.cases().timeline(caseId).size()) + "-"
                    + Benchmarks.count((int) s.inbox().stats(caseId).total());
            for (ReportFormat f : s.reviewExports().formats()) {
                Path out = dir.resolve("review." + f.extension());
                Benchmarks.Timings t = report("export " + f.extension(), warmups, runs, () -> Files.size(
                        s.reviewExports().export(caseId, f, out, true, messages, formats, ExportProgress.none())));
                System.out.printf("  %s file: %.1f MB%n", f.extension(), Files.size(out) / 1e6);
                if (TARGET_MS.containsKey(f)) {
                    BenchFigure.atMost("review.export-" + f.extension() + "-" + size, t.p50(), "ms", TARGET_MS.get(f))
                            .print();
                }
            }
        }
    }

    private static long seed(Store store, Services s, MutableClock clock, Instant t0, int timeline, int mentions,
            int drafts) {
        long start = System.nanoTime();
        BundledPlaybooks.importOnFirstRun(s.playbooks(), BundledPlaybooks.AUTHOR);
        long caseId = s.cases().open(new CaseDetails("Bench outage", 1, "Bench", "BenchDown", null), "bench").id();
        s.casePlaybooks().assign(caseId, s.playbooks().find("service-outage", "en").orElseThrow().id(), "bench");
        Contact approver = s.contacts().create(new ContactDetails("Lena Legal", null, null, List.of(),
                List.of("lena@example.com"), List.of(), null, null, null, Set.of(ContactGroup.LEGAL), null));
        CoreMessage core = new CoreMessage("Checkout fails", "Engineers roll back", "Pay later", "next hour", false,
                List.of());
        for (int i = 0; i < drafts; i++) {
            clock.set(t0.plus(Duration.ofMinutes(15L * i)));
            Draft d = s.drafts().create(caseId, "Update " + i, Stage.INVESTIGATING, core, "bench");
            d = s.drafts().saveVersion(d.id(), d.version(), Stage.INVESTIGATING, new DraftContent(core, List.of(
                    new Variant(Channel.WEBSITE, "Update " + i + ": we are on it."),
                    new Variant(Channel.X, "Update " + i + ": on it, more at the hub."))), "bench");
            d = s.drafts().submitForReview(d.id(), d.version(), "bench");
            d = s.drafts().approve(d.id(), d.version(), approver.id(), new CheckReport(List.of(), List.of()), "bench");
            clock.set(t0.plus(Duration.ofMinutes(15L * i + 2)));
            s.drafts().markPublished(d.id(), Channel.WEBSITE, t0.plus(Duration.ofMinutes(15L * i + 1)), "bench");
            s.drafts().markPublished(d.id(), Channel.X, t0.plus(Duration.ofMinutes(15L * i + 2)), "bench");
        }
        // a week of mentions, 3 s apart
        clock.set(t0.plus(Duration.ofDays(8)));
        int perPart = Math.min(20_000, mentions);
        for (int part = 0; part < mentions / perPart; part++) {
            s.inbox().importMentions(caseId, "part" + part + ".csv", InboxBenchmark.generate(perPart, 1000 + part,
                    t0.plusSeconds(part * 60_000L)), "bench");
        }
        // the rest of the 50,000 entries as notes, in one transaction through the timeline service
        int have = s.cases().timeline(caseId).size();
        store.jdbi().useTransaction(h -> {
            for (int i = have; i < timeline; i++) {
                Instant at = t0.plusSeconds(i * 12L);
                s.timeline().append(h, TimelineEvent.of(caseId, EventCode.ENTRY_NOTE, "bench", at).occurredAt(at)
                        .with("text", "Note " + i + ": checked the status page, payments still fail in region "
                                + (i % 7)));
            }
        });
        System.out.printf("seeded %,d timeline entries and %,d mentions in %.1f s%n", s.cases().timeline(caseId).size(),
                s.inbox().stats(caseId).total(), (System.nanoTime() - start) / 1e9);
        return caseId;
    }

    /** Times {@code work} and prints its median and max; hands back the timings and what the work last gave. */
    private static Benchmarks.Timings report(String what, int warmups, int runs, Callable<Long> work) throws Exception {
        Benchmarks.Timings t = Benchmarks.time(warmups, runs, work);
        System.out.printf("%-20s median %7.1f ms  max %7.1f ms%n", what, t.p50(), t.max());
        return t;
    }
}

package io.crisisconsole.bench;

import io.crisisconsole.review.report.ExportProgress;
import io.crisisconsole.review.report.HtmlReportWriter;
import io.crisisconsole.review.report.PdfReportWriter;
import io.crisisconsole.review.report.ReportFormat;
import io.crisisconsole.review.report.ReportWriter;
import io.crisisconsole.review.report.ReviewReport;
import io.crisisconsole.review.report.SampleReports;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.toolkit.Formats;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;

/**
 * The review report's HTML and PDF writers on a case of 50,000 timeline entries and the 15-minute
 * buckets of a week (672, as a 200,000-mention week has): median and max of 5 runs (HTML) or 3 runs
 * (PDF, which takes tens of seconds) after a warm-up run, the output's size, and the heap's peak (all pools, after a GC before each writer). The
 * report is built in memory (the builder's reading of the store is measured apart). Run: {@code mvn
 * -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -cp
 * "target/test-classes:target/classes:$(cat target/cp.txt)" io.crisisconsole.bench.ReportWriterBenchmark
 * [entries] [buckets]}.
 */
public final class ReportWriterBenchmark {

    private ReportWriterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int buckets = args.length > 1 ? Integer.parseInt(args[1]) : 7 * 24 * 4;
        ReviewReport report = SampleReports.large(entries, buckets);
        Formats formats = English.formats();
        System.out.printf("report: %,d timeline entries, %,d buckets%n", entries, buckets);
        for (ReportWriter w : new ReportWriter[] {new HtmlReportWriter(), new PdfReportWriter()}) {
            run(w, report, formats);
        }
    }

    private static void run(ReportWriter w, ReviewReport report, Formats formats) throws Exception {
        int size = 0;
        size = once(w, report, formats);
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] ns = new long[w.format() == ReportFormat.PDF ? 3 : 5];
        for (int i = 0; i < ns.length; i++) {
            long start = System.nanoTime();
            size = once(w, report, formats);
            ns[i] = System.nanoTime() - start;
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Arrays.sort(ns);
        System.out.printf("%-5s median %8.1f ms  max %8.1f ms  output %,d bytes  heap peak %,d MB%n", w.format(),
                ns[ns.length / 2] / 1e6, ns[ns.length - 1] / 1e6, size, peak >> 20);
    }

    private static int once(ReportWriter w, ReviewReport report, Formats formats) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        w.write(report, English.MESSAGES, formats, out, ExportProgress.none());
        return out.size();
    }
}

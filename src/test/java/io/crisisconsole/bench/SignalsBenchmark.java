package io.crisisconsole.bench;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.services.Services;
import io.crisisconsole.signals.ChartFigures;
import io.crisisconsole.signals.Detectors;
import io.crisisconsole.signals.EscalationService;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/**
 * The workspace's escalation check and charts on a case of 200,000 mentions (seven days of them,
 * generated as {@link InboxBenchmark} does): the buckets counted in SQL, the last hour, the whole
 * evaluation of the playbook's thresholds and the charts' figures; p50 and p99 of 40 runs after
 * 10 warm-up runs. Run: {@code mvn -o -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt && java -Xmx400m -cp "target/test-classes:target/classes:$(cat
 * target/cp.txt)" io.crisisconsole.bench.SignalsBenchmark}.
 */
public final class SignalsBenchmark {

    private SignalsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Store.tuneH2();
        Path dir = Files.createTempDirectory("signals-bench");
        Instant t0 = Instant.parse("2026-03-14T08:00:00Z");
        Instant now = t0.plus(Duration.ofDays(7));
        try (Store store = Store.open(new DataHome(dir.resolve("data")))) {
            Services s = Services.create(store, Clock.fixed(now, ZoneOffset.UTC));
            BundledPlaybooks.importOnFirstRun(s.playbooks(), BundledPlaybooks.AUTHOR);
            InboxService inbox = s.inbox();
            long big = s.cases().open(new CaseDetails("Bench 200k", 2, "Bench", null, null), "bench").id();
            s.casePlaybooks().assign(big, s.playbooks().find("service-outage", "en").orElseThrow().id(), "bench");
            for (int part = 0; part < 10; part++) {
                inbox.importMentions(big, "part" + part + ".csv", InboxBenchmark.generate(20_000, 1000 + part,
                        t0.plusSeconds(part * 60_000L)), "bench");
            }
            EscalationService escalations = s.escalations();
            System.out.printf("%,d mentions in %,d quarter-hour buckets%n", inbox.buckets(big, Detectors.BUCKET, now)
                    .buckets().stream().mapToLong(b -> b.mentions()).sum(),
                    inbox.buckets(big, Detectors.BUCKET, now).buckets().size());
            time("buckets of the whole case (SQL GROUP BY)", () -> inbox.buckets(big, Detectors.BUCKET, now));
            time("buckets of the last 50 h (the escalation window)", () -> inbox.buckets(big, Detectors.BUCKET, now,
                    now.minus(Duration.ofHours(50))));
            time("mentions in the last hour", () -> inbox.publishedWithin(big, Detectors.HOUR, now));
            time("open media inquiries", () -> inbox.unhandledMediaInquiries(big));
            time("evaluate the thresholds", () -> escalations.evaluate(big));
            time("chart figures", () -> ChartFigures.load(inbox, s.drafts(), big, now));
            long[] counts = inbox.buckets(big, Detectors.BUCKET, now).counts();
            time("spike detector alone", () -> Detectors.spikes(counts));
        }
    }

    private static void time(String what, Callable<?> work) throws Exception {
        Benchmarks.Timings t = Benchmarks.time(10, 40, work);
        System.out.printf("%-28s p50 %8.2f ms  p99 %8.2f ms%n", what, t.p50(), t.p99());
    }
}

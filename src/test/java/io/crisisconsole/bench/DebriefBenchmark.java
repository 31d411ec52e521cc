package io.crisisconsole.bench;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.debrief.DebriefService;
import io.crisisconsole.debrief.PlaybookChange;
import io.crisisconsole.debrief.SlaTarget;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * What a person waits for in the debrief, on the bundled service-outage playbook (about 350 lines of
 * YAML): a proposed change (read the playbook, edit it in place, read the result back, store it),
 * its diff, and accepting it as a new version. p50 and max of 40 runs after 10 warm-up runs. Run:
 * {@code mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java
 * -cp "target/test-classes:target/classes:$(cat target/cp.txt)" io.crisisconsole.bench.DebriefBenchmark}.
 */
public final class DebriefBenchmark {

    private DebriefBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Store.tuneH2();
        Path dir = Files.createTempDirectory("debrief-bench");
        try (Store store = Store.open(new DataHome(dir.resolve("data")))) {
            Services s = Services.create(store, Clock.systemUTC());
            BundledPlaybooks.importOnFirstRun(s.playbooks(), BundledPlaybooks.AUTHOR);
            long caseId = s.cases().open(new CaseDetails("Bench", 2, "Bench", null, null), "bench").id();
            s.casePlaybooks().assign(caseId, s.playbooks().find("service-outage", "en").orElseThrow().id(), "bench");
            DebriefService d = s.debriefs();
            int[] minutes = {30};
            // each round proposes the other number, so every proposal is a change
            report("propose a tighter SLA", () -> {
                minutes[0] = minutes[0] == 30 ? 29 : 30;
                return d.proposeSla(caseId, SlaTarget.FIRST_PUBLIC_REPLY, minutes[0] == 30 ? 28 : minutes[0], "bench")
                        .id();
            });
            PlaybookChange last = d.changes(caseId).get(d.changes(caseId).size() - 1);
            report("diff of a proposal", () -> d.diff(last.id()).size());
            report("propose + accept", () -> {
                minutes[0] = minutes[0] == 30 ? 29 : 30;
                return d.accept(d.proposeSla(caseId, SlaTarget.FIRST_PUBLIC_REPLY, minutes[0], "bench").id(), "bench")
                        .becameVersion();
            });
        }
    }

    private static void report(String what, Callable<?> work) throws Exception {
        Benchmarks.Timings t = Benchmarks.time(10, 40, work);
        System.out.printf("%-24s p50 %7.2f ms  max %7.2f ms%n", what, t.p50(), t.max());
    }
}

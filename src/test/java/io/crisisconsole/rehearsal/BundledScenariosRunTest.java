package io.crisisconsole.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bundled scenario runs to its end headless on its bundled playbook, its replay read from the bundle. */
class BundledScenariosRunTest {

    @TempDir
    Path tmp;

    @Test
    void everyBundledScenarioRunsToItsEnd() throws InterruptedException {
        try (Store store = TestStores.openIn(tmp)) {
            Services services = Services.create(store, new MutableClock(Instant.parse("2026-11-24T17:00:00Z")));
            BundledPlaybooks.importOnFirstRun(services.playbooks(), "test");
            List<BundledPlaybooks.Bundled> all = BundledScenarios.list();
            assertThat(all).hasSize(8);
            for (BundledPlaybooks.Bundled b : all) {
                ScenarioReader.Parsed p = new ScenarioReader().read(b.fileName(), b.yaml());
                assertThat(p.problems()).as(b.fileName()).isEmpty();
                List<String> progress = new ArrayList<>();
                long id = services.exerciseRuns().run(p.scenario(), b.yaml(), null, ExerciseScript.none(), "Fiona", 0,
                        progress::add);
                ExerciseView v = services.exercises().view(id);
                assertThat(v.exercise().state()).as(b.fileName()).isEqualTo(ExerciseState.ENDED);
                // with nobody acting, every timed inject fired (replays and waves completely) and no
                // expectation passed
                assertThat(v.injects()).as(b.fileName())
                        .filteredOn(i -> i.inject().trigger() == Scenario.Trigger.AT)
                        .allSatisfy(i -> {
                            assertThat(i.row().state()).isEqualTo(InjectState.FIRED);
                            assertThat(i.row().posts()).isEqualTo(i.total());
                        });
                ExerciseScore s = services.exerciseScores().score(id);
                assertThat(s.expectations().passed()).as(b.fileName()).isZero();
                assertThat(s.firstResponse().mentions()).as(b.fileName()).isPositive();
                if (p.scenario().injects().stream().anyMatch(i -> i.type() == Scenario.InjectType.REPLAY)) {
                    assertThat(s.firstResponse().mentions()).as(b.fileName()).isGreaterThan(300);
                }
            }
        }
    }
}

package io.crisisconsole.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.rehearsal.Exercise;
import io.crisisconsole.rehearsal.ScenarioReader;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.testsupport.TestScenarios;
import io.crisisconsole.toolkit.ui.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case's countdowns: the ticker's time for a real case, the exercise's own (paused, sped up) for an exercise. */
class CaseClockTest {

    static final Instant T0 = Instant.parse("2026-03-14T09:00:00Z");
    @TempDir
    Path tmp;
    final MutableClock clock = new MutableClock(T0);
    Store store;
    Services services;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        services = Services.create(store, clock);
        BundledPlaybooks.importOnFirstRun(services.playbooks(), BundledPlaybooks.AUTHOR);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRealCaseRunsOnTheTickerAndAnExerciseOnItsOwnClock() throws Exception {
        Ticker ticker = new Ticker(clock);
        CaseClock caseClock = new CaseClock(services.cases(), ticker);
        CrisisCase real = services.cases().open(new CaseDetails("Real outage", 2, "Ada", null, null), "Ada");
        String yaml = TestScenarios.yaml(TestScenarios.CHECKOUT_DRILL);
        Exercise e = services.exercises().start(new ScenarioReader().read("drill.en.yaml", yaml).scenario(), yaml,
                null, "Ada", 60, true);
        CrisisCase exercise = services.cases().find(e.caseId()).orElseThrow();

        clock.advance(Duration.ofMinutes(1));
        // the ticker has not read the clock yet: a real case shows the ticker's time
        assertThat(caseClock.now(real)).isEqualTo(T0);
        assertThat(caseClock.now(null)).isEqualTo(T0);
        // an exercise at ×60: one minute of the clock is an hour of exercise time
        assertThat(caseClock.now(exercise)).isEqualTo(T0.plus(Duration.ofHours(1)));
        ticker.tick();
        assertThat(caseClock.now(real)).isEqualTo(T0.plus(Duration.ofMinutes(1)));

        services.exercises().pause(e.caseId(), "Ada");
        clock.advance(Duration.ofMinutes(5));
        ticker.tick();
        assertThat(caseClock.now(exercise)).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(caseClock.now(real)).isEqualTo(T0.plus(Duration.ofMinutes(6)));
    }
}

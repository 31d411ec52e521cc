package io.crisisconsole.toolkit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.testsupport.UiTests;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The store-work runner on the real FX thread (headless). */
@Tag("ui")
class FxTaskRunnerTest {

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void workRunsInOrderOffTheFxThreadAndResultsArriveOnIt() throws Exception {
        FxTaskRunner tasks = new FxTaskRunner();
        List<String> seen = new ArrayList<>();
        tasks.run("first", () -> Thread.currentThread().getName(), name -> seen.add("1 " + name + " "
                + javafx.application.Platform.isFxApplicationThread()), e -> seen.add("error"));
        tasks.run("second", () -> 2, n -> seen.add("2"), e -> seen.add("error"));
        UiTests.waitUntil(() -> seen.size() == 2);
        assertThat(seen).containsExactly("1 crisis-console-store true", "2");
        UiTests.waitUntil(() -> tasks.runningProperty().get() == 0);
        tasks.close();
    }

    @Test
    void workQueuedAfterCloseIsNotRunAndLeavesNothingBusy() throws Exception {
        FxTaskRunner tasks = new FxTaskRunner();
        tasks.close();
        List<String> seen = new ArrayList<>();
        tasks.run("late", () -> "ran", seen::add, e -> seen.add("error"));
        UiTests.waitUntil(() -> tasks.runningProperty().get() == 0);
        assertThat(seen).isEmpty();
        assertThat(tasks.currentProperty().get()).isEmpty();
    }
}

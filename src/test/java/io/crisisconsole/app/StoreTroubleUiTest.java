package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Store;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.MainWindowTestBase;
import io.crisisconsole.testsupport.SmallDisk;
import io.crisisconsole.timeline.EntryKind;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window on a store it cannot write: plain words, a visible notice, and going on once it can. */
class StoreTroubleUiTest {

    /** A data folder this process may not write (chmod, else chattr +i; skipped where neither works). */
    @Nested
    class ReadOnlyFolder extends MainWindowTestBase {

        AutoCloseable undo;

        @Override
        protected AppContext open(DataHome home) {
            try {
                try (Store store = Store.open(home)) {
                    // a store with something in it, closed again
                }
                undo = SmallDisk.notWritable(home.dir());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            AppContext app = AppContext.open(home, Clock.systemUTC());
            app.showReadOnlyNotice();
            return app;
        }

        @AfterEach
        void writableAgain() throws Exception {
            if (undo != null) {
                undo.close();
            }
        }

        @Test
        void opensReadOnlyWithANoticeAndRefusesAWriteInPlainWords(FxRobot robot) {
            assertThat(context.store().readOnly()).isPresent();
            assertThat(label(robot, "#dataLabel")).isEqualTo("Data: " + home.dir() + " (read-only)");
            assertThat(label(robot, "#messageLabel")).startsWith("The store in " + home.dir() + " is open read-only"
                    + " because the folder is not writable").contains("nothing can be changed");

            Throwable t = catchThrowable(() -> context.services().cases()
                    .open(new CaseDetails("Refused", 2, null, null, null), "a"));
            robot.interact(() -> context.notifier().failed("Opening the case", t));
            assertThat(label(robot, "#messageLabel")).isEqualTo("Opening the case: The store in " + home.dir()
                    + " is open read-only (the folder is not writable (permissions or an immutable attribute));"
                    + " nothing can be changed.");
        }
    }

    /** A real 3 MiB tmpfs as the data folder (skipped where mounting is not allowed). */
    @Nested
    class FullDisk extends MainWindowTestBase {

        SmallDisk disk;

        @Override
        protected AppContext open(DataHome home) {
            try {
                disk = SmallDisk.mount(home.dir(), "3m");
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return AppContext.open(home, Clock.systemUTC());
        }

        @AfterEach
        void unmount() throws Exception {
            if (context != null) {
                FxToolkit.cleanupStages();
                context.close();
                context = null;
            }
            if (disk != null) {
                disk.close();
            }
        }

        @Test
        void saysTheDiskIsFullInPlainWordsAndGoesOnOnceThereIsSpace(FxRobot robot) throws Exception {
            CaseService cases = context.services().cases();
            CrisisCase c = cases.open(new CaseDetails("Flood", 2, null, null, null), "a");
            disk.fill();
            Throwable failure = null;
            for (int i = 0; i < 40 && failure == null; i++) {
                int seed = i;
                failure = catchThrowable(() -> cases.addEntry(c.id(), EntryKind.NOTE, SmallDisk.incompressibleText(seed), null, "a"));
            }
            Throwable t = failure;
            assertThat(t).isNotNull();
            robot.interact(() -> context.notifier().failed("Adding the entry", t));
            assertThat(label(robot, "#messageLabel")).isEqualTo("Adding the entry: The disk holding " + home.dir()
                    + " is full; your last change was not saved. Free some space; the console reconnects by itself.")
                    .doesNotContain("90098").doesNotContain("Exception");

            disk.free();
            cases.addEntry(c.id(), EntryKind.NOTE, "after the space came back", null, "a");
            assertThat(context.store().reconnects()).isEqualTo(1);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void theWordsForEachProblemComeFromTheBundle() {
        DataHome home = new DataHome(java.nio.file.Path.of("/srv/crisis"));
        assertThat(AppContext.explainStoreFailure(English.MESSAGES, home, new java.nio.file.AccessDeniedException("/srv/crisis/x")))
                .contains("Crisis Console may not write in /srv/crisis (permission denied, or a file is marked immutable);"
                        + " your last change was not saved. Give this user write access to the folder.");
        assertThat(AppContext.explainStoreFailure(English.MESSAGES, home, new IllegalStateException("other"))).isEmpty();
    }
}

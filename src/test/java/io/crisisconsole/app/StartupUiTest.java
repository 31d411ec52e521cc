package io.crisisconsole.app;

import static io.crisisconsole.testsupport.UiTests.label;
import static io.crisisconsole.testsupport.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Backups;
import io.crisisconsole.store.CommitMarker;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Encryption;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.StoreOpener;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window's rendering of the open sequence: the passphrase dialog and the alert with its choices. */
@ExtendWith(ApplicationExtension.class)
class StartupUiTest {

    static final String PASSPHRASE = "correct horse battery";

    @TempDir
    Path tmp;
    final List<AppContext> ready = new CopyOnWriteArrayList<>();
    StoreOpener opener;

    @Start
    void start(Stage stage) {
        // Startup opens its own dialogs; nothing to show before
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        FxToolkit.cleanupStages();
        ready.forEach(AppContext::close);
        if (opener != null) {
            opener.close();
        }
    }

    DataHome home() {
        return new DataHome(tmp.resolve("data"));
    }

    static long seed(DataHome home) {
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            CrisisCase c = cases.open(new CaseDetails("Outage", 2, null, null, null), "anna");
            cases.addEntry(c.id(), EntryKind.NOTE, "first", null, "anna");
            return c.id();
        }
    }

    /** As the app does: the first attempt off the FX thread, then Startup on it. */
    Startup.Step begin(DataHome home) {
        opener = new StoreOpener(home);
        Startup.Step first = Startup.firstAttempt(opener, Clock.systemUTC());
        Platform.runLater(() -> new Startup(opener, Clock.systemUTC(), English.MESSAGES, ready::add).begin(first));
        return first;
    }

    static DialogPane dialog(FxRobot robot) {
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    @Test
    void aPlainStoreIsReadyWithoutAskingAnything() throws TimeoutException {
        DataHome home = home();
        seed(home);
        Startup.Step first = begin(home);
        assertThat(first.ready()).as("wired in the first attempt").isNotNull();
        waitUntil(() -> ready.size() == 1);
        assertThat(ready.get(0)).isSameAs(first.ready());
    }

    @Test
    void aWrongPassphraseIsAskedForAgainWithTheReasonThenTheStoreOpens(FxRobot robot) throws TimeoutException {
        DataHome home = home();
        long caseId = seed(home);
        Encryption.encrypt(home, PASSPHRASE.toCharArray());

        assertThat(begin(home).outcome()).isInstanceOf(StoreOpener.Locked.class);
        waitUntil(() -> robot.lookup("#passphraseField").tryQuery().isPresent());
        assertThat(dialog(robot).getHeaderText()).isEqualTo("The store in " + home.dir() + " is encrypted");
        robot.clickOn("#passphraseField").write("not the passphrase");
        robot.clickOn("Unlock");

        waitUntil(() -> robot.lookup(".danger").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(label(robot, ".danger")).contains("passphrase is not right");
        robot.clickOn("#passphraseField").write(PASSPHRASE);
        robot.clickOn("Unlock");

        waitUntil(() -> ready.size() == 1);
        Store store = ready.get(0).store();
        assertThat(store.isEncrypted()).isTrue();
        assertThat(Services.create(store, Clock.systemUTC()).cases().timeline(caseId)).extracting(TimelineEntry::body)
                .contains("first");
    }

    @Test
    void lostChangesOfferTheChoicesAndRestoringTheNewestBackupOpensIt(FxRobot robot) throws TimeoutException {
        DataHome home = home();
        long caseId = seed(home);
        try (Store store = Store.open(home)) {
            new Backups(home).backupNow(store);
            Services.create(store, Clock.systemUTC()).cases().addEntry(caseId, EntryKind.NOTE, "after the backup", null,
                    "anna");
        }
        long marked = new CommitMarker(home.dir()).read().orElseThrow().commitSeq();
        new CommitMarker(home.dir()).reset(marked + 3, Instant.now());

        assertThat(begin(home).outcome()).isInstanceOf(StoreOpener.Refused.class);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane alert = dialog(robot);
        assertThat(alert.getHeaderText()).isEqualTo("The store is missing its newest changes");
        assertThat(alert.getContentText()).contains("missing its newest changes").contains("The newest backup is from");
        assertThat(alert.getButtonTypes()).extracting(ButtonType::getText)
                .containsExactlyInAnyOrder("Restore backup", "Open it as it is", "Quit");
        robot.clickOn((Button) alert.lookupButton(alert.getButtonTypes().stream()
                .filter(b -> b.getText().equals("Restore backup")).findFirst().orElseThrow()));

        waitUntil(() -> ready.size() == 1);
        AppContext context = ready.get(0);
        assertThat(context.notifier().messageProperty().get()).startsWith("Restored the backup from")
                .contains("the previous store is kept as store.mv.db.before-restore-");
        assertThat(Services.create(context.store(), Clock.systemUTC()).cases().timeline(caseId))
                .extracting(TimelineEntry::body).contains("first").doesNotContain("after the backup");
    }

    @Test
    void whatTheRecoveryOfAnInterruptedOperationDidIsShown() throws Exception {
        DataHome home = home();
        seed(home);
        Path leftover = home.dir().resolve("restore-1764000000000");
        java.nio.file.Files.createDirectories(leftover);
        java.nio.file.Files.writeString(leftover.resolve("script.sql"), "INSERT INTO contact VALUES ('+48 600')");

        begin(home);

        waitUntil(() -> ready.size() == 1);
        assertThat(ready.get(0).notifier().messageProperty().get())
                .isEqualTo("Removed 1 leftover work file of an operation an earlier version did not finish.");
        assertThat(leftover).doesNotExist();
    }

    @Test
    void aRecoveryKeyThatWasNeverShownIsReplacedAndShownAfterTheUnlock(FxRobot robot) throws Exception {
        DataHome home = home();
        seed(home);
        Encryption.encrypt(home, PASSPHRASE.toCharArray());
        // as a kill after the swap leaves it (the recovery of that finishes the rest)
        java.nio.file.Files.writeString(home.dir().resolve("store.key.recovery-not-shown"), "not shown");

        begin(home);
        waitUntil(() -> robot.lookup("#passphraseField").tryQuery().isPresent());
        robot.clickOn("#passphraseField").write(PASSPHRASE);
        robot.clickOn("Unlock");
        waitUntil(() -> robot.lookup("#newRecoveryKeyField").tryQuery().isPresent());
        assertThat(dialog(robot).getHeaderText()).isEqualTo("Write down your new recovery key");
        String recoveryKey = robot.lookup("#newRecoveryKeyField").queryAs(javafx.scene.control.TextField.class).getText();
        DialogPane shown = dialog(robot);
        robot.clickOn((Button) shown.lookupButton(ButtonType.OK));

        waitUntil(() -> ready.size() == 1);
        assertThat(home.dir().resolve("store.key.recovery-not-shown")).doesNotExist();
        io.crisisconsole.store.crypto.KeyFile.read(home.dir()).unlockWithRecoveryKey(recoveryKey).destroy();
    }
}

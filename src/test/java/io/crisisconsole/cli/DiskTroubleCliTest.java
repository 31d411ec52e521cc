package io.crisisconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.store.CommitMarker;
import io.crisisconsole.testsupport.SmallDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The command line on a full disk, a read-only folder or disk, and with a commit marker that
 * cannot be written: one plain line each, exit 3 for what was refused and 0 for what was saved,
 * never a stack trace and never a restore hint. The full and read-only disk are a real tmpfs
 * (skipped where mounting is not allowed); the rest needs no privileges.
 */
class DiskTroubleCliTest extends CliTestBase {


    static void oneLine(Result r) {
        assertThat(r.err().strip()).as(r.err()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContainIgnoringCase("restore");
    }

    @Test
    void aWriteOnAFullDiskIsExit3WithOnePlainLine() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), "3m")) {
            String data = disk.dir().resolve("data").toString();
            String id = run("--data", data, "case", "create", "--title", "Flood", "--author", "a").out().strip();
            disk.fill();
            Result r = null;
            for (int i = 0; i < 40; i++) {
                r = run("--data", data, "timeline", "add", "--case", id, "--kind", "note", "--text", SmallDisk.incompressibleText(i), "--author", "a");
                if (r.exit() != 0) {
                    break;
                }
            }
            assertThat(r.exit()).as(r.err()).isEqualTo(Cli.STORE_PROBLEM);
            oneLine(r);
            assertThat(r.err().strip()).startsWith("error: The disk holding " + data + " is full");

            Result backup = run("--data", data, "backup");
            assertThat(backup.exit()).as(backup.err()).isEqualTo(Cli.STORE_PROBLEM);
            oneLine(backup);
            assertThat(backup.err()).contains("is full");

            disk.free();
            Result check = run("--data", data, "store", "check");
            assertThat(check.exit()).as(check.err()).isZero();
        }
    }

    @Test
    void aReadOnlyDiskIsReadAndRefusesChangesPlainly() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), "3m")) {
            String data = disk.dir().resolve("data").toString();
            String id = run("--data", data, "case", "create", "--title", "Flood", "--author", "a").out().strip();
            disk.readOnly(true);
            String note = "note: the store in " + data + " is read-only (its disk is mounted read-only); nothing can be changed";
            for (String[] command : new String[][] {{"case", "list"}, {"timeline", "list", "--case", id},
                    {"contacts", "list"}, {"store", "check"}}) {
                Result r = run(concat(data, command));
                assertThat(r.exit()).as(String.join(" ", command) + ": " + r.err()).isZero();
                assertThat(r.err().strip()).isEqualTo(note);
            }
            assertThat(run("--data", data, "case", "list").out()).contains("Flood");
            Result add = run("--data", data, "timeline", "add", "--case", id, "--kind", "note", "--text", "x", "--author", "a");
            assertThat(add.exit()).isEqualTo(Cli.STORE_PROBLEM);
            assertThat(add.err()).isEqualTo(note + System.lineSeparator() + "error: The store in " + data
                    + " is read-only because its disk is mounted read-only: cannot timeline add, nothing was changed."
                    + " Copy the folder to a writable disk and use --data, or make it writable." + System.lineSeparator());
        }
    }

    @Test
    void aFolderThatIsNotWritableIsReadAndRefusesChangesPlainly() throws Exception {
        String id = run("--data", data(), "case", "create", "--title", "Flood", "--author", "a").out().strip();
        try (AutoCloseable undo = SmallDisk.notWritable(Path.of(data()))) {
            Result list = run("--data", data(), "case", "list");
            assertThat(list.exit()).as(list.err()).isZero();
            assertThat(list.out()).contains("Flood");
            assertThat(list.err()).startsWith("note: the store in " + data() + " is read-only (the folder is not writable");
            Result check = run("--data", data(), "store", "check");
            assertThat(check.exit()).as(check.err()).isZero();
            Result add = run("--data", data(), "timeline", "add", "--case", id, "--kind", "note", "--text", "x",
                    "--author", "a");
            assertThat(add.exit()).isEqualTo(Cli.STORE_PROBLEM);
            assertThat(add.err().lines().toList()).hasSize(2);
            assertThat(add.err().lines().toList().get(1)).startsWith("error: The store in " + data()
                    + " is read-only because the folder is not writable").contains("cannot timeline add");
        }
    }

    @Test
    void aCommitMarkerThatCannotBeWrittenAfterTheCommitIsSavedWithAWarning() throws Exception {
        String id = run("--data", data(), "case", "create", "--title", "Flood", "--author", "a").out().strip();
        Path marker = Path.of(data()).resolve(CommitMarker.FILE);
        byte[] older = Files.readAllBytes(marker);
        Files.delete(marker);
        Files.createDirectories(marker.resolve("in-the-way"));
        Files.writeString(marker.resolve("in-the-way").resolve("file"), "x");

        Result add = run("--data", data(), "timeline", "add", "--case", id, "--kind", "note", "--text", "once",
                "--author", "a");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out().strip()).matches("\\d+");
        assertThat(add.err().lines().toList()).as(add.err()).hasSize(1).first().asString()
                .startsWith("warning: The change is saved, but the commit marker " + marker + " could not be written")
                .contains("Do not repeat it");
        Result list = run("--data", data(), "timeline", "list", "--case", id);
        assertThat(list.out().split("once", -1)).as("exactly one entry").hasSize(2);

        Files.delete(marker.resolve("in-the-way").resolve("file"));
        Files.delete(marker.resolve("in-the-way"));
        Files.delete(marker);
        Files.write(marker, older);
        Result check = run("--data", data(), "store", "check");
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.err()).isEmpty();
        assertThat(Files.readString(marker)).startsWith("{\"commitSeq\":2,");
    }

    static String[] concat(String data, String... command) {
        String[] all = new String[command.length + 2];
        all[0] = "--data";
        all[1] = data;
        System.arraycopy(command, 0, all, 2, command.length);
        return all;
    }
}

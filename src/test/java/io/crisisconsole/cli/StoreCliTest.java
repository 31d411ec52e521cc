package io.crisisconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.testsupport.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup, restore, store check/encrypt/decrypt/passphrase from the command line. */
class StoreCliTest {

    @TempDir
    Path tmp;
    final Map<String, String> env = new HashMap<>();
    final Deque<String> typed = new ArrayDeque<>();

    record Result(int exit, String out, String err) {
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(new PrintWriter(out, true), new PrintWriter(err, true), env, tmp.toString(),
                new MutableClock(Instant.parse("2026-11-24T09:00:00Z")));
        cli.prompt = text -> typed.isEmpty() ? null : typed.poll().toCharArray();
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    String data() {
        return tmp.resolve("data").toString();
    }

    void ok(Result r) {
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void backupThenRestoreFromTheCommandLine() throws Exception {
        String id = run("--data", data(), "case", "create", "--title", "Outage", "--author", "a").out().strip();
        Path file = tmp.resolve("before.ccbackup");
        Result backup = run("--data", data(), "backup", "--out", file.toString());
        ok(backup);
        assertThat(backup.out().strip()).isEqualTo(file.toString());
        ok(run("--data", data(), "timeline", "add", "--case", id, "--kind", "note", "--text", "later", "--author", "a"));
        ok(run("--data", data(), "backup"));
        assertThat(run("--data", data(), "backup", "--list").out()).contains(".ccbackup");

        Result restore = run("--data", data(), "restore", file.toString());
        ok(restore);
        assertThat(restore.out()).contains("Restored").contains("previous store is kept");
        assertThat(run("--data", data(), "timeline", "list", "--case", id).out()).doesNotContain("later");
        ok(run("--data", data(), "store", "check"));

        Result bad = run("--data", data(), "restore", tmp.resolve("nope.ccbackup").toString());
        assertThat(bad.exit()).isEqualTo(Cli.STORE_PROBLEM);
        assertThat(bad.err().strip()).startsWith("error: There is no backup file").doesNotContain("\n");
    }

    @Test
    void encryptUnlockChangePassphraseAndDecrypt() throws Exception {
        ok(run("--data", data(), "case", "create", "--title", "Call +48 600 100 200", "--author", "a"));

        env.put(Cli.NEW_PASSPHRASE_ENV, "short");
        Result tooShort = run("--data", data(), "store", "encrypt");
        assertThat(tooShort.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(tooShort.err()).contains("at least 8 characters");

        env.put(Cli.NEW_PASSPHRASE_ENV, "first passphrase");
        Result enc = run("--data", data(), "store", "encrypt");
        ok(enc);
        assertThat(enc.out()).contains("now encrypted").containsPattern("[0-9A-Z]{4}-[0-9A-Z]{4}-");
        String recoveryKey = enc.out().lines().filter(l -> l.startsWith("  ")).findFirst().orElseThrow().strip();
        assertThat(new String(Files.readAllBytes(Path.of(data(), "store.mv.db")), "ISO-8859-1"))
                .doesNotContain("+48 600 100 200");

        Result locked = run("--data", data(), "case", "list");
        assertThat(locked.exit()).isEqualTo(Cli.STORE_PROBLEM);
        assertThat(locked.err().strip()).contains("is encrypted").contains(Cli.PASSPHRASE_ENV).doesNotContain("\n");

        env.put(Cli.PASSPHRASE_ENV, "not the passphrase");
        Result wrong = run("--data", data(), "case", "list");
        assertThat(wrong.exit()).isEqualTo(Cli.STORE_PROBLEM);
        assertThat(wrong.err()).contains("passphrase is not right");

        env.remove(Cli.PASSPHRASE_ENV);
        typed.add("first passphrase");
        Result typedIn = run("--data", data(), "case", "list");
        ok(typedIn);
        assertThat(typedIn.out()).contains("Call +48 600 100 200");

        env.put(Cli.RECOVERY_KEY_ENV, recoveryKey.toLowerCase().replace('-', ' '));
        env.put(Cli.NEW_PASSPHRASE_ENV, "second passphrase");
        ok(run("--data", data(), "store", "passphrase"));
        env.remove(Cli.RECOVERY_KEY_ENV);
        env.remove(Cli.NEW_PASSPHRASE_ENV);

        env.put(Cli.PASSPHRASE_ENV, "first passphrase");
        assertThat(run("--data", data(), "case", "list").exit()).isEqualTo(Cli.STORE_PROBLEM);
        env.put(Cli.PASSPHRASE_ENV, "second passphrase");
        ok(run("--data", data(), "store", "check"));
        ok(run("--data", data(), "store", "decrypt"));
        env.remove(Cli.PASSPHRASE_ENV);
        Result plain = run("--data", data(), "case", "list");
        ok(plain);
        assertThat(plain.out()).contains("Call +48 600 100 200");
    }

    @Test
    void aStoreThatCannotBeOpenedGetsOneLineWithTheCommandThatHelps() throws Exception {
        ok(run("--data", data(), "case", "create", "--title", "x", "--author", "a"));
        io.crisisconsole.store.CommitMarker marker = new io.crisisconsole.store.CommitMarker(Path.of(data()));
        long marked = marker.read().orElseThrow().commitSeq();
        marker.reset(marked + 3, Instant.now());

        Result lost = run("--data", data(), "store", "check");
        assertThat(lost.exit()).isEqualTo(Cli.STORE_PROBLEM);
        assertThat(lost.err().strip()).startsWith("error: The store in").contains("missing its newest changes")
                .endsWith("(crisis-console restore FILE, or crisis-console store accept-older)").doesNotContain("\n");
        Result accepted = run("--data", data(), "store", "accept-older");
        ok(accepted);
        assertThat(accepted.out()).contains("accepted as it is, at change " + marked);
        ok(run("--data", data(), "store", "check"));

        Path older = tmp.resolve("older");
        Files.createDirectories(older);
        try (var in = getClass().getResourceAsStream("/stores/h2-1.4.200.mv.db")) {
            Files.copy(in, older.resolve("store.mv.db"));
        }
        Result format = run("--data", older.toString(), "store", "check");
        assertThat(format.exit()).isEqualTo(Cli.STORE_PROBLEM);
        assertThat(format.err().strip()).contains("older database format").doesNotContain("crisis-console restore")
                .doesNotContain("\n");
    }

    @Test
    void newPassphraseTypedTwiceMustMatch() {
        ok(run("--data", data(), "case", "create", "--title", "x", "--author", "a"));
        typed.add("one passphrase");
        typed.add("another passphrase");
        Result r = run("--data", data(), "store", "encrypt");
        assertThat(r.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("differ");
        assertThat(Path.of(data(), "store.key.json")).doesNotExist();
    }

    @Test
    void afterDecryptAnOlderBackupRestoresWithoutAnyKey() throws Exception {
        String id = run("--data", data(), "case", "create", "--title", "Outage", "--author", "a").out().strip();
        env.put(Cli.NEW_PASSPHRASE_ENV, "correct horse battery");
        ok(run("--data", data(), "store", "encrypt"));
        env.put(Cli.PASSPHRASE_ENV, "correct horse battery");
        ok(run("--data", data(), "timeline", "add", "--case", id, "--kind", "note", "--text", "later", "--author", "a"));
        ok(run("--data", data(), "backup"));
        String older = run("--data", data(), "backup", "--list").out().strip().lines()
                .reduce((first, second) -> second).orElseThrow(); // newest first: the last line is the oldest
        Path olderFile = Path.of(older.substring(older.lastIndexOf("  ") + 2));

        ok(run("--data", data(), "store", "decrypt"));
        env.remove(Cli.PASSPHRASE_ENV);
        assertThat(Files.exists(tmp.resolve("data").resolve("store.key.json"))).isFalse();

        Result restore = run("--data", data(), "restore", olderFile.toString());
        ok(restore);
        assertThat(run("--data", data(), "timeline", "list", "--case", id).out()).doesNotContain("later");
        assertThat(run("--data", data(), "backup", "--list").out()).doesNotContain("encrypted");
    }

    @Test
    void everythingWrittenWithDataIsReadableByItsOwnerOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        String id = run("--data", data(), "case", "create", "--title", "Outage", "--author", "a").out().strip();
        ok(run("--data", data(), "timeline", "add", "--case", id, "--kind", "note", "--text", "call +48 600 100 200",
                "--author", "a"));
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("replaced.ccbackup"), "old"); // was 0644: replacing it gives 0600
        ok(run("--data", data(), "backup", "--out", out.resolve("replaced.ccbackup").toString()));
        ok(run("--data", data(), "backup", "--out", out.resolve("new.ccbackup").toString()));
        ok(run("--data", data(), "backup"));
        ok(run("--data", data(), "restore", out.resolve("new.ccbackup").toString()));
        ok(run("--data", data(), "contacts", "export", "--out", out.resolve("contacts.csv").toString()));
        ok(run("--data", data(), "playbook", "export", "service-outage.en", "--out", out.resolve("p.yaml").toString()));
        env.put(Cli.NEW_PASSPHRASE_ENV, "correct horse battery");
        ok(run("--data", data(), "store", "encrypt"));
        env.put(Cli.PASSPHRASE_ENV, "correct horse battery");
        ok(run("--data", data(), "backup"));
        ok(run("--data", data(), "store", "check"));

        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (Path root : java.util.List.of(tmp.resolve("data"), out)) {
            try (java.util.stream.Stream<Path> all = Files.walk(root)) {
                for (Path p : all.toList()) {
                    String mode = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    String want = Files.isDirectory(p) ? "rwx------" : "rw-------";
                    if (!mode.equals(want) && !p.equals(out)) {
                        wrong.add(p + " " + mode);
                    }
                }
            }
        }
        assertThat(wrong).as("files and folders others could read").isEmpty();
    }

    @Test
    void leftoversOfAnEarlierVersionAreRemovedAndTheCommandSaysSo() throws Exception {
        ok(run("--data", data(), "case", "create", "--title", "Outage", "--author", "a"));
        Path dataDir = tmp.resolve("data");
        Files.createDirectories(dataDir.resolve("encrypt-1764000000000"));
        Files.writeString(dataDir.resolve("encrypt-1764000000000/store.mv.db"), "plaintext of the store");
        Files.createDirectories(dataDir.resolve("backups/.work"));
        Files.writeString(dataDir.resolve("backups/.work/script-1.sql"), "INSERT INTO contacts VALUES ('+48 600')");
        Files.writeString(dataDir.resolve("backups/.crisis-console-x.ccbackup.1234.tmp"), "PK");

        Result listed = run("--data", data(), "case", "list");
        ok(listed);
        assertThat(listed.err()).startsWith("note: Removed 3 leftover work file(s)");
        assertThat(dataDir.resolve("encrypt-1764000000000")).doesNotExist();
        assertThat(dataDir.resolve("backups/.work/script-1.sql")).doesNotExist();
        assertThat(dataDir.resolve("backups/.crisis-console-x.ccbackup.1234.tmp")).doesNotExist();
        assertThat(run("--data", data(), "case", "list").err()).as("said once").isEmpty();
    }
}

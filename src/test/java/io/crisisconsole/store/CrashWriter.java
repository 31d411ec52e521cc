package io.crisisconsole.store;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.services.Services;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.store.crypto.MasterKey;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A writer process for the crash tests: opens the store in the folder given as the first argument,
 * appends timeline entries in a loop and prints {@code ACK n} after each commit returned. The test
 * kills it with SIGKILL at a random moment. The store maintenance compacts every 64 KB of growth
 * (instead of 4 MB), so that many kills land during or just after a compaction;
 * {@code -Dcrash.noMaintenance=true} switches it off (the newest data is then at the end of the file);
 * {@code -Dcrash.rewrites=true} rewrites the file ({@code SHUTDOWN COMPACT} and open again) whenever
 * it is larger than twice its data plus 16 KB, so that kills land in a rewrite; with
 * {@code -Dcrash.passphrase=P} it opens the (encrypted) store with that passphrase.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) {
        DataHome home = new DataHome(Path.of(args[0]));
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        StoreMaintenance.settings = Boolean.getBoolean("crash.noMaintenance") ? null
                : Boolean.getBoolean("crash.rewrites")
                        ? new StoreMaintenance.Settings(20, 3_000, 64 * 1024, 300, 1_000, 16 * 1024, 64 * 1024 * 1024)
                        : new StoreMaintenance.Settings(50, 3_000, 64 * 1024, 300, 3_000, 2 * 1024 * 1024, 8 * 1024 * 1024);
        String passphrase = System.getProperty("crash.passphrase");
        MasterKey key = passphrase == null ? null : Encryption.unlock(home, passphrase.toCharArray());
        try (Store store = Store.open(home, key, false)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            long caseId = cases.list().isEmpty()
                    ? cases.open(new CaseDetails("Crash drill", 2, null, null, null), "writer").id()
                    : cases.list().get(0).id();
            System.out.println("CASE " + caseId);
            System.out.flush();
            for (int i = 1; i <= limit; i++) {
                cases.addEntry(caseId, EntryKind.NOTE, "ack-" + i + " +48 600 100 200", null, "writer");
                System.out.println("ACK " + i);
                System.out.flush();
            }
        }
    }
}

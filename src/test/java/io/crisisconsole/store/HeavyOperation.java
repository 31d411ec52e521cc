package io.crisisconsole.store;

import io.crisisconsole.store.crypto.KeyFile;
import io.crisisconsole.store.crypto.MasterKey;
import java.nio.file.Path;

/**
 * A child process for {@link InterruptedOperationsTest}: runs one heavy operation on the data folder
 * given ({@code encrypt}, {@code decrypt}, {@code backup}, {@code restore FILE}), printing {@code BEGIN}
 * just before it starts (the store was opened and closed once before, to load the classes) and
 * {@code DONE} when it returned. The test kills it with SIGKILL in between.
 */
public final class HeavyOperation {

    static final char[] PASSPHRASE = "correct horse battery".toCharArray();

    private HeavyOperation() {
    }

    public static void main(String[] args) {
        String op = args[0];
        DataHome home = new DataHome(Path.of(args[1]));
        MasterKey key = KeyFile.exists(home.dir()) ? Encryption.unlock(home, PASSPHRASE.clone()) : null;
        // warm up (loads H2 and Flyway), so that the time after BEGIN is the operation's own
        Store.open(home, key, false).close();
        switch (op) {
            case "encrypt" -> {
                begin();
                Encryption.encrypt(home, PASSPHRASE.clone());
                done();
            }
            case "decrypt" -> {
                begin();
                Encryption.decrypt(home, key);
                done();
            }
            case "backup" -> {
                try (Store store = Store.open(home, key, false)) {
                    begin();
                    new Backups(home).backupNow(store);
                    done();
                }
            }
            case "restore" -> {
                begin();
                Backups.restore(home, Path.of(args[2]), key == null ? null : key.h2FilePassword());
                done();
            }
            default -> throw new IllegalArgumentException(op);
        }
    }

    private static void begin() {
        System.out.println("BEGIN");
        System.out.flush();
    }

    private static void done() {
        System.out.println("DONE");
        System.out.flush();
    }
}

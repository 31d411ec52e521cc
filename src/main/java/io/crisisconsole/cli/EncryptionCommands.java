package io.crisisconsole.cli;

import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Encryption;
import io.crisisconsole.store.StoreException;
import io.crisisconsole.store.StoreOpener;
import io.crisisconsole.store.crypto.KeyFile;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;

/** {@code store encrypt}, {@code store decrypt}, {@code store passphrase}. */
final class EncryptionCommands {

    private EncryptionCommands() {
    }

    /** The new passphrase: $CRISIS_CONSOLE_NEW_PASSPHRASE, else typed twice at the terminal. */
    static char[] newPassphrase(Cli cli) {
        String fromEnv = cli.env.get(Cli.NEW_PASSPHRASE_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return checked(fromEnv.toCharArray());
        }
        char[] first = cli.prompt.ask("New passphrase (at least " + KeyFile.MIN_PASSPHRASE_LENGTH + " characters): ");
        if (first == null) {
            throw new ValidationException("passphrase", "no new passphrase: type it at a terminal or set $"
                    + Cli.NEW_PASSPHRASE_ENV);
        }
        char[] again = cli.prompt.ask("The same passphrase again: ");
        try {
            if (again == null || !Arrays.equals(first, again)) {
                throw new ValidationException("passphrase", "the two passphrases differ; nothing was changed");
            }
        } finally {
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        }
        return checked(first);
    }

    private static char[] checked(char[] passphrase) {
        if (passphrase.length < KeyFile.MIN_PASSPHRASE_LENGTH) {
            throw new ValidationException("passphrase",
                    "the passphrase needs at least " + KeyFile.MIN_PASSPHRASE_LENGTH + " characters");
        }
        return passphrase;
    }

    /** An opener holding the key of an encrypted store; a plain store is an error here. */
    static StoreOpener unlockedEncrypted(Cli cli, DataHome home) {
        StoreOpener opener = cli.unlocked(home);
        if (!opener.hasKey()) {
            opener.close();
            throw new StoreException(StoreException.Problem.OTHER, "The store in " + home.dir() + " is not encrypted.",
                    null);
        }
        return opener;
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = {"Encrypt the store at rest with a passphrase (PBKDF2-HMAC-SHA256, 600,000 iterations).",
                    "Prints a recovery key once: write it down. Plain backups are replaced by an encrypted one."})
    static final class Encrypt extends DataCommand {

        Encrypt(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home) {
            try (StoreOpener opener = new StoreOpener(home)) {
                cli.notes(opener); // an interrupted encrypt is finished or undone before anything else
                if (Encryption.needsPassphrase(home)) {
                    throw new StoreException(StoreException.Problem.OTHER, "The store in " + home.dir()
                            + " is already encrypted; use 'store passphrase' to change the passphrase.", null);
                }
                char[] passphrase = newPassphrase(cli);
                Encryption.Encrypted done;
                try {
                    done = Encryption.encrypt(home, passphrase);
                } finally {
                    Arrays.fill(passphrase, '\0');
                }
                cli.out.println("The store in " + home.dir() + " is now encrypted.");
                cli.out.println("Recovery key (write it down and keep it apart from this laptop; it is shown only now):");
                cli.out.println("  " + done.recoveryKey());
                cli.out.println("A fresh encrypted backup: " + done.freshBackup());
                for (Path p : done.plaintextCopiesRemoved()) {
                    cli.out.println("Removed unencrypted copy: " + p);
                }
                return Cli.OK;
            }
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true,
            description = {"Turn encryption at rest off (asks for the passphrase).",
                    "The backups in the backups folder are re-written unencrypted, so they restore without a key."})
    static final class Decrypt extends DataCommand {

        Decrypt(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home) {
            try (StoreOpener opener = unlockedEncrypted(cli, home)) {
                Encryption.decrypt(opener);
            }
            cli.out.println("The store in " + home.dir() + " is no longer encrypted.");
            return Cli.OK;
        }
    }

    @Command(name = "passphrase", mixinStandardHelpOptions = true,
            description = "Change the passphrase (unlock with the old one or the recovery key).")
    static final class ChangePassphrase extends DataCommand {

        ChangePassphrase(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home) {
            try (StoreOpener opener = unlockedEncrypted(cli, home)) {
                char[] passphrase = newPassphrase(cli);
                try {
                    Encryption.changePassphrase(opener, passphrase);
                } finally {
                    Arrays.fill(passphrase, '\0');
                }
            }
            cli.out.println("The passphrase is changed; the recovery key stays the same.");
            return Cli.OK;
        }
    }
}

package io.crisisconsole.cli;

import io.crisisconsole.store.Backups;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.StoreOpener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Backups and restores. */
final class BackupCommands {

    private BackupCommands() {
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Write a backup of the store (a checked SQL script in one file).",
                    "Without --out it goes to the backups folder, which keeps the 10 newest and one a day for 7 days."})
    static final class Backup extends DataCommand {
        @Option(names = "--out", paramLabel = "FILE", description = "Where to write the backup.")
        Path out;
        @Option(names = "--list", description = "List the backups in the backups folder instead.")
        boolean list;

        Backup(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home) {
            Backups backups = new Backups(home);
            if (list) {
                List<Backups.Backup> all = backups.list();
                if (all.isEmpty()) {
                    cli.out.println("No backups in " + backups.folder());
                }
                for (Backups.Backup b : all) {
                    cli.out.println(b.manifest().createdAt() + "  change " + b.manifest().commitSeq() + "  "
                            + b.file());
                }
                return Cli.OK;
            }
            try (Store store = cli.openStore(home, false)) {
                Backups.Backup b = out == null ? backups.backupNow(store) : backups.write(store, out);
                cli.out.println(b.file());
                return Cli.OK;
            }
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Replace the store with a backup. The backup is loaded into a new file and its row counts",
                    "are checked first; the current store file is kept beside it as store.mv.db.before-restore-TIME."})
    static final class Restore extends DataCommand {
        @Parameters(paramLabel = "FILE", description = "The backup file.")
        Path file;

        Restore(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home) {
            Backups.Restored r;
            try (StoreOpener opener = cli.unlocked(home)) {
                StoreOpener.Opened opened = cli.opened(opener.restoreAndOpen(file));
                opened.store().close(); // opened only to check it through, as every start does
                r = opened.restored().orElseThrow();
            }
            long rows = r.manifest().rowCounts().entrySet().stream()
                    .filter(e -> !e.getKey().startsWith("flyway")).mapToLong(Map.Entry::getValue).sum();
            cli.out.println("Restored " + file + " (from " + r.manifest().createdAt() + ", " + rows + " rows checked)");
            if (r.previousStore() != null) {
                cli.out.println("The previous store is kept as " + r.previousStore());
            }
            return Cli.OK;
        }
    }

    @Command(name = "store", mixinStandardHelpOptions = true,
            description = "Check the store, accept it as it is, or turn encryption at rest on or off.")
    static final class StoreGroup extends CommandGroup {
        StoreGroup() {
            super("check, accept-older, encrypt, decrypt or passphrase");
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Open the store and read every row; exit 0 when it is whole, 3 when not.")
    static final class Check extends DataCommand {

        Check(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home) {
            try (Store store = cli.openStore(home, false)) {
                cli.out.println("The store " + home.storeFile() + " is whole (change "
                        + store.marker().read().map(m -> m.commitSeq()).orElse(0L) + ").");
                return Cli.OK;
            }
        }
    }

    @Command(name = "accept-older", mixinStandardHelpOptions = true,
            description = "Go on with a store that lost its newest changes, instead of restoring a backup.")
    static final class AcceptOlder extends DataCommand {

        AcceptOlder(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home) {
            try (Store store = cli.openStore(home, true)) {
                cli.out.println("The store is accepted as it is, at change "
                        + store.marker().read().map(m -> m.commitSeq()).orElse(0L) + ".");
                return Cli.OK;
            }
        }
    }
}

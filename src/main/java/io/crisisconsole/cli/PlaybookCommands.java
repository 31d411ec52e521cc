package io.crisisconsole.cli;

import io.crisisconsole.playbooks.PlanReminder;
import io.crisisconsole.playbooks.PlaybookProblem;
import io.crisisconsole.playbooks.PlaybookReader;
import io.crisisconsole.playbooks.PlaybookReviewService;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.PlaybookVersion;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.toolkit.AtomicFiles;
import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.SettingsStore;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "playbook", description = "Check, list, import and export playbooks (YAML, see playbooks/FORMAT.md).",
        mixinStandardHelpOptions = true)
final class PlaybookCommands extends CommandGroup {

    PlaybookCommands() {
        super("validate, list, import or export");
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check playbook files without a store; prints each problem as file:line:col: message.",
            footer = {"", "Exit codes: 0 all valid, 1 any file invalid or unreadable (that is a problem at 1:1 too)."})
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Playbook YAML files.")
        List<Path> files;

        private final Cli cli;

        Validate(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            PlaybookReader reader = new PlaybookReader();
            return validateEach(cli, files, file -> {
                PlaybookReader.Parsed parsed = reader.read(file);
                return new Checked(parsed.ok() ? parsed.playbook().id() + "." + parsed.playbook().language() : null,
                        parsed.problems());
            });
        }
    }

    /** What checking one file found: {@code ok} (what it is, for "file: ok (...)") or its problems. */
    record Checked(String ok, List<PlaybookProblem> problems) {
    }

    /** Checks each file, prints "FILE: ok (...)" or each problem as file:line:col: message; OK when all are valid. */
    static int validateEach(Cli cli, List<Path> files, java.util.function.Function<Path, Checked> check) {
        boolean allValid = true;
        for (Path file : files) {
            Checked checked = check.apply(file);
            if (checked.ok() != null) {
                cli.out.println(PlainText.cell(file + ": ok (" + checked.ok() + ")"));
                continue;
            }
            allValid = false;
            for (PlaybookProblem p : checked.problems()) {
                cli.out.println(PlainText.cell(p.format()));
            }
        }
        return allValid ? Cli.OK : Cli.FAILED;
    }

    @Command(name = "list", description = "List the playbooks in the store; a playbook due for a review of the plan "
            + "(not reviewed in N days, or not changed since a case that followed it was closed) is marked DUE with "
            + "the reason.", mixinStandardHelpOptions = true)
    static final class ListPlaybooks extends PlaybookStoreCommand {
        @Option(names = "--json", description = "Print JSON.")
        boolean asJson;
        @Option(names = "--review-days", paramLabel = "N",
                description = "Flag playbooks not reviewed in N days (default: the app's setting, else 180).")
        Integer reviewDays;

        ListPlaybooks(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, PlaybookService playbooks) throws Exception {
            List<StoredPlaybook> list = playbooks.list();
            if (asJson) {
                cli.out.println(cli.json.writeValueAsString(list));
                return Cli.OK;
            }
            if (list.isEmpty()) {
                cli.out.println("No playbooks yet. Import one with: playbook import FILE");
                return Cli.OK;
            }
            int days = PlaybookReviewService.checkDays(reviewDays != null ? reviewDays
                    : new SettingsStore(home.settingsFile()).load().reviewDays());
            Map<Long, PlanReminder> reminders = services.playbookReviews().reminders(days);
            cli.out.println(String.format(Locale.ROOT, "%-5s %-32s %-8s %-8s %-17s %-6s %s", "ID", "NAME", "VERSION",
                    "BUNDLED", "UPDATED (UTC)", "PLAN", "TITLE"));
            long due = 0;
            for (StoredPlaybook p : list) {
                PlanReminder r = reminders.get(p.id());
                boolean flagged = r != null && r.flagged();
                due += flagged ? 1 : 0;
                cli.out.println(String.format(Locale.ROOT, "%-5d %-32s %-8d %-8s %-17s %-6s %s", p.id(),
                        PlainText.cell(p.name()), p.currentVersion(), p.bundled() ? "yes" : "no",
                        p.updatedAt().toString().substring(0, 16).replace('T', ' '), flagged ? "DUE" : "ok",
                        PlainText.cell(p.title())));
                if (flagged) {
                    cli.out.println("      " + PlainText.cell(why(r)));
                }
            }
            if (due > 0) {
                cli.out.println(due + (due == 1 ? " playbook is" : " playbooks are") + " due for a review of the plan; "
                        + "review it in the Playbooks area (Mark as reviewed) or save a new version.");
            }
            return Cli.OK;
        }
    }

    /** Why a playbook is due, in an English sentence. */
    static String why(PlanReminder r) {
        StringBuilder b = new StringBuilder();
        if (r.overdue()) {
            b.append("not reviewed in ").append(r.daysSince()).append(r.daysSince() == 1 ? " day" : " days")
                    .append(" (more than ").append(r.days()).append(")");
        }
        if (r.closedCase() != null) {
            b.append(b.length() > 0 ? "; " : "").append("not changed after ")
                    .append(r.closedCase().exercise() ? "exercise" : "case").append(" #").append(r.closedCase().id())
                    .append(" '").append(r.closedCase().title()).append("' used it (closed ")
                    .append(r.closedCase().closedAt().toString().substring(0, 16).replace('T', ' ')).append(" UTC)");
        }
        return b.toString();
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a playbook file: a new playbook, or a new version of the one with the same id and "
                    + "language. Prints its name and version.")
    static final class Import extends PlaybookStoreCommand {
        @Parameters(paramLabel = "FILE", description = "Playbook YAML file.")
        Path file;
        @Option(names = "--author", description = "Who is importing (default: $CRISIS_CONSOLE_AUTHOR or the app's name).")
        String author;

        Import(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, PlaybookService playbooks) {
            // read once, strictly; an invalid playbook is a PlaybookInvalidException, printed by Cli
            String yaml = PlaybookReader.text(file);
            StoredPlaybook p = playbooks.importYaml(file.toString(), yaml, cli.author(author, home));
            cli.out.println(PlainText.cell(p.name()) + " version " + p.currentVersion());
            return Cli.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the current version of a playbook exactly as it was saved.")
    static final class Export extends PlaybookStoreCommand {
        @Parameters(paramLabel = "ID", description = "key.language (e.g. service-outage.en) or the number from list.")
        String id;
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the YAML.")
        Path out;
        @Option(names = "--force", description = "Replace FILE if it exists.")
        boolean force;

        Export(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, PlaybookService playbooks) throws Exception {
            StoredPlaybook p = resolve(playbooks, id);
            PlaybookVersion v = playbooks.current(p.id());
            byte[] bytes = v.yaml().getBytes(StandardCharsets.UTF_8);
            if (!force && Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                throw new ValidationException("out", out + " already exists; add --force to replace it");
            }
            AtomicFiles.write(out, bytes); // readable by the owner only, like every file the app writes
            cli.out.println(PlainText.cell(p.name()) + " version " + v.version() + " written to "
                    + PlainText.cell(out.toString()));
            return Cli.OK;
        }
    }

    /** {@code key.language} or the numeric id. */
    static StoredPlaybook resolve(PlaybookService playbooks, String id) {
        if (id.matches("\\d{1,18}")) {
            return playbooks.get(Long.parseLong(id));
        }
        int dot = id.lastIndexOf('.');
        if (dot > 0) {
            var found = playbooks.find(id.substring(0, dot), id.substring(dot + 1));
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ValidationException("playbook", "no playbook '" + id + "' (name it key.language, e.g. "
                + "service-outage.en, or by the number from playbook list)");
    }
}

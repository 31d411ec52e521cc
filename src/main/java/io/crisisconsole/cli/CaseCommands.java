package io.crisisconsole.cli;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CaseStatus;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.cases.Severity;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.toolkit.PlainText;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "case", description = "Create, list and show cases.", mixinStandardHelpOptions = true)
final class CaseCommands extends CommandGroup {

    CaseCommands() {
        super("create, list, show or status");
    }

    @Command(name = "create", description = "Open a new case; prints its id.", mixinStandardHelpOptions = true)
    static final class Create extends StoreCommand {
        @Option(names = "--title", required = true, description = "What is happening, in a few words.")
        String title;
        @Option(names = "--severity", defaultValue = "" + Severity.DEFAULT,
                description = "1 (critical) to 4 (low); default ${DEFAULT-VALUE}.")
        int severity;
        @Option(names = "--owner", description = "Incident lead.")
        String owner;
        @Option(names = "--hashtag", description = "Official hashtag, with or without #.")
        String hashtag;
        @Option(names = "--hub", paramLabel = "URL", description = "The one official place for updates.")
        String hub;
        @Option(names = "--author", description = "Who is writing (default: $CRISIS_CONSOLE_AUTHOR or the app's name).")
        String author;

        Create(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) {
            CaseService cases = services.cases();
            CaseDetails details = new CaseDetails(title, severity, owner, hashtag, hub);
            CrisisCase c = cases.open(details, cli.author(author, home));
            cli.out.println(c.id());
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "List cases, newest first.", mixinStandardHelpOptions = true)
    static final class ListCases extends StoreCommand {
        @Option(names = "--json", description = "Print JSON.")
        boolean asJson;

        ListCases(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) throws Exception {
            CaseService cases = services.cases();
            List<CrisisCase> list = cases.list();
            if (asJson) {
                cli.out.println(cli.json.writeValueAsString(list));
                return Cli.OK;
            }
            if (list.isEmpty()) {
                cli.out.println("No cases yet. Open one with: case create --title \"...\"");
                return Cli.OK;
            }
            cli.out.println(String.format(Locale.ROOT, "%-6s %-14s %-10s %-20s %s", "ID", "SEVERITY", "STATUS",
                    "OPENED (UTC)", "TITLE"));
            for (CrisisCase c : list) {
                cli.out.println(String.format(Locale.ROOT, "%-6d %-14s %-10s %-20s %s", c.id(),
                        Severity.label(c.severity()), c.status().label(),
                        c.openedAt().toString().substring(0, 16).replace('T', ' '), PlainText.cell(c.title())));
            }
            return Cli.OK;
        }
    }

    @Command(name = "show", description = "Show one case.", mixinStandardHelpOptions = true)
    static final class Show extends StoreCommand {
        @Parameters(paramLabel = "ID", description = "Case id.")
        long id;
        @Option(names = "--json", description = "Print JSON.")
        boolean asJson;

        Show(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) throws Exception {
            CaseService cases = services.cases();
            CrisisCase c = cases.get(id);
            if (asJson) {
                cli.out.println(cli.json.writeValueAsString(c));
                return Cli.OK;
            }
            cli.out.println("#" + c.id() + " " + (c.exercise() ? "EXERCISE " : "") + PlainText.cell(c.title()));
            cli.out.println("  " + Severity.label(c.severity()) + ", " + c.status().label()
                    + (c.owner() == null ? "" : ", owner " + PlainText.cell(c.owner())));
            cli.out.println("  hashtag " + (c.hashtag() == null ? "(none)" : PlainText.cell(c.hashtag())) + ", hub "
                    + (c.hubUrl() == null ? "(none)" : PlainText.cell(c.hubUrl())));
            cli.out.println("  opened " + c.openedAt() + (c.closedAt() == null ? "" : ", closed " + c.closedAt()));
            return Cli.OK;
        }
    }

    @Command(name = "status", description = "Move a case to another status (written to its timeline).",
            mixinStandardHelpOptions = true)
    static final class SetStatus extends StoreCommand {
        @Parameters(paramLabel = "ID", description = "Case id.")
        long id;
        @Option(names = "--to", required = true, paramLabel = "STATUS",
                description = "open, active, contained, resolved or reviewed.")
        String to;
        @Option(names = "--reason", description = "Why (goes to the timeline).")
        String reason;
        @Option(names = "--author", description = "Who is writing.")
        String author;

        SetStatus(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) {
            CaseService cases = services.cases();
            CaseStatus status = CaseStatus.parse(to);
            CrisisCase c = cases.get(id);
            CrisisCase changed = cases.changeStatus(id, c.version(), status, reason, cli.author(author, home));
            cli.out.println("#" + changed.id() + " " + changed.status().label());
            return Cli.OK;
        }
    }
}

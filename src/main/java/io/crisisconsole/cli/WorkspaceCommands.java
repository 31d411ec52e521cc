package io.crisisconsole.cli;

import io.crisisconsole.services.Services;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.ValidationException;
import io.crisisconsole.workspace.CallAttempt;
import io.crisisconsole.workspace.CallOutcome;
import io.crisisconsole.workspace.Checklist;
import io.crisisconsole.workspace.ChecklistItem;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The case workspace from the command line: the checklist of a case and the calls down its call list. */
final class WorkspaceCommands {

    private WorkspaceCommands() {
    }

    @Command(name = "checklist", description = "The checklist of a case (its playbook's HOW steps).",
            mixinStandardHelpOptions = true)
    static final class ChecklistGroup extends CommandGroup {
        ChecklistGroup() {
            super("list, done, skip or reopen");
        }
    }

    abstract static class StepCommand extends StoreCommand {
        @Option(names = "--case", required = true, paramLabel = "ID")
        long caseId;
        @Option(names = "--step", required = true, paramLabel = "STEP", description = "The step id, e.g. holding-statement.")
        String step;
        @Option(names = "--author", description = "Who is writing.")
        String author;

        StepCommand(Cli cli) {
            super(cli);
        }

        void print(Checklist list) {
            list.items().stream().filter(i -> i.step().id().equals(step)).findFirst()
                    .ifPresent(i -> cli.out.println(line(i, cli.clock.instant())));
        }
    }

    @Command(name = "list", description = "Print the checklist: state, due time, step, owner and person.",
            mixinStandardHelpOptions = true)
    static final class ListSteps extends StoreCommand {
        @Option(names = "--case", required = true, paramLabel = "ID")
        long caseId;
        @Option(names = "--json", description = "Print JSON.")
        boolean asJson;

        ListSteps(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) throws Exception {
            Checklist list = services.checklist().checklist(caseId).orElse(null);
            if (list == null) {
                throw new ValidationException("case", "case #" + caseId
                        + " follows no playbook, so it has no checklist: choose a playbook in the window first");
            }
            if (asJson) {
                cli.out.println(cli.json.writeValueAsString(list));
                return Cli.OK;
            }
            Instant now = cli.clock.instant();
            for (ChecklistItem i : list.items()) {
                cli.out.println(line(i, now));
            }
            return Cli.OK;
        }
    }

    /** {@code LATE      2026-11-24T09:15:00Z  open-case  Open the case…  incident-lead: Anna Nowak  required}. */
    static String line(ChecklistItem i, Instant now) {
        String state = i.late(now) ? "LATE" : i.state().name();
        return String.format(Locale.ROOT, "%-8s  %s  %s  %s  %s: %s%s%s", state, i.due(), i.step().id(),
                PlainText.cell(i.step().title()), i.step().owner(), i.assignee() == null ? "(nobody)"
                        : PlainText.cell(i.assignee().name()), i.step().required() ? "  required" : "",
                i.reason() == null ? "" : "  reason: " + PlainText.cell(i.reason()));
    }

    @Command(name = "done", description = "Mark a step done.", mixinStandardHelpOptions = true)
    static final class Done extends StepCommand {
        @Option(names = "--at", paramLabel = "TIME", converter = TimelineCommands.TimeConverter.class,
                description = "When it was done, e.g. 2026-11-24T09:05:00Z or 2026-11-24T10:05 (local); default now.")
        Instant at;

        Done(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) {
            print(services.checklist().markDone(caseId, step, at, cli.author(author, home)));
            return Cli.OK;
        }
    }

    @Command(name = "skip", description = "Skip a step, saying why.", mixinStandardHelpOptions = true)
    static final class Skip extends StepCommand {
        @Option(names = "--reason", required = true, description = "Why the step is not done.")
        String reason;

        Skip(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) {
            print(services.checklist().skip(caseId, step, reason, cli.author(author, home)));
            return Cli.OK;
        }
    }

    @Command(name = "reopen", description = "Open a done or skipped step again.", mixinStandardHelpOptions = true)
    static final class Reopen extends StepCommand {
        Reopen(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) {
            print(services.checklist().reopen(caseId, step, cli.author(author, home)));
            return Cli.OK;
        }
    }

    @Command(name = "call", description = "Write down a call to a person of the call list; prints its id.",
            mixinStandardHelpOptions = true)
    static final class LogCall extends StoreCommand {
        @Option(names = "--case", required = true, paramLabel = "ID")
        long caseId;
        @Option(names = "--contact", required = true, paramLabel = "ID", description = "The contact called.")
        long contactId;
        @Option(names = "--role", required = true, description = "The role of the call list, e.g. spokesperson.")
        String role;
        @Option(names = "--outcome", required = true, converter = OutcomeConverter.class,
                description = "reached, no-answer or left-message.")
        CallOutcome outcome;
        @Option(names = "--at", paramLabel = "TIME", converter = TimelineCommands.TimeConverter.class,
                description = "When the call was made; default now.")
        Instant at;
        @Option(names = "--note")
        String note;
        @Option(names = "--author", description = "Who is writing.")
        String author;

        LogCall(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) {
            CallAttempt a = services.calls().log(caseId, contactId, role, outcome, at, note, cli.author(author, home));
            cli.out.println(a.id());
            return Cli.OK;
        }
    }

    static final class OutcomeConverter implements CommandLine.ITypeConverter<CallOutcome> {
        @Override
        public CallOutcome convert(String value) {
            try {
                return CallOutcome.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not an outcome: reached, no-answer or left-message");
            }
        }
    }
}

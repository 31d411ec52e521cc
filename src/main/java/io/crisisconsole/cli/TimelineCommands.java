package io.crisisconsole.cli;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.EntryBeforeOpeningException;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.ValidationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "timeline", description = "Add to and read a case timeline.", mixinStandardHelpOptions = true)
final class TimelineCommands extends CommandGroup {

    TimelineCommands() {
        super("add, list or correct");
    }

    @Command(name = "add", description = "Append an entry; prints its id.", mixinStandardHelpOptions = true)
    static final class Add extends StoreCommand {
        @Option(names = "--case", required = true, paramLabel = "ID")
        long caseId;
        @Option(names = "--kind", required = true,
                description = "note, decision, message-published, mention-handled or escalation.")
        String kind;
        @Option(names = "--text", required = true)
        String text;
        @Option(names = "--at", paramLabel = "TIME", converter = TimeConverter.class,
                description = "When it happened, e.g. 2026-11-24T09:05:00Z or 2026-11-24T10:05 (local); default now.")
        Instant at;
        @Option(names = "--before-opening",
                description = "Confirm that it happened before the case was opened (a --at earlier than the "
                        + "opening is refused without it).")
        boolean beforeOpening;
        @Option(names = "--author", description = "Who is writing.")
        String author;

        Add(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) {
            CaseService cases = services.cases();
            TimelineEntry e;
            try {
                e = cases.addEntry(caseId, EntryKind.parse(kind), text, at, cli.author(author, home), null,
                        beforeOpening);
            } catch (EntryBeforeOpeningException early) {
                throw new ValidationException(early.field(), early.getMessage() + " with --before-opening");
            }
            cli.out.println(e.id());
            return Cli.OK;
        }
    }

    @Command(name = "correct", description = "Correct an entry with a new entry; the original stays. Prints the new id.",
            mixinStandardHelpOptions = true)
    static final class Correct extends StoreCommand {
        @Option(names = "--entry", required = true, paramLabel = "ID")
        long entryId;
        @Option(names = "--text", required = true, description = "What the entry should have said.")
        String text;
        @Option(names = "--author", description = "Who is writing.")
        String author;

        Correct(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) {
            CaseService cases = services.cases();
            cli.out.println(cases.correct(entryId, text, cli.author(author, home)).id());
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "Print a case timeline, oldest first.", mixinStandardHelpOptions = true)
    static final class ListEntries extends StoreCommand {
        @Option(names = "--case", required = true, paramLabel = "ID")
        long caseId;
        @Option(names = "--json", description = "Print JSON.")
        boolean asJson;

        ListEntries(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) throws Exception {
            CaseService cases = services.cases();
            List<TimelineEntry> entries = cases.timeline(caseId);
            // an exercise's entries are marked as such on every line, and in JSON
            boolean exercise = cases.get(caseId).exercise();
            if (asJson) {
                List<Object> out = new java.util.ArrayList<>();
                for (TimelineEntry e : entries) {
                    java.util.Map<String, Object> m = cli.json.convertValue(e,
                            new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() { });
                    if (exercise) {
                        m.put("exercise", true);
                    }
                    out.add(m);
                }
                cli.out.println(cli.json.writeValueAsString(out));
                return Cli.OK;
            }
            // each line starts with the entry's id (the one 'timeline correct --entry' takes), padded to the longest
            int width = entries.stream().mapToInt(e -> String.valueOf(e.id()).length()).max().orElse(1);
            for (TimelineEntry e : entries) {
                // a body keeps its own line breaks, each continued under the entry; nothing else breaks a line
                cli.out.println(String.format(java.util.Locale.ROOT, "#%-" + width + "d  ", e.id())
                        + (exercise ? "EXERCISE  " : "") + e.occurredAt() + "  " + e.kind().cliName() + "  " + PlainText.cell(e.author())
                        + (e.correctsId() == null ? "" : "  (corrects #" + e.correctsId() + ")") + "\n    "
                        + PlainText.lines(e.body().replace("\r\n", "\n")).replace("\n", "\n    "));
            }
            return Cli.OK;
        }
    }

    /** ISO instant, offset date-time, or local date-time in this machine's zone. */
    static final class TimeConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notInstant) {
                try {
                    return OffsetDateTime.parse(value).toInstant();
                } catch (DateTimeParseException notOffset) {
                    try {
                        return LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toInstant();
                    } catch (DateTimeParseException e) {
                        throw new CommandLine.TypeConversionException(
                                "'" + value + "' is not a time like 2026-11-24T09:05:00Z or 2026-11-24T10:05");
                    }
                }
            }
        }
    }
}

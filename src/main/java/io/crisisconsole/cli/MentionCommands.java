package io.crisisconsole.cli;

import io.crisisconsole.inbox.ImportResult;
import io.crisisconsole.inbox.InboxQuery;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.InboxSort;
import io.crisisconsole.inbox.InboxStats;
import io.crisisconsole.inbox.InboxType;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.inbox.MentionColumnMapping;
import io.crisisconsole.inbox.MentionFilePreview;
import io.crisisconsole.inbox.MentionFileReader;
import io.crisisconsole.inbox.MentionReadResult;
import io.crisisconsole.inbox.MentionState;
import io.crisisconsole.inbox.ResponseClock;
import io.crisisconsole.inbox.SavedMapping;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.ResponseAction;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mentions", description = "Import, list and count the mentions of a case.", mixinStandardHelpOptions = true)
final class MentionCommands extends CommandGroup {

    MentionCommands() {
        super("import, list or stats");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a CSV, TSV or XLSX export of a listening tool into a case's inbox (one transaction).")
    static final class ImportMentions extends StoreCommand {
        @Option(names = "--case", required = true, paramLabel = "ID")
        long caseId;
        @Parameters(paramLabel = "FILE", description = "The export (.csv, .tsv, .txt or .xlsx; see README for the tools and columns).")
        Path file;
        @Option(names = "--mapping", paramLabel = "NAME",
                description = "Use the column mapping saved under this name (default: the one saved for this header, else the guess).")
        String mappingName;
        @Option(names = "--save-mapping", paramLabel = "NAME",
                description = "Save the mapping used under this name, for files with the same header.")
        String saveAs;
        @Option(names = "--zone", paramLabel = "ZONE",
                description = "Time zone of dates without an offset, e.g. Europe/Warsaw (default: this computer's).")
        String zone;
        @Option(names = "--good-rows", description = "Import the rows without problems even when other rows have some.")
        boolean goodRows;
        @Option(names = "--author", description = "Who is importing (default: $CRISIS_CONSOLE_AUTHOR or the app's name).")
        String author;

        ImportMentions(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) {
            InboxService inbox = services.inbox();
            services.cases().get(caseId);
            ZoneId zoneId;
            try {
                zoneId = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
            } catch (DateTimeException e) {
                cli.err.println("error: --zone: '" + PlainText.cell(zone) + "' is not a time zone (e.g. Europe/Warsaw, UTC, +01:00)");
                return Cli.BAD_INPUT;
            }
            if (!Files.isRegularFile(file)) {
                cli.err.println("error: " + PlainText.cell(file.toString()) + ": no such file");
                return Cli.BAD_INPUT;
            }
            MentionFilePreview preview = MentionFileReader.preview(file, zoneId);
            if (preview.headerLine() <= 0) {
                return refuse(preview.problems(), preview.problems().size());
            }
            MentionColumnMapping mapping = preview.mapping();
            Optional<SavedMapping> saved = mappingName != null ? inbox.mappingNamed(mappingName)
                    : inbox.mappingFor(preview.mapping().headerSignature());
            if (mappingName != null && saved.isEmpty()) {
                cli.err.println("error: --mapping: no mapping is saved under '" + PlainText.cell(mappingName) + "'"
                        + (inbox.mappings().isEmpty() ? "" : " (saved: " + String.join(", ",
                                inbox.mappings().stream().map(m -> PlainText.cell(m.name())).toList()) + ")"));
                return Cli.BAD_INPUT;
            }
            if (saved.isPresent()) {
                mapping = MentionColumnMapping.fromJson(saved.get().mappingJson());
            }
            MentionReadResult read = MentionFileReader.read(file, preview, mapping, zoneId,
                    MentionFileReader.Progress.none(), () -> false);
            if (read.refused() || (read.problemCount() > 0 && !goodRows)) {
                return refuse(read.problems(), read.problemCount());
            }
            read.problems().forEach(p -> cli.err.println(PlainText.cell(Cli.oneLine(p))));
            ImportResult r = inbox.importRows(caseId, file.getFileName().toString(), read.mentions(),
                    read.problemCount(), goodRows, cli.author(author, home));
            if (saveAs != null) {
                inbox.saveMapping(mapping.headerSignature(), saveAs, mapping.toJson());
            }
            cli.out.println(r.imported() + " imported, " + r.duplicates() + " duplicates skipped, " + r.problems()
                    + " problems" + (r.responses() > 0 ? ", " + r.responses() + " of the brand's own answers stored" : ""));
            return Cli.OK;
        }

        private int refuse(List<String> problems, long count) {
            problems.forEach(p -> cli.err.println(PlainText.cell(Cli.oneLine(p))));
            cli.err.println("error: " + count + (count == 1 ? " problem" : " problems")
                    + "; nothing was imported (--good-rows imports the rows without problems)");
            return Cli.BAD_INPUT;
        }
    }

    @Command(name = "list", description = "Print the mentions of a case, newest first.", mixinStandardHelpOptions = true)
    static final class ListMentions extends StoreCommand {
        @Option(names = "--case", required = true, paramLabel = "ID")
        long caseId;
        @Option(names = "--json", description = "Print a JSON array, one object per mention (fields in the README).")
        boolean asJson;
        @Option(names = "--state", paramLabel = "S", description = "Only this state: new, assigned, answered-public, "
                + "moved-private, resolved, escalated, hidden, ignored or corrected.")
        String state;
        @Option(names = "--type", paramLabel = "T", description = "Only this type: complaint, question, troll, "
                + "media-inquiry, misinformation, praise or other.")
        String type;

        ListMentions(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) throws Exception {
            InboxService inbox = services.inbox();
            services.cases().get(caseId);
            InboxQuery q = InboxQuery.all().sortedBy(InboxSort.NEWEST);
            if (state != null) {
                q = q.withStates(Set.of(parse(() -> MentionState.parse(state), "state")));
            }
            if (type != null) {
                q = q.withTypes(Set.of(parse(() -> InboxType.parse(type), "type")));
            }
            List<Mention> mentions = inbox.list(caseId, q);
            // the case's playbook read once for every type's action and target
            Playbook playbook = services.casePlaybooks().currentPlaybook(caseId).orElse(null);
            Map<InboxType, Optional<ResponseAction>> actions = new EnumMap<>(InboxType.class);
            for (InboxType t : InboxType.values()) {
                actions.put(t, InboxService.matrixRow(playbook, t).map(Playbook.Response::action));
            }
            Map<InboxType, Integer> minutes = InboxService.replyMinutesOf(playbook);
            Instant now = cli.clock.instant();
            if (asJson) {
                List<Map<String, Object>> out = new ArrayList<>(mentions.size());
                for (Mention m : mentions) {
                    out.add(json(m, actions.get(m.type()), ResponseClock.of(m, minutes.get(m.type()), now)));
                }
                cli.out.println(cli.json.writeValueAsString(out));
                return Cli.OK;
            }
            if (mentions.isEmpty()) {
                cli.out.println("No mentions" + (state != null || type != null ? " match." : " in case #" + caseId + "."));
                return Cli.OK;
            }
            String row = "%-8s %-20s %-10s %-16s %-14s %-9s %-9s %s";
            cli.out.println(String.format(Locale.ROOT, row, "ID", "PUBLISHED", "PLATFORM", "AUTHOR", "TYPE", "STATE",
                    "CLOCK", "TEXT").stripTrailing());
            for (Mention m : mentions) {
                ResponseClock c = ResponseClock.of(m, minutes.get(m.type()), now);
                String text = PlainText.cell(m.text().replaceAll("\\s+", " ").strip());
                cli.out.println(String.format(Locale.ROOT, row, m.id(), m.publishedAt(), PlainText.cell(m.platform()),
                        m.author() == null ? "-" : PlainText.cell(shorten(m.author(), 16)), m.type().cliName(),
                        m.state().cliName(), c.phase().name().toLowerCase(Locale.ROOT), shorten(text, 80))
                        .stripTrailing());
            }
            return Cli.OK;
        }
    }

    @Command(name = "stats", description = "Print the figures of a case's inbox.", mixinStandardHelpOptions = true)
    static final class Stats extends StoreCommand {
        @Option(names = "--case", required = true, paramLabel = "ID")
        long caseId;
        @Option(names = "--json", description = "Print JSON (fields in the README).")
        boolean asJson;

        Stats(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) throws Exception {
            InboxStats s = services.inbox().stats(caseId);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("caseId", caseId);
            out.put("total", s.total());
            out.put("byState", names(s.byState(), MentionState::cliName));
            out.put("byType", names(s.byType(), InboxType::cliName));
            out.put("bySentiment", names(s.bySentiment(), x -> x.name().toLowerCase(Locale.ROOT)));
            List<Map<String, Object>> buckets = new ArrayList<>();
            for (InboxStats.Bucket b : s.per15Minutes()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("start", b.start().toString());
                m.put("count", b.count());
                buckets.add(m);
            }
            out.put("per15Minutes", buckets);
            InboxStats.FirstResponses f = s.firstResponses();
            Map<String, Object> fr = new LinkedHashMap<>();
            fr.put("answered", f.answered());
            fr.put("withinTarget", f.withinTarget());
            fr.put("medianSeconds", f.medianSeconds());
            fr.put("p90Seconds", f.p90Seconds());
            fr.put("shareWithinTarget", f.shareWithinTarget());
            out.put("firstResponse", fr);
            if (asJson) {
                cli.out.println(cli.json.writeValueAsString(out));
                return Cli.OK;
            }
            cli.out.println("Mentions: " + s.total());
            cli.out.println("By state: " + out.get("byState"));
            cli.out.println("By type: " + out.get("byType"));
            cli.out.println("By sentiment: " + out.get("bySentiment"));
            cli.out.println("Answered: " + f.answered() + (f.answered() == 0 ? "" : ", median "
                    + f.medianSeconds() / 60 + " min, p90 " + f.p90Seconds() / 60 + " min, within target "
                    + f.withinTarget() + " (" + Math.round(f.shareWithinTarget() * 100) + "%)"));
            return Cli.OK;
        }
    }

    /** The JSON object of one mention: the field names are stable (README, "mentions list --json"). */
    static Map<String, Object> json(Mention m, Optional<ResponseAction> action, ResponseClock clock) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", m.id());
        o.put("caseId", m.caseId());
        o.put("publishedAt", m.publishedAt().toString());
        o.put("platform", m.platform());
        o.put("author", m.author());
        o.put("text", m.text());
        o.put("url", m.url());
        o.put("sourceId", m.sourceId());
        o.put("language", m.language());
        o.put("sentiment", m.sentiment().name().toLowerCase(Locale.ROOT));
        o.put("reach", m.reach());
        o.put("replyTo", m.replyTo());
        o.put("type", m.type().cliName());
        o.put("typeSuggested", m.typeSuggested());
        o.put("priority", m.priority());
        o.put("action", action.map(ResponseAction::yamlName).orElse(null));
        o.put("state", m.state().cliName());
        o.put("assignedTo", m.assignedTo());
        o.put("tags", m.tags());
        o.put("dueAt", clock.due().toString());
        o.put("clock", clock.phase().name().toLowerCase(Locale.ROOT));
        o.put("firstResponseAt", m.firstResponseAt() == null ? null : m.firstResponseAt().toString());
        o.put("importedFrom", m.importedFrom());
        o.put("importedLine", m.importedLine());
        o.put("addedAt", m.addedAt().toString());
        return o;
    }

    private static <E extends Enum<E>> Map<String, Long> names(Map<E, Long> counts,
            Function<E, String> name) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(name.apply(k), v));
        return out;
    }

    private static <T> T parse(Supplier<T> p, String field) {
        try {
            return p.get();
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, e.getMessage());
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}

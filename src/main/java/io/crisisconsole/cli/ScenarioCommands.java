package io.crisisconsole.cli;

import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.PlaybookInvalidException;
import io.crisisconsole.playbooks.PlaybookReader;
import io.crisisconsole.rehearsal.BundledScenarios;
import io.crisisconsole.rehearsal.Scenario;
import io.crisisconsole.rehearsal.ScenarioReader;
import io.crisisconsole.toolkit.PlainText;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "scenario", description = "Check and list exercise scenarios (YAML, see playbooks/scenarios/FORMAT.md).",
        mixinStandardHelpOptions = true)
final class ScenarioCommands extends CommandGroup {

    ScenarioCommands() {
        super("validate or list");
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check scenario files without a store; prints each problem as file:line:col: message. "
                    + "A scenario whose playbook is bundled is also checked against it.",
            footer = {"", "Exit codes: 0 all valid, 1 any file invalid or unreadable (that is a problem at 1:1 too)."})
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario YAML files.")
        List<Path> files;

        private final Cli cli;

        Validate(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ScenarioReader reader = new ScenarioReader();
            return PlaybookCommands.validateEach(cli, files, file -> {
                ScenarioReader.Parsed parsed = check(reader, file);
                Scenario s = parsed.scenario();
                return new PlaybookCommands.Checked(parsed.ok() ? s.id() + "." + s.language() + ", " + s.injects().size()
                        + " injects, " + s.expectations().size() + " expectations" : null, parsed.problems());
            });
        }

        /** Read once; checked against its playbook too when that playbook is bundled. */
        private static ScenarioReader.Parsed check(ScenarioReader reader, Path file) {
            String yaml;
            try {
                yaml = ScenarioReader.text(file);
            } catch (PlaybookInvalidException e) {
                return new ScenarioReader.Parsed(null, e.problems());
            }
            ScenarioReader.Parsed parsed = reader.read(file.toString(), yaml);
            Optional<Playbook> playbook = parsed.scenario() == null ? Optional.empty()
                    : bundledPlaybook(parsed.scenario());
            return playbook.isPresent() ? reader.read(file.toString(), yaml, playbook.get()) : parsed;
        }
    }

    /** The bundled playbook of the scenario's playbook id and language, when there is one. */
    static Optional<Playbook> bundledPlaybook(Scenario s) {
        String name = s.playbook() + "." + s.language() + ".yaml";
        PlaybookReader reader = new PlaybookReader();
        return BundledPlaybooks.list().stream().filter(b -> b.fileName().equals(name))
                .map(b -> reader.read(b.fileName(), b.yaml()).playbook()).filter(p -> p != null).findFirst();
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the bundled scenarios: id, language, title, playbook, injects, expectations and "
                    + "duration (the minute of the last timed inject).")
    static final class ListScenarios implements Callable<Integer> {
        private final Cli cli;

        ListScenarios(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ScenarioReader reader = new ScenarioReader();
            cli.out.println(String.format(Locale.ROOT, "%-26s %-4s %-26s %7s %12s %8s  %s", "ID", "LANG", "PLAYBOOK",
                    "INJECTS", "EXPECTATIONS", "MINUTES", "TITLE"));
            for (BundledPlaybooks.Bundled b : BundledScenarios.list()) {
                Scenario s = reader.read(b.fileName(), b.yaml()).scenario();
                if (s == null) {
                    cli.out.println(PlainText.cell(b.fileName() + ": cannot be read; run scenario validate on it"));
                    continue;
                }
                cli.out.println(String.format(Locale.ROOT, "%-26s %-4s %-26s %7d %12d %8d  %s", PlainText.cell(s.id()),
                        s.language(), PlainText.cell(s.playbook()), s.injects().size(), s.expectations().size(),
                        duration(s), PlainText.cell(s.title())));
            }
            return Cli.OK;
        }
    }

    /** The minute of the last inject that fires at its offset (manual and after injects have no fixed minute). */
    static int duration(Scenario s) {
        return s.injects().stream().filter(i -> i.trigger() == Scenario.Trigger.AT).mapToInt(Scenario.Inject::atMinutes)
                .max().orElse(0);
    }
}

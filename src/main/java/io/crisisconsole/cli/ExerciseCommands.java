package io.crisisconsole.cli;

import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.PlaybookProblem;
import io.crisisconsole.rehearsal.Exercise;
import io.crisisconsole.rehearsal.ExerciseScore;
import io.crisisconsole.rehearsal.ExerciseScript;
import io.crisisconsole.rehearsal.Scenario;
import io.crisisconsole.rehearsal.ScenarioReader;
import io.crisisconsole.rehearsal.ScriptedRun;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.toolkit.StrictText;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Exercises from the command line: a whole run headless, and its score. */
final class ExerciseCommands {

    private ExerciseCommands() {
    }

    @Command(name = "exercise", description = "Rehearse a playbook: run a scenario headless, print its score.",
            mixinStandardHelpOptions = true)
    static final class ExerciseGroup extends CommandGroup {
        ExerciseGroup() {
            super("run, score or list");
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a whole exercise without the window: the clock steps from event to event (or runs at "
                    + "--speed), the script's team actions are done at their minutes; prints the exercise case id last.")
    static final class Run extends StoreCommand {
        @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "The scenario (YAML).")
        Path scenario;
        @Option(names = "--script", paramLabel = "ACTIONS.yaml", description = "What the team does (default: nothing).")
        Path script;
        @Option(names = "--speed", paramLabel = "N", description = "Run in time at x1, x5, x10 or x60 "
                + "(default: no waiting).")
        Integer speed;
        @Option(names = "--author", description = "The facilitator.")
        String author;

        Run(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) throws Exception {
            String yaml = ScenarioReader.text(scenario);
            // the scenario's playbook is usually a bundled one, which the window imports on its first run
            BundledPlaybooks.importOnFirstRun(services.playbooks(), BundledPlaybooks.AUTHOR);
            ScenarioReader.Parsed parsed = new ScenarioReader().read(scenario.toString(), yaml);
            if (parsed.scenario() != null) {
                // checked against the playbook in the store too, each problem at its place in the file
                var stored = services.playbooks().find(parsed.scenario().playbook(), parsed.scenario().language());
                if (stored.isPresent()) {
                    parsed = new ScenarioReader().read(scenario.toString(), yaml,
                            services.playbooks().currentPlaybook(stored.get().id()));
                }
            }
            if (!parsed.ok()) {
                for (PlaybookProblem p : parsed.problems()) {
                    cli.err.println(p.format());
                }
                return Cli.FAILED;
            }
            ExerciseScript actions = script == null ? ExerciseScript.none()
                    : ScriptedRun.readScript(script.toString(), text(script));
            if (speed != null && !io.crisisconsole.rehearsal.ExerciseClock.SPEEDS.contains(speed)) {
                throw new ValidationException("speed", "--speed is 1, 5, 10 or 60, not " + speed);
            }
            Scenario s = parsed.scenario();
            long caseId = services.exerciseRuns().run(s, yaml, scenario, actions, cli.author(author, home),
                    speed == null ? 0 : speed, cli.out::println);
            ExerciseScore score = services.exerciseScores().score(caseId);
            cli.out.println(String.format(Locale.ROOT, "Exercise \"%s\" ended at minute %d: %d passed, %d failed, "
                            + "%d expired, %d open", s.title(), score.minute(), score.expectations().passed(),
                    score.expectations().failed(), score.expectations().expired(), score.expectations().open()));
            cli.out.println(caseId);
            return Cli.OK;
        }

        private static String text(Path file) {
            try {
                return StrictText.readUtf8(file, 1024 * 1024);
            } catch (StrictText.Refused r) {
                throw new ValidationException("file", file + ": " + r.getMessage());
            }
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Print the figures of an exercise: first responses, holding statement, rhythm, "
                    + "expectations, steps, findings, unapproved publications, objectives.")
    static final class Score extends StoreCommand {
        @Option(names = "--case", required = true, paramLabel = "ID")
        long caseId;
        @Option(names = "--json", description = "Print JSON (fields in playbooks/scenarios/FORMAT.md).")
        boolean asJson;

        Score(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) throws Exception {
            ExerciseScore s = services.exerciseScores().score(caseId);
            if (asJson) {
                cli.out.println(cli.json.writeValueAsString(s));
                return Cli.OK;
            }
            cli.out.println(String.format(Locale.ROOT, "EXERCISE #%d \"%s\" (%s.%s), %s at minute %d", s.caseId(),
                    s.scenarioTitle(), s.scenarioId(), s.language(), s.state().name().toLowerCase(Locale.ROOT),
                    s.minute()));
            ExerciseScore.FirstResponse f = s.firstResponse();
            cli.out.println(String.format(Locale.ROOT, "first response: %d mentions, %d answered, %d in time, "
                            + "median %s, p90 %s, overdue %d", f.mentions(), f.answered(), f.withinTarget(),
                    minutes(f.medianSeconds()), minutes(f.p90Seconds()), f.overdueUnanswered()));
            cli.out.println("holding statement: " + (s.holdingStatementMinutes() == null ? "none"
                    : "minute " + s.holdingStatementMinutes()) + " (target " + s.holdingStatementTargetMinutes() + ")");
            for (ExerciseScore.Rhythm r : s.rhythm()) {
                cli.out.println(String.format(Locale.ROOT, "rhythm %s: %d published, longest gap %s min, %d late "
                        + "(every %d min)", r.channel(), r.publications(), r.longestGapMinutes(), r.late(),
                        r.intervalMinutes()));
            }
            for (ExerciseScore.ExpectationResult x : s.expectations().each()) {
                cli.out.println(String.format(Locale.ROOT, "%-8s %-28s %s", x.result() == null ? "open" : x.result(),
                        x.id(), x.text()));
            }
            ExerciseScore.Steps st = s.steps();
            cli.out.println(String.format(Locale.ROOT, "steps: %d done (%d late), %d skipped, %d open (%d late)",
                    st.done(), st.doneLate(), st.skipped(), st.open(), st.openLate()));
            cli.out.println(String.format(Locale.ROOT, "findings: %d errors, %d warnings in %d publications; "
                    + "%d published without approval", s.findings().errors(), s.findings().warnings(),
                    s.findings().publications(), s.publishedWithoutApproval().size()));
            for (ExerciseScore.ObjectiveScore o : s.objectives()) {
                cli.out.println(String.format(Locale.ROOT, "objective %s: %d of %d passed, suggested %s%s", o.id(),
                        o.passed(), o.total(), o.suggested() == null ? "-" : o.suggested().cliName(),
                        o.rating() == null ? "" : ", rated " + o.rating().cliName()));
            }
            return Cli.OK;
        }

        private static String minutes(Long seconds) {
            return seconds == null ? "-" : String.format(Locale.ROOT, "%.1f min", seconds / 60.0);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the exercises, newest first.")
    static final class ListExercises extends StoreCommand {
        ListExercises(Cli cli) {
            super(cli);
        }

        @Override
        int run(DataHome home, Services services) throws Exception {
            for (Exercise e : services.exercises().list()) {
                cli.out.println(String.format(Locale.ROOT, "#%d EXERCISE %s.%s %s started %s", e.caseId(),
                        e.scenarioId(), e.language(), e.state().name().toLowerCase(Locale.ROOT), e.startedAt()));
            }
            return Cli.OK;
        }
    }
}

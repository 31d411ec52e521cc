package io.crisisconsole.rehearsal;

import com.fasterxml.jackson.databind.InjectableValues;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.PlaybookProblem;
import io.crisisconsole.playbooks.StrictYaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads scenario YAML (playbooks/scenarios/FORMAT.md) as strictly as playbooks are read, with the
 * same machinery ({@link StrictYaml}): at most 1 MiB, UTF-8, a leading byte-order mark ignored;
 * anchors, aliases, tags, duplicate keys, deep nesting and several documents refused; every unknown
 * key, wrong type and missing key located; then {@link ScenarioValidator}'s rules. Every problem is
 * {@code file:line:col: path: message}. Thread-safe.
 */
public final class ScenarioReader {

    public static final int MAX_BYTES = StrictYaml.MAX_BYTES;

    /**
     * What was read: {@code scenario} is null when the file could not be mapped at all; set, with the
     * problems, when only unknown keys or broken rules were found. Problems are in line order.
     */
    public record Parsed(Scenario scenario, List<PlaybookProblem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }

        /** Readable and breaks no rule. */
        public boolean ok() {
            return scenario != null && problems.isEmpty();
        }
    }

    private static final InjectableValues ABSENT = new InjectableValues.Std()
            .addValue(Scenario.ABSENT_NUMBER, Scenario.ABSENT_NUMBER_VALUE)
            .addValue(Scenario.ABSENT_TEXT, Scenario.ABSENT_TEXT_VALUE)
            .addValue(Scenario.ABSENT_MAP, Map.of())
            .addValue(Scenario.ABSENT_LIST, List.of());
    private static final StrictYaml<Scenario> STRICT = strict(null);

    private static StrictYaml<Scenario> strict(Playbook playbook) {
        return new StrictYaml<>(Scenario.class, "scenario", ABSENT, (scenario, found) -> {
            ScenarioValidator.validate(scenario, found);
            if (playbook != null) {
                ScenarioValidator.againstPlaybook(scenario, playbook, found);
            }
        });
    }

    /** Reads a file: refused at 1:1 when missing, unreadable, over 1 MiB (checked before reading) or not UTF-8. */
    public Parsed read(Path file) {
        return parsed(STRICT.read(file));
    }

    /** Reads YAML text; {@code fileName} is only used in the problems. */
    public Parsed read(String fileName, String yaml) {
        return parsed(STRICT.read(fileName, yaml));
    }

    /** Reads YAML text and also checks it against the playbook it rehearses ({@link ScenarioValidator#againstPlaybook}). */
    public Parsed read(String fileName, String yaml, Playbook playbook) {
        return parsed(strict(playbook).read(fileName, yaml));
    }

    /**
     * The text of a scenario file, read once and strictly.
     *
     * @throws io.crisisconsole.playbooks.PlaybookInvalidException at 1:1 when the file is missing,
     *         unreadable, a folder, over 1 MiB or not UTF-8
     */
    public static String text(Path file) {
        return STRICT.text(file);
    }

    private static Parsed parsed(StrictYaml.Read<Scenario> read) {
        return new Parsed(read.value(), read.problems());
    }
}

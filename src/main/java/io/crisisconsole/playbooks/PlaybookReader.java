package io.crisisconsole.playbooks;

import com.fasterxml.jackson.databind.InjectableValues;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads playbook YAML strictly (playbooks/FORMAT.md) and says exactly where it is wrong: a
 * {@link StrictYaml} of {@link Playbook} with {@link PlaybookValidator}'s rules (size limit, the
 * structural pass, every unknown key, located mapping errors, every broken rule). Thread-safe.
 */
public final class PlaybookReader {

    /** Playbook files are at most 1 MiB. */
    public static final int MAX_BYTES = StrictYaml.MAX_BYTES;

    /**
     * At most {@value #MAX_PROBLEMS} problems are reported, in line order; when there are more, a
     * last one at the first left out says how many more there are.
     */
    static final int MAX_PROBLEMS = StrictYaml.MAX_PROBLEMS;

    /**
     * What was read. {@code playbook} is null when the file could not be mapped at all (hostile YAML,
     * wrong types, missing keys); it is set, with the problems, when only unknown keys or broken
     * rules were found (an editor can still show it). Problems are in line order.
     */
    public record Parsed(Playbook playbook, List<PlaybookProblem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }

        /** Readable and breaks no rule. */
        public boolean ok() {
            return playbook != null && problems.isEmpty();
        }
    }

    /** What an optional key left out reads as (see {@link Playbook#ABSENT_NUMBER}). */
    private static final StrictYaml<Playbook> STRICT = new StrictYaml<>(Playbook.class, "playbook",
            new InjectableValues.Std()
                    .addValue(Playbook.ABSENT_NUMBER, Playbook.ABSENT_NUMBER_VALUE)
                    .addValue(Playbook.ABSENT_TEXT, Playbook.ABSENT_TEXT_VALUE)
                    .addValue(Playbook.ABSENT_FLAG, Boolean.FALSE),
            (playbook, found) -> PlaybookValidator.validate(playbook, v -> found.accept(v.path(), v.message())));

    /** Reads a file: refused at 1:1 when missing, unreadable, over 1 MiB (checked before reading) or not UTF-8. */
    public Parsed read(Path file) {
        return parsed(STRICT.read(file));
    }

    /**
     * The text of a playbook file, read once and strictly (for a caller that then imports it: the
     * file is not read again, so what was checked is what is stored).
     *
     * @throws PlaybookInvalidException at 1:1 when the file is missing, unreadable, a folder, over
     *         1 MiB (checked before reading) or not UTF-8
     */
    public static String text(Path file) {
        return STRICT.text(file);
    }

    /** Reads YAML text; {@code fileName} is only used in the problems. */
    public Parsed read(String fileName, String yaml) {
        return parsed(STRICT.read(fileName, yaml));
    }

    private static Parsed parsed(StrictYaml.Read<Playbook> read) {
        return new Parsed(read.value(), read.problems());
    }

    /**
     * The first, structural pass alone, for other strict YAML readers (the composer's limits, cue lists
     * and drafts): anchors, aliases, tags, duplicate keys, keys that are not plain text, nesting deeper
     * than 64 and more than one document, each located at a 1-based line and column. Empty when none;
     * says nothing about keys or types. A leading byte-order mark is ignored.
     */
    public static List<PlaybookProblem> structuralProblems(String fileName, String yaml) {
        return StrictYaml.structuralProblems(fileName, yaml);
    }

    /** What a value of type {@code t} is called in a problem ("text", "a whole number", "a list", ...). */
    public static String describe(Type t) {
        return StrictYaml.describe(t);
    }
}

package io.crisisconsole.playbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 9, point 7: control characters in a playbook are reported at their line, not stored. */
class PlaybookControlCharactersTest {

    List<String> problems(String yaml) {
        return new PlaybookReader().read("f.yaml", yaml).problems().stream().map(PlaybookProblem::format).toList();
    }

    @Test
    void oneLineValuesRefuseControlsAndTextsKeepLineBreaks() {
        String yaml = Fixtures.replaceOnce(Fixtures.SMALL, "title: Small test", "title: \"Small\\e[2J test\"");
        yaml = Fixtures.replaceOnce(yaml, "name: Critical", "name: \"Crit\\u202Eical\"");
        yaml = Fixtures.replaceOnce(yaml, "summary: A tiny playbook for tests.",
                "summary: \"Two lines\\nand a tab\\t are fine, a NUL\\0 is not\"");
        List<String> found = problems(yaml);
        assertThat(found).hasSize(3);
        assertThat(found.get(0)).startsWith("f.yaml:4:")
                .endsWith("title: the value contains a control character (U+001B at position 6); remove it");
        assertThat(found).anySatisfy(p -> assertThat(p).startsWith("f.yaml:5:")
                .endsWith("summary: the text contains a control character (U+0000 at position 37); remove it"));
        assertThat(found).anySatisfy(p -> assertThat(p).startsWith("f.yaml:13:")
                .contains("when.severity_levels[0].name: the value contains a bidirectional control character "
                        + "(U+202E at position 5)"));
        assertThat(problems(Fixtures.SMALL)).isEmpty();
    }
}

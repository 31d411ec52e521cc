package io.crisisconsole.playbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional keys where.channels[].account and how.response_matrix[].reply_minutes. */
class OptionalKeysTest {

    final PlaybookReader reader = new PlaybookReader();

    @Test
    void leftOutTheyReadAsNullAndAreNotWritten() {
        PlaybookReader.Parsed p = reader.read("small.yaml", Fixtures.SMALL);
        assertThat(p.problems()).isEmpty();
        assertThat(p.playbook().where().channels()).extracting(Playbook.ChannelRole::account).containsOnlyNulls();
        assertThat(p.playbook().how().responseMatrix()).extracting(Playbook.Response::replyMinutes).containsOnlyNulls();
        String yaml = PlaybookWriter.toYaml(p.playbook());
        assertThat(yaml).doesNotContain("account").doesNotContainPattern("\\breply_minutes");
        assertThat(reader.read("again.yaml", yaml).problems()).isEmpty();
    }

    @Test
    void givenTheyAreReadValidatedAndWrittenBack() {
        String yaml = Fixtures.replaceOnce(Fixtures.replaceOnce(Fixtures.SMALL,
                "      role: Short updates.\n", "      role: Short updates.\n      account: \"@example_help\"\n"),
                "      guidance: Answer in public, then in private.\n",
                "      guidance: Answer in public, then in private.\n      reply_minutes: 20\n");
        PlaybookReader.Parsed p = reader.read("small.yaml", yaml);
        assertThat(p.problems()).isEmpty();
        assertThat(p.playbook().where().channels().get(1).account()).isEqualTo("@example_help");
        assertThat(p.playbook().how().responseMatrix().get(0).replyMinutes()).isEqualTo(20);
        Playbook again = reader.read("again.yaml", PlaybookWriter.toYaml(p.playbook())).playbook();
        assertThat(again).isEqualTo(p.playbook());
    }

    @Test
    void outOfRangeMinutesAndEmptyValuesAreProblems() {
        String zero = Fixtures.replaceOnce(Fixtures.SMALL, "      guidance: Answer in public, then in private.\n",
                "      guidance: Answer in public, then in private.\n      reply_minutes: 0\n");
        List<PlaybookProblem> problems = reader.read("small.yaml", zero).problems();
        assertThat(problems).singleElement().satisfies(x -> assertThat(x.toString())
                .contains("how.response_matrix[0].reply_minutes").contains("0 is out of range: 1 to 10080"));

        String empty = Fixtures.replaceOnce(Fixtures.SMALL, "      role: Short updates.\n",
                "      role: Short updates.\n      account:\n");
        // an empty optional key is read as left out (the reader's injection cannot tell them apart)
        assertThat(reader.read("small.yaml", empty).playbook().where().channels().get(1).account()).isNull();
        String quoted = Fixtures.replaceOnce(Fixtures.SMALL, "      guidance: Answer in public, then in private.\n",
                "      guidance: Answer in public, then in private.\n      reply_minutes: \"20\"\n");
        assertThat(reader.read("small.yaml", quoted).problems()).isNotEmpty();
    }
}

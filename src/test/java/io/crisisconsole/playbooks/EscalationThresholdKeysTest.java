package io.crisisconsole.playbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional machine-readable keys of when.escalation_thresholds[] (mentions_per_hour, spike...). */
class EscalationThresholdKeysTest {

    final PlaybookReader reader = new PlaybookReader();

    static final String NOTIFY = "      notify: [lead]\n";

    static String with(String keys) {
        return Fixtures.replaceOnce(Fixtures.SMALL, NOTIFY, NOTIFY + keys);
    }

    /** "LINE:COLUMN" of the value of the first {@code key:} in {@code yaml}, counted here. */
    static String at(String yaml, String key) {
        int i = yaml.indexOf(key + ":");
        int line = 1;
        int start = 0;
        for (int k = 0; k < i; k++) {
            if (yaml.charAt(k) == '\n') {
                line++;
                start = k + 1;
            }
        }
        int column = i - start + key.length() + 3; // past "key: ", 1-based
        return line + ":" + column;
    }

    List<String> problems(String yaml) {
        return reader.read("f.yaml", yaml).problems().stream().map(PlaybookProblem::format).toList();
    }

    @Test
    void leftOutTheThresholdIsProseOnlyAndNothingIsWritten() {
        Playbook p = reader.read("f.yaml", Fixtures.SMALL).playbook();
        Playbook.EscalationThreshold t = p.when().escalationThresholds().get(0);
        assertThat(t.checkable()).isFalse();
        assertThat(t.mentionsPerHour()).isNull();
        assertThat(t.mediaInquiry()).isNull();
        assertThat(PlaybookWriter.toYaml(p)).doesNotContain("mentions_per_hour").doesNotContain("spike")
                .doesNotContain("duration_minutes").doesNotContain("media_inquiry");
    }

    @Test
    void everyKeyIsReadAndRoundTripped() {
        String yaml = with("      mentions_per_hour: 100\n      spike: true\n      negative_share_spike: true\n"
                + "      duration_minutes: 120\n      media_inquiry: true\n");
        PlaybookReader.Parsed parsed = reader.read("f.yaml", yaml);
        assertThat(parsed.problems()).isEmpty();
        Playbook.EscalationThreshold t = parsed.playbook().when().escalationThresholds().get(0);
        assertThat(t).isEqualTo(new Playbook.EscalationThreshold("A journalist asks.", 1, List.of("lead"), 100, true,
                true, 120, true));
        assertThat(t.checkable()).isTrue();
        String written = PlaybookWriter.toYaml(parsed.playbook());
        assertThat(written).contains("mentions_per_hour: 100").contains("spike: true")
                .contains("negative_share_spike: true").contains("duration_minutes: 120").contains("media_inquiry: true");
        assertThat(reader.read("again.yaml", written).playbook()).isEqualTo(parsed.playbook());
    }

    @Test
    void falseIsTheSameAsLeftOut() {
        Playbook p = reader.read("f.yaml", with("      spike: false\n")).playbook();
        assertThat(p.when().escalationThresholds().get(0).spike()).isNull();
        assertThat(p.when().escalationThresholds().get(0).checkable()).isFalse();
    }

    @Test
    void rangesAreLocated() {
        String zero = with("      mentions_per_hour: 0\n");
        assertThat(problems(zero)).containsExactly("f.yaml:" + at(zero, "mentions_per_hour")
                + ": when.escalation_thresholds[0].mentions_per_hour: 0 is out of range: 1 to 1000000 mentions an hour");
        String many = with("      mentions_per_hour: 1000001\n");
        assertThat(problems(many)).containsExactly("f.yaml:" + at(many, "mentions_per_hour")
                + ": when.escalation_thresholds[0].mentions_per_hour: 1000001 is out of range: 1 to 1000000 mentions"
                + " an hour");
        String longCase = with("      duration_minutes: 43201\n");
        assertThat(problems(longCase)).containsExactly("f.yaml:" + at(longCase, "duration_minutes")
                + ": when.escalation_thresholds[0].duration_minutes: 43201 is out of range: 1 to 43200 minutes (30 days)");
        assertThat(problems(with("      duration_minutes: 43200\n      mentions_per_hour: 1\n"))).isEmpty();
    }

    @Test
    void wrongTypesAreLocated() {
        String text = with("      mentions_per_hour: many\n");
        assertThat(problems(text)).containsExactly("f.yaml:" + at(text, "mentions_per_hour")
                + ": when.escalation_thresholds[0].mentions_per_hour: expected a whole number, found 'many'");
        String fraction = with("      duration_minutes: 1.5\n");
        assertThat(problems(fraction)).containsExactly("f.yaml:" + at(fraction, "duration_minutes")
                + ": when.escalation_thresholds[0].duration_minutes: expected a whole number, found the number 1.5");
        String one = with("      spike: 1\n");
        assertThat(problems(one)).containsExactly("f.yaml:" + at(one, "spike")
                + ": when.escalation_thresholds[0].spike: expected true or false, found the number 1");
        // YAML's own yes/no values are true and false
        assertThat(reader.read("f.yaml", with("      media_inquiry: yes\n")).playbook().when().escalationThresholds()
                .get(0).mediaInquiry()).isTrue();
        String empty = with("      media_inquiry: \"\"\n");
        assertThat(problems(empty)).containsExactly("f.yaml:" + at(empty, "media_inquiry")
                + ": when.escalation_thresholds[0].media_inquiry: expected true or false, found the quoted text \"\"");
        String quoted = with("      negative_share_spike: \"true\"\n");
        assertThat(problems(quoted)).containsExactly("f.yaml:" + at(quoted, "negative_share_spike")
                + ": when.escalation_thresholds[0].negative_share_spike: expected true or false, found the quoted text"
                + " \"true\"");
    }

    @Test
    void unknownKeysNameTheKnownOnes() {
        String typo = with("      mentions_an_hour: 100\n");
        String where = at(typo, "mentions_an_hour");
        int column = Integer.parseInt(where.split(":")[1]) - "mentions_an_hour".length() - 2;
        assertThat(problems(typo)).containsExactly("f.yaml:" + where.split(":")[0] + ":" + column
                + ": when.escalation_thresholds[0]: unknown key 'mentions_an_hour' (expected: when, raise_to_severity,"
                + " notify, mentions_per_hour, spike, negative_share_spike, duration_minutes, media_inquiry)");
    }

    @Test
    void everyBundledPlaybookHasMachineReadableThresholds() {
        List<BundledPlaybooks.Bundled> all = BundledPlaybooks.list();
        assertThat(all).hasSize(8);
        for (BundledPlaybooks.Bundled b : all) {
            String name = b.fileName();
            PlaybookReader.Parsed parsed = reader.read(name, b.yaml());
            assertThat(parsed.problems()).as(name).isEmpty();
            Playbook p = parsed.playbook();
            assertThat(p.when().escalationThresholds()).as(name).anyMatch(Playbook.EscalationThreshold::checkable);
            assertThat(reader.read("again.yaml", PlaybookWriter.toYaml(p)).playbook()).as(name).isEqualTo(p);
        }
    }
}

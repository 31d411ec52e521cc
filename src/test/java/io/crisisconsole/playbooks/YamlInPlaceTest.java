package io.crisisconsole.playbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A form edit goes into the YAML in place: only the changed value's text changes; comments, quoting,
 * folded blocks and every other line stay byte for byte, and the file reads back as the edited playbook.
 */
class YamlInPlaceTest {

    final PlaybookReader reader = new PlaybookReader();
    String original;
    Playbook before;

    @BeforeEach
    void load() throws Exception {
        String bundled = Files.readString(Path.of("playbooks/service-outage.en.yaml"));
        // comments of the lead's own, at the places a rewrite loses them
        original = bundled.replace("  triggers:\n", "  triggers:\n    # first the alert, then the complaints\n")
                .replace("title: Service outage\n", "title: Service outage   # shown in the list\n")
                .replace("      escalate_to: [executive-sponsor]\n", "      escalate_to: [executive-sponsor]  # not legal yet\n");
        assertThat(original).isNotEqualTo(bundled);
        before = read(original);
    }

    private Playbook read(String yaml) {
        PlaybookReader.Parsed p = reader.read("service-outage.en.yaml", yaml);
        assertThat(p.problems()).isEmpty();
        return p.playbook();
    }

    /** The playbook the form would produce, made by editing the file by hand; the edit must give exactly that text. */
    private void editGives(String expected) {
        Playbook after = read(expected);
        assertThat(after).isNotEqualTo(before);
        PlaybookWriter.Edited edited = PlaybookWriter.edit(original, before, after);
        String raw = YamlInPlace.edit(original, before, after);
        assertThat(edited.inPlace()).as(() -> raw == null ? "not in place" : changed(expected, raw).toString()).isTrue();
        assertThat(edited.yaml()).isEqualTo(expected);
        assertThat(read(edited.yaml())).isEqualTo(after);
    }

    private static List<DiffLine> changed(String a, String b) {
        return PlaybookService.diffLines(a, b).stream().filter(d -> d.kind() != DiffLine.Kind.SAME).toList();
    }

    @Test
    void aChangedScalarChangesOnlyItsText() {
        editGives(original.replace("title: Service outage   #", "title: Web shop outage   #"));
        editGives(original.replace("      severity: 2\n    - id: complaint-spike", "      severity: 3\n    - id: complaint-spike"));
        editGives(original.replace("    internal_alert_minutes: 15", "    internal_alert_minutes: 10"));
    }

    @Test
    void valuesThatYamlWouldReadAsSomethingElseAreQuoted() {
        editGives(original.replace("title: Service outage   #", "title: \"#1 outage\"   #"));
        editGives(original.replace("title: Service outage   #", "title: \": down\"   #"));
        editGives(original.replace("title: Service outage   #", "title: \"3\"   #"));
        editGives(original.replace("title: Service outage   #", "title: \"yes\"   #"));
        editGives(original.replace("title: Service outage   #", "title: \"Outage: checkout\"   #"));
        editGives(original.replace("  hashtag: \"#ExampleStatus\"", "  hashtag: \"#Outage\""));
    }

    @Test
    void aChangedFoldedTextStaysFolded() {
        String summary = "A service customers rely on is down. Say early that you know, send everyone to one "
                + "official hub, give people something they can do now, and update on a fixed rhythm; never promise "
                + "a fix time you cannot keep, and say when the next update comes.";
        Playbook after = new Playbook(before.format(), before.id(), before.language(), before.title(), summary,
                before.when(), before.who(), before.how(), before.where());
        PlaybookWriter.Edited edited = PlaybookWriter.edit(original, before, after);
        assertThat(edited.inPlace()).isTrue();
        assertThat(read(edited.yaml())).isEqualTo(after);
        assertThat(edited.yaml()).contains("summary: >-\n  A service customers rely on is down.");
        assertThat(edited.yaml().lines().filter(l -> l.startsWith("  A ") || l.startsWith("  give") || l.startsWith("  cannot")))
                .hasSize(3).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
        // everything before and after the summary is the original, byte for byte
        String head = original.substring(0, original.indexOf("summary: >-"));
        String tail = original.substring(original.indexOf("\nwhen:"));
        assertThat(edited.yaml()).startsWith(head).endsWith(tail);
        assertThat(changed(original, edited.yaml())).allSatisfy(d -> assertThat(d.text()).startsWith("  "));
    }

    @Test
    void listItemsAreAddedAndRemovedInPlace() {
        // a flow list
        editGives(original.replace("      escalate_to: [executive-sponsor]  #", "      escalate_to: [executive-sponsor, legal]  #"));
        editGives(original.replace("      escalate_to: [executive-sponsor, legal]\n", "      escalate_to: [legal]\n"));
        // a block list: one criterion removed, one added at the end, one in the middle
        editGives(original.replace("        - Media are asking, or the story is trending.\n", ""));
        editGives(original.replace("        - Media are asking, or the story is trending.\n",
                "        - Media are asking, or the story is trending.\n        - \"Legal: a claim is filed.\"\n"));
        editGives(original.replace("        - Media are asking, or the story is trending.\n",
                "        - 'Legal says: stop.'\n        - Media are asking, or the story is trending.\n")
                .replace("'Legal says: stop.'", "\"Legal says: stop.\""));
    }

    @Test
    void aRecordIsAddedToAList() {
        String trigger = "    - id: payment-errors\n      description: Card payments fail for more than 2 % of orders.\n"
                + "      severity: 1\n";
        editGives(original.replace("\n  severity_levels:", "\n" + trigger.stripTrailing() + "\n  severity_levels:"));
        // and taken out again, with the comment above the list kept
        String withIt = original.replace("\n  severity_levels:", "\n" + trigger.stripTrailing() + "\n  severity_levels:");
        Playbook three = read(original);
        Playbook four = read(withIt);
        PlaybookWriter.Edited back = PlaybookWriter.edit(withIt, four, three);
        assertThat(back.inPlace()).isTrue();
        assertThat(back.yaml()).isEqualTo(original);
    }

    @Test
    void anEditThatCannotBeMadeInPlaceRewritesTheWholeFileAndSaysSo() {
        Playbook emptied = read(original.replace("      escalate_to: [executive-sponsor, legal]\n", "      escalate_to: []\n"));
        // from [] to a list of records is a change of shape the in-place edit does not make: fall back
        PlaybookWriter.Edited edited = PlaybookWriter.edit("# only a comment\n" + PlaybookWriter.toYaml(before)
                .replace("severity: 1", "severity: [1]"), before, emptied);
        assertThat(edited.inPlace()).isFalse();
        assertThat(edited.yaml()).isEqualTo(PlaybookWriter.toYaml(emptied));
        assertThat(read(edited.yaml())).isEqualTo(emptied);
    }
}

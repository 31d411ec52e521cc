package io.crisisconsole.playbooks;

import static io.crisisconsole.playbooks.Fixtures.SMALL;
import static io.crisisconsole.playbooks.Fixtures.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookReaderTest {

    final PlaybookReader reader = new PlaybookReader();

    @TempDir
    Path tmp;

    List<String> problems(String yaml) {
        return reader.read("f.yaml", yaml).problems().stream().map(PlaybookProblem::format).toList();
    }

    /** SMALL with one text replaced. */
    List<String> problemsWith(String from, String to) {
        return problems(replaceOnce(SMALL, from, to));
    }

    @Test
    void theSmallFixtureAndTheReferencePlaybookAreValid() {
        PlaybookReader.Parsed small = reader.read("f.yaml", SMALL);
        assertThat(small.problems()).isEmpty();
        assertThat(small.ok()).isTrue();
        assertThat(small.playbook().when().severityLevels()).hasSize(4);
        assertThat(small.playbook().when().escalationThresholds().get(0).notifyRoles()).containsExactly("lead");

        PlaybookReader.Parsed ref = reader.read("service-outage.en.yaml", Fixtures.reference());
        assertThat(ref.problems()).isEmpty();
        Playbook p = ref.playbook();
        assertThat(p.id()).isEqualTo("service-outage");
        assertThat(p.how().templates()).as("every WHERE channel x every stage").hasSize(6 * 4)
                .extracting(Playbook.Template::channel).startsWith(Channel.WEBSITE, Channel.X, Channel.FACEBOOK,
                        Channel.SMS, Channel.CALL_CENTRE, Channel.STAFF_MEMO);
        assertThat(p.how().tone().forbiddenPhrases()).containsKeys("en", "ru", "pl", "es");
        assertThat(p.where().hub().channel()).isEqualTo(Channel.WEBSITE);
    }

    // --- hostile input ---------------------------------------------------------------------

    @Test
    void aFileOverOneMebibyteIsRefusedBeforeItIsRead() throws Exception {
        Path huge = tmp.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024); // sparse: reading it would take a while
        }
        assertThat(reader.read(huge).problems()).extracting(PlaybookProblem::format)
                .containsExactly(huge + ":1:1: the file is 3221225472 bytes; playbooks are limited to 1 MiB (1048576 bytes)");

        // comment lines of 1000 characters (one comment of 1 MiB is refused: longer than 16,384)
        StringBuilder pad = new StringBuilder(SMALL);
        while (pad.length() < PlaybookReader.MAX_BYTES) {
            int room = Math.min(1000, PlaybookReader.MAX_BYTES - pad.length());
            pad.append(room == 1 ? "\n" : "#" + "x".repeat(room - 2) + "\n");
        }
        String padded = pad.toString();
        assertThat(padded.length()).isEqualTo(PlaybookReader.MAX_BYTES);
        assertThat(problems(padded)).as("exactly 1 MiB is allowed").isEmpty();
        assertThat(problems(padded + "x"))
                .containsExactly("f.yaml:1:1: the file is 1048577 bytes; playbooks are limited to 1 MiB (1048576 bytes)");
        assertThat(problems(SMALL + "#" + "é".repeat(PlaybookReader.MAX_BYTES / 2)))
                .as("counted in UTF-8 bytes, not characters").hasSize(1).allMatch(p -> p.startsWith("f.yaml:1:1: the file is"));
    }

    @Test
    void anchorsAreRefusedWhereTheyAre() {
        assertThat(problemsWith("title: Small test", "title: &t Small test"))
                .containsExactly("f.yaml:4:8: YAML anchors (&t) are not allowed");
    }

    @Test
    void aliasesAreRefusedWhereTheyAre() {
        // Jackson alone would read *t as the text "t"
        assertThat(problemsWith("summary: A tiny playbook for tests.", "summary: *t"))
                .containsExactly("f.yaml:5:10: YAML aliases (*t) are not allowed; write the value out");
    }

    @Test
    void duplicateKeysAreRefusedAtTheSecondOne() {
        assertThat(problemsWith("language: en\n", "language: en\nid: again\n"))
                .containsExactly("f.yaml:4:1: duplicate key 'id' (first at line 2)");
        assertThat(problemsWith("      severity: 2\n", "      severity: 2\n      severity: 3\n"))
                .containsExactly("f.yaml:11:7: duplicate key 'severity' (first at line 10)");
    }

    @Test
    void nestingDeeperThan64IsRefused() {
        assertThat(problems(nested(65))).containsExactly("f.yaml:65:129: nesting deeper than 64 levels is not allowed");
        assertThat(problems(nested(64))).as("64 levels are only wrong as a playbook")
                .noneMatch(p -> p.contains("nesting"))
                .contains("f.yaml:1:1: unknown key 'k' (expected: format, id, language, title, summary, when, who, "
                        + "how, where)");
        assertThat(problems("a: " + "[".repeat(70) + "]".repeat(70) + "\n"))
                .containsExactly("f.yaml:1:67: nesting deeper than 64 levels is not allowed");
    }

    /** {@code depth} mappings inside each other. */
    static String nested(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append("  ".repeat(i)).append("k:\n");
        }
        return sb.append("  ".repeat(depth)).append("v\n").toString();
    }

    @Test
    void tagsSeveralDocumentsSyntaxErrorsAndEmptyFilesAreLocated() {
        assertThat(problemsWith("title: Small test", "title: !!binary U21hbGw="))
                .containsExactly("f.yaml:4:8: YAML tags (tag:yaml.org,2002:binary) are not allowed");
        assertThat(problems(SMALL + "---\nformat: 1\n"))
                .containsExactly("f.yaml:82:1: one playbook per file: a second YAML document starts here");
        assertThat(problemsWith("title: Small test", "title: [Small test"))
                .containsExactly("f.yaml:5:8: YAML syntax error: expected ',' or ']', but got : (while parsing a flow "
                        + "sequence)");
        assertThat(problems("# only a comment\n"))
                .containsExactly("f.yaml:1:1: the file is empty; a playbook starts with 'format: 1'");
        assertThat(problems("- a\n")).containsExactly("f.yaml:1:1: expected a mapping of keys, found a list");
    }

    @Test
    void unknownKeysAreAllReportedAtTheKey() {
        assertThat(problemsWith("      severity: 2\n", "      severity: 2\n      colour: red\n")).containsExactly(
                "f.yaml:11:7: when.triggers[0]: unknown key 'colour' (expected: id, description, severity)");
        assertThat(problems(replaceOnce(replaceOnce(SMALL, "format: 1\n", "format: 1\nversion: 2\n"),
                "  slas:\n", "  slas:\n    first_reply: 5\n")))
                .containsExactly(
                        "f.yaml:2:1: unknown key 'version' (expected: format, id, language, title, summary, when, who, "
                                + "how, where)",
                        "f.yaml:30:5: when.slas: unknown key 'first_reply' (expected: internal_alert_minutes, "
                                + "first_public_reply_minutes, update_interval_minutes, "
                                + "update_interval_applies_for_minutes, complaint_reply_minutes)");
    }

    @Test
    void wrongTypesAreReportedAtTheValue() {
        assertThat(problemsWith("      severity: 2", "      severity: high"))
                .containsExactly("f.yaml:10:17: when.triggers[0].severity: expected a whole number, found 'high'");
        assertThat(problemsWith("format: 1", "format: \"1\""))
                .containsExactly("f.yaml:1:9: format: expected a whole number, found the quoted text \"1\"");
        assertThat(problemsWith("format: 1", "format: 1.5"))
                .containsExactly("f.yaml:1:9: format: expected a whole number, found the number 1.5");
        assertThat(problemsWith("title: Small test", "title: [a, b]"))
                .containsExactly("f.yaml:4:8: title: expected text, found a list");
        assertThat(problemsWith("criteria: [Everything is down.]", "criteria: Everything is down."))
                .containsExactly("f.yaml:14:17: when.severity_levels[0].criteria: expected a list, found 'Everything is "
                        + "down.'");
        assertThat(problemsWith("    - channel: x\n      stage", "    - channel: tiktok\n      stage"))
                .containsExactly("f.yaml:69:16: how.templates[0].channel: unknown channel 'tiktok' (one of x, facebook, "
                        + "instagram, linkedin, sms, email, website, press, staff-memo, call-centre)");
    }

    @Test
    void aStepIsRequiredOnlyWithAnUnquotedTrueAndLeftOutIsNotRequired() {
        assertThat(reader.read("f.yaml", SMALL).playbook().how().steps().get(0).required()).isFalse();
        String required = replaceOnce(SMALL, "      due_minutes: 15\n", "      due_minutes: 15\n      required: true\n");
        PlaybookReader.Parsed parsed = reader.read("f.yaml", required);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.playbook().how().steps().get(0).required()).isTrue();
        assertThat(problems(replaceOnce(SMALL, "      due_minutes: 15\n", "      due_minutes: 15\n      required: false\n")))
                .isEmpty();
        for (String wrong : List.of("\"true\"", "1", "[true]", "")) {
            String yaml = replaceOnce(SMALL, "      due_minutes: 15\n", "      due_minutes: 15\n      required: " + wrong + "\n");
            assertThat(problems(yaml)).as(wrong).hasSize(1).first().asString()
                    .startsWith(wrong.isEmpty() ? "f.yaml:59:16: how.steps[0].required: " : "f.yaml:59:17: how.steps[0].required: ")
                    .contains(wrong.isEmpty() ? "has no value; expected true or false" : "expected true or false");
        }
        // written back only where it is true, and read back equal
        Playbook p = parsed.playbook();
        String written = PlaybookWriter.toYaml(p);
        assertThat(written).contains("required: true");
        assertThat(reader.read("out.yaml", written).playbook()).isEqualTo(p);
        assertThat(PlaybookWriter.toYaml(reader.read("f.yaml", SMALL).playbook())).doesNotContain("required");
    }

    @Test
    void textIsTextNotANumberOrAYesNoValue() {
        // issue 9.11: 100,000 integers in forbidden_phrases validated as fine (Jackson made them "1", "2"...)
        StringBuilder ints = new StringBuilder("      en: [");
        for (int i = 1; i <= 100_000; i++) {
            ints.append(i == 1 ? "" : ", ").append(i);
        }
        String many = replaceOnce(SMALL, "      en: [no comment]", ints.append(']').toString());
        assertThat(many.length()).isLessThan(PlaybookReader.MAX_BYTES);
        assertThat(problems(many)).containsExactly("f.yaml:63:12: how.tone.forbidden_phrases.en[0]: expected text, "
                + "found the number 1 (write \"1\" in quotes if it is text)");
        assertThat(problemsWith("      en: [no comment]", "      en: [no comment, 2.5]")).containsExactly(
                "f.yaml:63:24: how.tone.forbidden_phrases.en[1]: expected text, found the number 2.5 (write \"2.5\" in "
                        + "quotes if it is text)");
        assertThat(problemsWith("      en: [no comment]", "      en: [no comment, true]")).containsExactly(
                "f.yaml:63:24: how.tone.forbidden_phrases.en[1]: expected text, found the yes/no value true (write "
                        + "\"true\" in quotes if it is text)");
        assertThat(problemsWith("      en: [no comment]", "      en: [no comment, {a: b}]")).containsExactly(
                "f.yaml:63:24: how.tone.forbidden_phrases.en[1]: expected text, found a mapping of keys");
        assertThat(problemsWith("      en: [no comment]", "      en: [no comment, ~]")).containsExactly(
                "f.yaml:63:24: how.tone.forbidden_phrases.en[1]: has no value; expected text");
        assertThat(problemsWith("      en: [no comment]", "      en: {a: b}")).containsExactly(
                "f.yaml:63:11: how.tone.forbidden_phrases.en: expected a list, found a mapping of keys");
        assertThat(problemsWith("      en: [no comment]", "      en: 7")).containsExactly(
                "f.yaml:63:11: how.tone.forbidden_phrases.en: expected a list, found the number 7");
        assertThat(problemsWith("title: Small test", "title: 2024")).containsExactly(
                "f.yaml:4:8: title: expected text, found the number 2024 (write \"2024\" in quotes if it is text)");
        assertThat(problemsWith("title: Small test", "title: yes")).containsExactly(
                "f.yaml:4:8: title: expected text, found the yes/no value yes (write \"yes\" in quotes if it is text)");
        assertThat(problemsWith("title: Small test", "title: \"2024\"")).as("quoted, it is text").isEmpty();
        // every text of the format: ids, names, e-mail addresses, role references, the hub's address
        assertThat(problemsWith("    - id: alert", "    - id: 123")).containsExactly("f.yaml:8:11: when.triggers[0].id: "
                + "expected text, found the number 123 (write \"123\" in quotes if it is text)");
        assertThat(problemsWith("people: [anna@example.com]", "people: [1]")).singleElement().asString()
                .contains("who.roles[0].people[0]: expected text, found the number 1");
        assertThat(problemsWith("escalate_to: [lead]", "escalate_to: [false]")).singleElement().asString()
                .contains("when.severity_levels[0].escalate_to[0]: expected text, found the yes/no value false");
        assertThat(problemsWith("    - channel: x\n      stage", "    - channel: 1\n      stage")).singleElement().asString()
                .contains("how.templates[0].channel: unknown channel '1'");
        assertThat(problemsWith("      severity: 2\n", "      severity: [2]\n")).containsExactly(
                "f.yaml:10:17: when.triggers[0].severity: expected a whole number, found a list");
        assertThat(problemsWith("      severity: 2\n", "      severity: yes\n")).containsExactly(
                "f.yaml:10:17: when.triggers[0].severity: expected a whole number, found the yes/no value yes");
    }

    @Test
    void atMostAHundredProblemsAreListedThenHowManyMore() {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            keys.append("extra").append(i).append(": 1\n");
        }
        List<String> found = problems(SMALL + keys);
        assertThat(found).hasSize(PlaybookReader.MAX_PROBLEMS + 1);
        assertThat(found.get(0)).startsWith("f.yaml:82:1: unknown key 'extra0' (expected: format");
        assertThat(found.get(100)).isEqualTo("f.yaml:182:1: and 900 more problems from here on (only the first 100 "
                + "are listed)");
    }

    @Test
    void missingKeysAreReportedAtTheMappingThatLacksThem() {
        assertThat(problemsWith("      severity: 2\n", ""))
                .containsExactly("f.yaml:8:7: when.triggers[0]: missing key 'severity'");
        assertThat(problemsWith("      escalate_to: [lead]\n", ""))
                .containsExactly("f.yaml:12:7: when.severity_levels[0]: missing key 'escalate_to'");
        assertThat(problemsWith("format: 1\n", "")).containsExactly("f.yaml:1:1: missing key 'format'");
    }

    @Test
    void emptyValuesAreErrorsNotNulls() {
        assertThat(problemsWith("      escalate_to: [lead]", "      escalate_to:")).containsExactly(
                "f.yaml:15:19: when.severity_levels[0].escalate_to: has no value; expected a list (write [] for an "
                        + "empty list)");
        assertThat(problemsWith("      escalate_to: [lead]", "      escalate_to: [~]"))
                .containsExactly("f.yaml:15:21: when.severity_levels[0].escalate_to[0]: has no value; expected text");
        assertThat(problemsWith("title: Small test", "title: ~"))
                .containsExactly("f.yaml:4:8: title: has no value; expected text");
        assertThat(problemsWith("title: Small test", "title:")).as("Jackson reads an empty value as empty text")
                .containsExactly("f.yaml:4:7: title: is empty");
        assertThat(problemsWith("      en: [no comment]", "      en:")).containsExactly(
                "f.yaml:63:10: how.tone.forbidden_phrases.en: has no value; expected a list (write [] for an empty list)");
    }

    // --- the rules of FORMAT.md ------------------------------------------------------------

    @Test
    void idLanguageFormatAndTexts() {
        assertThat(problemsWith("id: small-test", "id: Small_Test")).containsExactly(
                "f.yaml:2:5: id: 'Small_Test' is not a valid id: use 3 to 60 lowercase letters, digits and dashes");
        assertThat(problemsWith("language: en", "language: fr"))
                .containsExactly("f.yaml:3:11: language: unknown language 'fr' (one of en, ru, pl, es)");
        assertThat(problemsWith("format: 1", "format: 2"))
                .containsExactly("f.yaml:1:9: format: unsupported format 2; this version reads format 1");
        assertThat(problemsWith("title: Small test", "title: \"  \""))
                .containsExactly("f.yaml:4:8: title: is empty");
        assertThat(problemsWith("title: Small test", "title: " + "t".repeat(201)))
                .containsExactly("f.yaml:4:8: title: the title is longer than 200 characters");
    }

    @Test
    void severityLevelsMustBeExactlyOneToFour() {
        assertThat(problemsWith("    - level: 3", "    - level: 5")).containsExactly(
                "f.yaml:11:3: when.severity_levels: describe exactly the levels 1, 2, 3 and 4; missing 3",
                "f.yaml:20:14: when.severity_levels[2].level: level 5 is not a severity level (1 critical to 4 low)");
        assertThat(problemsWith("    - level: 3", "    - level: 2")).containsExactly(
                "f.yaml:11:3: when.severity_levels: describe exactly the levels 1, 2, 3 and 4; missing 3",
                "f.yaml:20:14: when.severity_levels[2].level: level 2 is described twice");
        assertThat(problemsWith("      severity: 2", "      severity: 0"))
                .containsExactly("f.yaml:10:17: when.triggers[0].severity: 0 is not a severity: 1 (critical) to 4 (low)");
    }

    @Test
    void idsAreUnique() {
        assertThat(problemsWith("  severity_levels:", "    - id: alert\n      description: Something else broke.\n"
                + "      severity: 3\n  severity_levels:")).containsExactly(
                "f.yaml:11:11: when.triggers[1].id: a second trigger with the id 'alert'");
        assertThat(problemsWith("  notify_on_activation: [lead]", "    - id: lead\n      name: Second lead\n"
                + "      duties: Also runs the case.\n      people: []\n      groups: []\n      backups: []\n"
                + "  notify_on_activation: [lead]")).containsExactly(
                "f.yaml:46:11: who.roles[1].id: a second role with the id 'lead'");
    }

    @Test
    void everyRoleReferenceNamesARole() {
        assertThat(problemsWith("escalate_to: [lead]", "escalate_to: [lead, legal]")).containsExactly(
                "f.yaml:15:27: when.severity_levels[0].escalate_to[1]: unknown role 'legal' (roles: lead)");
        assertThat(problemsWith("      notify: [lead]", "      notify: [boss]"))
                .containsExactly("f.yaml:37:16: when.escalation_thresholds[0].notify[0]: unknown role 'boss' (roles: lead)");
        assertThat(problemsWith("notify_on_activation: [lead]", "notify_on_activation: [lead, team]"))
                .containsExactly("f.yaml:46:32: who.notify_on_activation[1]: unknown role 'team' (roles: lead)");
        assertThat(problemsWith("      owner: lead", "      owner: boss"))
                .containsExactly("f.yaml:57:14: how.steps[0].owner: unknown role 'boss' (roles: lead)");
    }

    @Test
    void contactGroupsAndEmailAddresses() {
        assertThat(problemsWith("groups: [crisis-team]", "groups: [pr-team]")).containsExactly(
                "f.yaml:44:16: who.roles[0].groups[0]: unknown contact group 'pr-team' (one of crisis-team, "
                        + "spokespeople, customer-care, legal, executives, media, agencies, specialists)");
        assertThat(problemsWith("people: [anna@example.com]", "people: [anna]"))
                .containsExactly("f.yaml:43:16: who.roles[0].people[0]: 'anna' is not an e-mail address");
        assertThat(problemsWith("backups: []", "backups: [anna@example]"))
                .containsExactly("f.yaml:45:17: who.roles[0].backups[0]: 'anna@example' is not an e-mail address");
    }

    @Test
    void minutesAreInRange() {
        assertThat(problemsWith("internal_alert_minutes: 15", "internal_alert_minutes: 0")).containsExactly(
                "f.yaml:29:29: when.slas.internal_alert_minutes: 0 is out of range: 1 to 10080 minutes (7 days)");
        assertThat(problemsWith("complaint_reply_minutes: 60", "complaint_reply_minutes: 10081")).containsExactly(
                "f.yaml:33:30: when.slas.complaint_reply_minutes: 10081 is out of range: 1 to 10080 minutes (7 days)");
        assertThat(problemsWith("due_minutes: 15", "due_minutes: 43201")).containsExactly(
                "f.yaml:58:20: how.steps[0].due_minutes: 43201 is out of range: T+0 to T+43200 minutes (30 days)");
        assertThat(problemsWith("due_minutes: 15", "due_minutes: 0")).isEmpty();
    }

    @Test
    void responseTypesAtMostOnce() {
        assertThat(problemsWith("  templates:", "    - type: complaint\n      action: escalate\n"
                + "      guidance: Again.\n  templates:")).containsExactly(
                "f.yaml:68:13: how.response_matrix[1].type: 'complaint' is already answered by response_matrix[0]");
    }

    @Test
    void templatePlaceholdersComeFromTheKnownSet() {
        assertThat(problemsWith("{{hashtag}}\"", "{{hashtag}} }}\"")).containsExactly(
                "f.yaml:71:13: how.templates[0].text: '}}' without an opening '{{'");
        assertThat(problemsWith("{{issue}}", "{{isue}} {{brand}} {{ case_title }} {{oops")).containsExactly(
                "f.yaml:71:13: how.templates[0].text: unknown placeholder {{isue}} (known: {{hashtag}}, {{hub_url}}, "
                        + "{{next_update}}, {{issue}}, {{action}}, {{brand}}, {{case_title}})",
                "f.yaml:71:13: how.templates[0].text: '{{' without a closing '}}'");
    }

    @Test
    void hubHashtagAndChannels() {
        assertThat(problemsWith("url: https://status.example.com", "url: ftp://status.example.com"))
                .containsExactly("f.yaml:75:10: where.hub.url: 'ftp://status.example.com' is not an http:// or https:// "
                        + "address");
        assertThat(problemsWith("\"#ExampleStatus\"", "Example Status")).containsExactly(
                "f.yaml:76:12: where.hashtag: 'Example Status' is not a hashtag: # followed by letters, digits and _");
        assertThat(problemsWith("\"#ExampleStatus\"", "\"#СтатусСервиса_2\"")).isEmpty();
        assertThat(problemsWith("    - channel: x\n      role: Short", "    - channel: website\n      role: Short"))
                .containsExactly("f.yaml:80:16: where.channels[1].channel: 'website' is already listed as channels[0]");
        assertThat(problemsWith("    channel: website\n", "    channel: sms\n"))
                .containsExactly("f.yaml:77:3: where.channels: the hub channel 'sms' is not listed");
    }

    @Test
    void forbiddenPhrasesUseKnownLanguages() {
        assertThat(problemsWith("      en: [no comment]", "      en: [no comment]\n      de: [kein Kommentar]"))
                .containsExactly("f.yaml:64:7: how.tone.forbidden_phrases.de: unknown language 'de' (one of en, ru, pl, es)");
    }

    @Test
    void everySemanticProblemIsReportedInLineOrder() {
        String yaml = replaceOnce(replaceOnce(replaceOnce(SMALL, "language: en", "language: de"),
                "      owner: lead", "      owner: nobody"), "\"#ExampleStatus\"", "nohash");
        PlaybookReader.Parsed parsed = reader.read("f.yaml", yaml);
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.playbook()).as("still readable, e.g. for an editor").isNotNull();
        assertThat(parsed.problems()).extracting(PlaybookProblem::line).containsExactly(3, 57, 76);
    }

    // --- files -------------------------------------------------------------------------------

    @Test
    void filesThatCannotBeReadAreLocatedProblems() throws Exception {
        Path missing = tmp.resolve("nope.yaml");
        assertThat(reader.read(missing).problems()).extracting(PlaybookProblem::format)
                .containsExactly(missing + ":1:1: no such file");
        assertThat(reader.read(tmp).problems()).extracting(PlaybookProblem::format)
                .containsExactly(tmp + ":1:1: is a folder, not a playbook file");
        Path latin1 = tmp.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'t', ':', ' ', (byte) 0xE9, '\n'});
        assertThat(reader.read(latin1).problems()).extracting(PlaybookProblem::format)
                .containsExactly(latin1 + ":1:1: not UTF-8 text");
        Path good = tmp.resolve("small.en.yaml");
        Files.writeString(good, "\uFEFF" + SMALL);
        assertThat(reader.read(good).ok()).as("a byte-order mark is fine").isTrue();
    }

    // --- writing -----------------------------------------------------------------------------

    @Test
    void writtenYamlReadsBackToAnEqualPlaybook() {
        for (String yaml : List.of(Fixtures.reference(), SMALL)) {
            Playbook p = reader.read("in.yaml", yaml).playbook();
            String written = PlaybookWriter.toYaml(p);
            PlaybookReader.Parsed back = reader.read("out.yaml", written);
            assertThat(back.problems()).isEmpty();
            assertThat(back.playbook()).isEqualTo(p);
            assertThat(written).startsWith("format: 1\nid: ").doesNotContain("---").doesNotContain("notify_roles");
            assertThat(written.indexOf("\nwhen:")).isLessThan(written.indexOf("\nwho:"));
            assertThat(written.indexOf("\nwho:")).isLessThan(written.indexOf("\nhow:"));
            assertThat(written.indexOf("\nhow:")).isLessThan(written.indexOf("\nwhere:"));
        }
    }

    @Test
    void textsThatLookLikeOtherYamlSurviveTheRoundTrip() {
        Playbook p = reader.read("in.yaml", SMALL).playbook();
        Playbook tricky = new Playbook(1, p.id(), p.language(), "yes", "123", p.when(), p.who(),
                new Playbook.How(p.how().principles(), p.how().steps(),
                        new Playbook.Tone(List.of("null", "~", "- not a list", "a: b", "#not a comment", "true",
                                "'quoted'", "multi\nline\n", " padded "), p.how().tone().forbiddenPhrases()),
                        p.how().responseMatrix(), p.how().templates()),
                p.where());
        Playbook back = reader.read("out.yaml", PlaybookWriter.toYaml(tricky)).playbook();
        assertThat(back).isEqualTo(tricky);
    }
}

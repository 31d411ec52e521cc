package io.crisisconsole.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.PlaybookProblem;
import io.crisisconsole.playbooks.PlaybookReader;
import io.crisisconsole.rehearsal.Scenario.Trigger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {

    /** A small valid scenario; line numbers matter to the tests. */
    static final String SMALL = """
            format: 1
            id: small-drill
            language: en
            title: Small drill
            playbook: service-outage
            variables:
              fix_time: "10:00"
            objectives:
              - id: answer
                text: Answer within the hour.
            personas:
              - id: anna
                name: Anna K
                type: customer
              - id: sofia
                name: Sofia R
                type: journalist
            injects:
              - id: post
                type: social-post
                at_minutes: 0
                platform: x
                persona: anna
                text: "Down since 8, fix at {{fix_time}}? {{hashtag}}"
              - id: inquiry
                type: media-inquiry
                at_minutes: 10
                persona: sofia
                text: When is the fix?
                deadline_minutes: 30
                via: email
              - id: again
                type: social-post
                trigger: after
                when_expectation: reply
                when_result: expired
                at_minutes: 1
                platform: x
                persona: anna
                text: Still nothing.
            expectations:
              - id: reply
                type: respond
                channel: x
                after: post
                text: Anna gets an answer.
                objective: answer
            """;

    static final String NOT_MEASURED = "s.yaml:9:9: objectives[0].id: no expectation measures the objective "
            + "'answer'; point one at it with 'objective: answer'";

    @TempDir
    Path tmp;
    private final ScenarioReader reader = new ScenarioReader();

    private List<String> problems(String yaml) {
        return reader.read("s.yaml", yaml).problems().stream().map(PlaybookProblem::format).toList();
    }

    /** SMALL with the first {@code from} replaced; the replaced text must be there. */
    private List<String> with(String from, String to) {
        assertThat(SMALL).contains(from);
        return problems(SMALL.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }

    @Test
    void aValidFileReadsWithItsOptionalKeysAbsent() {
        ScenarioReader.Parsed parsed = reader.read("s.yaml", SMALL);
        assertThat(parsed.problems()).isEmpty();
        Scenario s = parsed.scenario();
        assertThat(s.summary()).isNull();
        assertThat(s.variables()).isEqualTo(Map.of("fix_time", "10:00"));
        assertThat(s.persona("anna").orElseThrow().reach()).isNull();
        assertThat(s.persona("anna").orElseThrow().handle()).isNull();
        Scenario.Inject post = s.inject("post").orElseThrow();
        assertThat(post.trigger()).isEqualTo(Trigger.AT);
        assertThat(post.count()).isNull();
        assertThat(post.texts()).isEmpty();
        assertThat(post.facts()).isEmpty();
        Scenario.Inject again = s.inject("again").orElseThrow();
        assertThat(again.trigger()).isEqualTo(Trigger.AFTER);
        assertThat(again.whenResult()).isEqualTo(Scenario.Result.EXPIRED);
        assertThat(s.inject("inquiry").orElseThrow().via()).isEqualTo(Scenario.Via.EMAIL);
        assertThat(s.expectation("reply").orElseThrow().deadlineMinutes()).isNull();
    }

    @Test
    void idsLanguageFormatAndTexts() {
        assertThat(with("format: 1", "format: 2"))
                .containsExactly("s.yaml:1:9: format: unsupported format 2; this version reads format 1");
        assertThat(with("id: small-drill", "id: Small Drill"))
                .containsExactly("s.yaml:2:5: id: 'Small Drill' is not a valid id: use 3 to 60 lowercase letters, "
                        + "digits and dashes");
        assertThat(with("playbook: service-outage", "playbook: Outage!"))
                .containsExactly("s.yaml:5:11: playbook: 'Outage!' is not a valid id: use 3 to 60 lowercase letters, "
                        + "digits and dashes");
        assertThat(with("language: en", "language: de"))
                .containsExactly("s.yaml:3:11: language: unknown language 'de' (one of en, ru, pl, es)");
        assertThat(with("title: Small drill", "title: \" \""))
                .containsExactly("s.yaml:4:8: title: is empty");
        assertThat(with("text: Answer within the hour.", "text: \"\""))
                .containsExactly("s.yaml:10:11: objectives[0].text: is empty");
    }

    @Test
    void idsAreUniqueInEachList() {
        assertThat(with("  - id: sofia", "  - id: anna"))
                .contains("s.yaml:15:9: personas[1].id: a second persona with the id 'anna'");
        assertThat(with("  - id: inquiry", "  - id: post"))
                .containsExactly("s.yaml:25:9: injects[1].id: a second inject with the id 'post'");
    }

    @Test
    void aScenarioHasInjectsAndExpectations() {
        String noExpectations = SMALL.substring(0, SMALL.indexOf("expectations:")) + "expectations: []\n";
        assertThat(problems(noExpectations)).contains(
                "s.yaml:41:1: expectations: a scenario needs at least one",
                NOT_MEASURED,
                "s.yaml:35:23: injects[2].when_expectation: no expectation 'reply'");
    }

    @Test
    void referencesNameWhatExists() {
        assertThat(with("persona: anna", "persona: bob"))
                .containsExactly("s.yaml:23:14: injects[0].persona: no persona 'bob' (there are: anna, sofia)");
        assertThat(with("objective: answer", "objective: speed")).containsExactly(NOT_MEASURED,
                "s.yaml:47:16: expectations[0].objective: no objective 'speed' (there are: answer)");
        assertThat(with("after: post", "after: nothing"))
                .containsExactly("s.yaml:45:12: expectations[0].after: no inject 'nothing' (there are: again, inquiry, "
                        + "post)");
        assertThat(with("when_expectation: reply", "when_expectation: never"))
                .containsExactly("s.yaml:35:23: injects[2].when_expectation: no expectation 'never' (there are: reply)");
    }

    @Test
    void anAfterTriggerNeedsItsExpectationAndResultAndOnlyItTakesThem() {
        assertThat(with("    when_expectation: reply\n    when_result: expired\n", ""))
                .containsExactly("s.yaml:32:5: injects[2]: missing key 'when_expectation' (a trigger 'after' waits for "
                                + "an expectation)",
                        "s.yaml:32:5: injects[2]: missing key 'when_result' (a trigger 'after' waits for passed, failed "
                                + "or expired)");
        assertThat(with("trigger: after", "trigger: manual"))
                .containsExactly("s.yaml:35:23: injects[2].when_expectation: 'when_expectation' is only for "
                                + "'trigger: after'",
                        "s.yaml:36:18: injects[2].when_result: 'when_result' is only for 'trigger: after'");
    }

    @Test
    void aTriggerThatWaitsForItselfIsACycle() {
        // the expectation starts at the inject that waits for it
        assertThat(with("after: post", "after: again")).containsExactly(
                "s.yaml:35:23: injects[2].when_expectation: the trigger waits for itself (again -> again): it can "
                        + "never fire");
    }

    @Test
    void eachInjectTypeTakesItsKeysAndRefusesTheOthers() {
        assertThat(with("    platform: x\n    persona: anna\n    text: \"Down", "    persona: anna\n    count: 3\n"
                + "    text: \"Down")).containsExactly(
                "s.yaml:19:5: injects[0]: missing key 'platform' (a social-post needs persona, platform, text)",
                "s.yaml:23:12: injects[0].count: 'count' is only for social-wave, not social-post");
        assertThat(with("    deadline_minutes: 30\n", "")).containsExactly(
                "s.yaml:25:5: injects[1]: missing key 'deadline_minutes' (a media-inquiry needs deadline_minutes, "
                        + "persona, text, via)");
        assertThat(with("type: media-inquiry", "type: news-story")).containsExactly(
                "s.yaml:30:23: injects[1].deadline_minutes: 'deadline_minutes' is only for media-inquiry, not news-story",
                "s.yaml:31:10: injects[1].via: 'via' is only for media-inquiry, executive-question, fact-change, not "
                        + "news-story");
        assertThat(with("type: media-inquiry", "type: fact-change")).contains(
                "s.yaml:25:5: injects[1]: a fact-change changes something: give 'facts', 'severity' or both");
        assertThat(with("    persona: sofia\n", "    persona: anna\n")).containsExactly(
                "s.yaml:28:14: injects[1].persona: a media-inquiry comes from a journalist; 'anna' is a customer");
    }

    @Test
    void wavesReplaysAndRanges() {
        String wave = "  - id: wave\n    type: social-wave\n    at_minutes: 1441\n    platform: mastodon\n"
                + "    count: 5001\n    over_minutes: 0\n    texts:\n      - \"{{unknown_thing}}\"\n"
                + "  - id: replay\n    type: replay\n    at_minutes: 5\n    file: ../secrets.csv\n    compress: 0\n"
                + "  - id: replay2\n    type: replay\n    at_minutes: 5\n    file: /etc/passwd\n    compress: 1001\n"
                + "    severity: 5\n";
        String yaml = SMALL.replace("expectations:\n", wave + "expectations:\n");
        assertThat(problems(yaml)).containsExactly(
                "s.yaml:43:17: injects[3].at_minutes: 1441 is out of range: 0 to 1440 minutes",
                "s.yaml:44:15: injects[3].platform: unknown platform 'mastodon' (one of x, facebook, instagram, "
                        + "linkedin, tiktok, youtube, telegram, vk, reddit, news, blog, forum, review, other)",
                "s.yaml:45:12: injects[3].count: 5001 is out of range: 1 to 5000 posts",
                "s.yaml:46:19: injects[3].over_minutes: 0 is out of range: 1 to 1440 minutes",
                "s.yaml:48:9: injects[3].texts[0]: {{unknown_thing}} is not defined: add it to 'variables', set it "
                        + "in an earlier fact-change's 'facts', or use one of the composer's placeholders (action, "
                        + "brand, case_title, hashtag, hub_url, issue, next_update)",
                "s.yaml:52:11: injects[4].file: '../secrets.csv' must be a path relative to the scenario file, "
                        + "without '..' (e.g. exports/wave.csv)",
                "s.yaml:53:15: injects[4].compress: 0 is out of range: 1 to 1000 times",
                "s.yaml:57:11: injects[5].file: '/etc/passwd' must be a path relative to the scenario file, without "
                        + "'..' (e.g. exports/wave.csv)",
                "s.yaml:58:15: injects[5].compress: 1001 is out of range: 1 to 1000 times",
                "s.yaml:59:15: injects[5].severity: 'severity' is only for fact-change, not replay",
                "s.yaml:59:15: injects[5].severity: 5 is not a severity: 1 (critical) to 4 (low)");
    }

    @Test
    void aFactChangeDefinesVariablesForLaterTexts() {
        String fact = "  - id: moved\n    type: fact-change\n    at_minutes: 5\n    facts:\n      new_time: \"11:30\"\n"
                + "    text: Now {{new_time}}.\n";
        String later = "  - id: later\n    type: news-story\n    at_minutes: 9\n    text: Fixed by {{new_time}}\n";
        assertThat(problems(SMALL.replace("expectations:\n", fact + later + "expectations:\n"))).isEmpty();
        assertThat(problems(SMALL.replace("expectations:\n", later + fact + "expectations:\n"))).containsExactly(
                "s.yaml:44:11: injects[3].text: {{new_time}} is not defined: add it to 'variables', set it in an "
                        + "earlier fact-change's 'facts', or use one of the composer's placeholders (action, brand, "
                        + "case_title, hashtag, hub_url, issue, next_update)");
    }

    @Test
    void eachExpectationTypeTakesItsKeys() {
        assertThat(with("type: respond\n    channel: x", "type: escalated\n    channel: x")).containsExactly(
                "s.yaml:42:5: expectations[0]: missing key 'role' (an escalated expectation names its role)",
                "s.yaml:44:14: expectations[0].channel: 'channel' is only for respond and holding-statement, not "
                        + "escalated");
        assertThat(with("type: respond\n    channel: x", "type: step-done\n    step: open-case")).isEmpty();
        assertThat(with("type: respond\n    channel: x", "type: manual\n    role: legal")).containsExactly(
                "s.yaml:44:11: expectations[0].role: 'role' is only for escalated, not manual");
        assertThat(with("channel: x", "channel: telegraph")).containsExactly(
                "s.yaml:44:14: expectations[0].channel: unknown channel 'telegraph' (one of x, facebook, instagram, "
                        + "linkedin, sms, email, website, press, staff-memo, call-centre)");
        assertThat(with("    objective: answer\n", "    objective: answer\n    deadline_minutes: 0\n")).containsExactly(
                "s.yaml:48:23: expectations[0].deadline_minutes: 0 is out of range: 1 to 1440 minutes");
    }

    @Test
    void unknownKeysAreAllReportedAtTheKey() {
        String yaml = SMALL.replace("title: Small drill\n", "title: Small drill\nauthor: me\n")
                .replace("    type: customer\n", "    type: customer\n    mood: grumpy\n")
                .replace("    objective: answer\n", "    objective: answer\n    points: 3\n");
        assertThat(problems(yaml)).containsExactly(
                "s.yaml:5:1: unknown key 'author' (expected: format, id, language, title, summary, playbook, variables, "
                        + "objectives, personas, injects, expectations)",
                "s.yaml:16:5: personas[0]: unknown key 'mood' (expected: id, name, handle, type, reach, disposition)",
                "s.yaml:50:5: expectations[0]: unknown key 'points' (expected: id, type, text, objective, after, "
                        + "channel, role, step, deadline_minutes)");
    }

    @Test
    void wrongTypesAndMissingKeysAreLocated() {
        assertThat(with("at_minutes: 10", "at_minutes: ten"))
                .containsExactly("s.yaml:27:17: injects[1].at_minutes: expected a whole number, found 'ten'");
        assertThat(with("type: journalist", "type: reporter")).containsExactly("s.yaml:17:11: personas[1].type: "
                + "unknown value 'reporter' (one of customer, journalist, troll, influencer, employee, executive)");
        assertThat(with("    name: Anna K\n", "")).containsExactly("s.yaml:12:5: personas[0]: missing key 'name'");
        assertThat(with("variables:\n  fix_time: \"10:00\"\n", "variables:\n  fix_time: [1]\n"))
                .containsExactly("s.yaml:7:13: variables.fix_time: expected text, found a list");
        assertThat(with("at_minutes: 10", "at_minutes:"))
                .containsExactly("s.yaml:27:16: injects[1].at_minutes: has no value; expected a whole number");
    }

    @Test
    void hostileYamlIsRefusedAsForPlaybooks() {
        assertThat(with("title: Small drill", "title: &t Small drill"))
                .containsExactly("s.yaml:4:8: YAML anchors (&t) are not allowed");
        assertThat(with("title: Small drill", "title: *t"))
                .containsExactly("s.yaml:4:8: YAML aliases (*t) are not allowed; write the value out");
        String laughs = "a: &a [\"lol\",\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b]\n";
        assertThat(problems(laughs)).containsExactly("s.yaml:1:4: YAML anchors (&a) are not allowed");
        assertThat(with("title: Small drill", "title: !!python/object:os.system ls"))
                .containsExactly("s.yaml:4:8: YAML tags (tag:yaml.org,2002:python/object:os.system) are not allowed");
        assertThat(with("language: en\n", "language: en\nid: again\n"))
                .containsExactly("s.yaml:4:1: duplicate key 'id' (first at line 2)");
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 65; i++) {
            deep.append("  ".repeat(i)).append("k:\n");
        }
        deep.append("  ".repeat(65)).append("v\n");
        assertThat(problems(deep.toString()))
                .containsExactly("s.yaml:65:129: nesting deeper than 64 levels is not allowed");
        assertThat(problems(SMALL + "---\nformat: 1\n"))
                .containsExactly("s.yaml:48:1: one scenario per file: a second YAML document starts here");
        assertThat(problems("# nothing\n"))
                .containsExactly("s.yaml:1:1: the file is empty; a scenario starts with 'format: 1'");
    }

    @Test
    void sizeEncodingAndByteOrderMark() throws Exception {
        String big = SMALL + ("#" + "x".repeat(998) + "\n").repeat(ScenarioReader.MAX_BYTES / 1000);
        assertThat(problems(big)).containsExactly("s.yaml:1:1: the file is " + big.length()
                + " bytes; scenarios are limited to 1 MiB (1048576 bytes)");
        Path latin1 = tmp.resolve("latin1.yaml");
        Files.write(latin1, SMALL.replace("Small drill", "Petit exercice \u00e9t\u00e9")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(reader.read(latin1).problems()).extracting(PlaybookProblem::format)
                .containsExactly(latin1 + ":1:1: not UTF-8 text");
        assertThat(reader.read(tmp).problems()).extracting(PlaybookProblem::format)
                .containsExactly(tmp + ":1:1: is a folder, not a scenario file");
        Path bom = tmp.resolve("bom.yaml");
        Files.writeString(bom, "\uFEFF" + SMALL);
        assertThat(reader.read(bom).ok()).as("a byte-order mark is fine").isTrue();
    }

    @Test
    void againstItsPlaybookChannelsRolesStepsIdAndLanguage() {
        var bundled = BundledPlaybooks.list().stream().filter(b -> b.fileName().equals("service-outage.en.yaml"))
                .findFirst().orElseThrow();
        var playbook = new PlaybookReader().read(bundled.fileName(), bundled.yaml()).playbook();
        assertThat(reader.read("s.yaml", SMALL, playbook).problems()).isEmpty();
        String other = SMALL.replace("channel: x", "channel: instagram")
                .replace("    objective: answer\n", "    objective: answer\n  - id: called\n    type: escalated\n"
                        + "    role: janitor\n    text: Called.\n    objective: answer\n  - id: done\n"
                        + "    type: step-done\n    step: dance\n    text: Danced.\n    objective: answer\n")
                .replace("language: en", "language: pl");
        assertThat(reader.read("s.yaml", other, playbook).problems()).extracting(PlaybookProblem::format)
                .containsExactly(
                        "s.yaml:3:11: language: the scenario is in 'pl' but the playbook service-outage is in 'en'; use "
                                + "the playbook of the same language",
                        "s.yaml:44:14: expectations[0].channel: the playbook service-outage does not use the channel "
                                + "'instagram' (its WHERE: call-centre, facebook, sms, staff-memo, website, x)",
                        "s.yaml:50:11: expectations[1].role: the playbook service-outage has no role 'janitor' (its WHO: "
                                + "customer-care, executive-sponsor, incident-lead, legal, social-responder, spokesperson, "
                                + "technical-liaison)",
                        "s.yaml:55:11: expectations[2].step: the playbook service-outage has no step 'dance' (its HOW: "
                                + "answer-complaints, brief-front-line, holding-statement, open-case, regular-updates, "
                                + "resolved-statement, review)");
        assertThat(ScenarioValidator.againstPlaybook(reader.read("s.yaml", SMALL.replace("playbook: service-outage",
                "playbook: data-breach")).scenario(), playbook)).extracting(v -> v.describe())
                .containsExactly("playbook: rehearses playbook 'data-breach' but is checked against 'service-outage'");
    }
}

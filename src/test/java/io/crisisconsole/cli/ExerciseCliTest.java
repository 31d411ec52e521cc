package io.crisisconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExerciseCliTest extends CliTestBase {

    private Path resource(String name) throws Exception {
        Path p = tmp.resolve(name);
        try (var in = getClass().getResourceAsStream("/io/crisisconsole/rehearsal/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    @Test
    void runsAWholeExerciseHeadlessAndPrintsItsScore() throws Exception {
        Path scenario = resource("drill.en.yaml");
        Result r = run("exercise", "run", "--scenario", scenario.toString(), "--author", "Fiona");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        String caseId = lines.get(lines.size() - 1);
        assertThat(caseId).matches("\\d+");
        assertThat(lines.get(lines.size() - 2)).isEqualTo("Exercise \"Booking app down at the evening peak\" ended "
                + "at minute 60: 0 passed, 0 failed, 5 expired, 1 open");

        Result score = run("exercise", "score", "--case", caseId, "--json");
        assertThat(score.exit()).as(score.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(score.out());
        assertThat(json.get("state").asText()).isEqualTo("ENDED");
        assertThat(json.at("/expectations/expired").asInt()).isEqualTo(5);
        assertThat(json.at("/expectations/each")).hasSize(6);
        assertThat(json.at("/expectations/each/0/id").asText()).isEqualTo("answer-anna");
        assertThat(json.at("/expectations/each/0/result").asText()).isEqualTo("expired");
        assertThat(json.at("/firstResponse/mentions").asInt()).isEqualTo(12);
        assertThat(json.at("/objectives/0/suggested").asText()).isEqualTo("NOT_PERFORMED");

        // the exercise is marked on every line of its timeline and never among the real cases
        Result timeline = run("timeline", "list", "--case", caseId);
        assertThat(timeline.out().lines().filter(l -> l.startsWith("#")))
                .isNotEmpty().allSatisfy(l -> assertThat(l).contains("  EXERCISE  "));
        assertThat(run("case", "list").out()).doesNotContain("Booking app down");
        assertThat(run("case", "show", caseId).out()).startsWith("#" + caseId + " EXERCISE Booking app down");
        assertThat(run("exercise", "list").out()).contains("#" + caseId + " EXERCISE outage-drill.en ended");
    }

    @Test
    void aScenarioThatDoesNotFitItsPlaybookIsRefusedAtItsPlace() throws Exception {
        Path scenario = resource("drill.en.yaml");
        Files.writeString(scenario, Files.readString(scenario).replace("role: legal", "role: lawyer"));
        Result r = run("exercise", "run", "--scenario", scenario.toString());
        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).containsPattern("drill.en.yaml:\\d+:\\d+: expectations\\[2\\].role: .*lawyer");
        assertThat(run("exercise", "list").out()).isEmpty();
    }

    @Test
    void aScriptedRunAndBadInputSayWhatIsWrong() throws Exception {
        Path scenario = resource("drill.en.yaml");
        Path script = tmp.resolve("team.yaml");
        Files.writeString(script, "format: 1\nactions:\n  - at_minutes: 1\n    do: fire\n    inject: leak\n");
        Result r = run("exercise", "run", "--scenario", scenario.toString(), "--script", script.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("minute 1: fire").contains("minute 1: inject leak (staff-leak) fired")
                .contains("minute 5: inject wave (social-wave) 1 of 10 posts")
                .contains("minute 30: expectation holding expired");

        Files.writeString(script, "format: 1\nactions:\n  - at_minutes: 1\n    do: dance\n");
        Result bad = run("exercise", "run", "--scenario", scenario.toString(), "--script", script.toString());
        assertThat(bad.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(bad.err()).contains("team.yaml:4:").contains("dance");

        Result speed = run("exercise", "run", "--scenario", scenario.toString(), "--speed", "7");
        assertThat(speed.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(speed.err()).contains("--speed is 1, 5, 10 or 60, not 7");
    }
}

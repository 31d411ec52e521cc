package io.crisisconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crisisconsole.playbooks.BundledPlaybooks;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlaybookCliTest extends CliTestBase {

    static String reference() throws Exception {
        try (InputStream in = PlaybookCliTest.class.getResourceAsStream(
                "/io/crisisconsole/playbooks/service-outage.en.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    Path write(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void validateNeedsNoStoreAndPrintsLocatedProblems() throws Exception {
        Path good = write("service-outage.en.yaml", reference());
        Path bad = write("bad.yaml", reference().replace("language: en", "language: fr")
                .replace("title: Service outage", "title: &t Service outage"));
        Path wrong = write("wrong.yaml", reference().replace("language: en", "language: fr"));
        Path missing = tmp.resolve("missing.yaml");

        Result ok = run("playbook", "validate", good.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).isEqualTo(good + ": ok (service-outage.en)\n");

        Result r = run("playbook", "validate", good.toString(), bad.toString(), wrong.toString(), missing.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines()).containsExactly(
                good + ": ok (service-outage.en)",
                bad + ":5:8: YAML anchors (&t) are not allowed",
                wrong + ":4:11: language: unknown language 'fr' (one of en, ru, pl, es)",
                missing + ":1:1: no such file");
        assertThat(Path.of(data())).as("no store needed").doesNotExist();

        Result none = run("playbook", "validate");
        assertThat(none.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(none.err()).startsWith("error:").contains("FILE");
    }

    @Test
    void importListAndExportRoundTrip() throws Exception {
        int bundled = BundledPlaybooks.list().size();
        Result list = run("--data", data(), "playbook", "list", "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        JsonNode all = json.readTree(list.out());
        assertThat(all).as("bundled playbooks are there on the first run").hasSize(bundled);
        JsonNode outage = null;
        for (JsonNode p : all) {
            if (p.get("key").asText().equals("service-outage") && p.get("language").asText().equals("en")) {
                outage = p;
            }
        }
        assertThat(outage).isNotNull();
        assertThat(outage.get("bundled").asBoolean()).isTrue();
        assertThat(outage.get("currentVersion").asInt()).isEqualTo(1);

        String edited = reference().replace("title: Service outage", "title: Service outage (ours)");
        Path file = write("edited.yaml", edited);
        Result imported = run("--data", data(), "playbook", "import", file.toString(), "--author", "anna");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo("service-outage.en version 2\n");

        Result text = run("--data", data(), "playbook", "list");
        assertThat(text.out()).contains("service-outage.en").contains("Service outage (ours)").contains("yes");

        Path out = tmp.resolve("export.yaml");
        Result export = run("--data", data(), "playbook", "export", "service-outage.en", "--out", out.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo(edited);

        Result again = run("--data", data(), "playbook", "export", outage.get("id").asText(), "--out", out.toString());
        assertThat(again.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(again.err()).contains("already exists").contains("--force");
        Result forced = run("--data", data(), "playbook", "export", outage.get("id").asText(), "--out", out.toString(),
                "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo(edited);

        Result back = run("playbook", "validate", out.toString());
        assertThat(back.exit()).isZero();
    }

    @Test
    void importOfAnInvalidFileExitsTwoWithEveryProblemOnStderr() throws Exception {
        Path bad = write("bad.yaml", reference().replace("language: en", "language: fr")
                .replace("owner: spokesperson", "owner: boss"));
        Result r = run("--data", data(), "playbook", "import", bad.toString(), "--author", "anna");
        assertThat(r.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(2).allMatch(l -> l.startsWith(bad + ":"));
        assertThat(r.err()).contains(":4:11: language: unknown language 'fr'").contains("unknown role 'boss'");

        Result unknown = run("--data", data(), "playbook", "export", "nothing.en", "--out", tmp.resolve("x").toString());
        assertThat(unknown.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(unknown.err()).startsWith("error: no playbook 'nothing.en'");
        assertThat(run("--data", data(), "playbook").exit()).isEqualTo(Cli.BAD_INPUT);
    }

    @Test
    void listMarksAPlaybookDueAfterAnExerciseOfItWasClosed() throws Exception {
        Result fresh = run("--data", data(), "playbook", "list");
        assertThat(fresh.exit()).as(fresh.err()).isZero();
        assertThat(fresh.out()).doesNotContain("DUE");

        Result ex = run("--data", data(), "exercise", "run", "--scenario",
                java.nio.file.Path.of("playbooks/scenarios/service-outage.en.yaml").toString(), "--author", "anna");
        assertThat(ex.exit()).as(ex.err()).isZero();
        String caseId = ex.out().lines().reduce((a, b) -> b).orElseThrow();
        for (String step : new String[] {"open-case", "holding-statement", "brief-front-line", "resolved-statement"}) {
            assertThat(run("--data", data(), "checklist", "skip", "--case", caseId, "--step", step, "--reason",
                    "drill", "--author", "anna").exit()).isZero();
        }
        assertThat(run("--data", data(), "case", "status", caseId, "--to", "resolved", "--author", "anna").exit())
                .isZero();

        Result due = run("--data", data(), "playbook", "list");
        assertThat(due.exit()).as(due.err()).isZero();
        assertThat(due.out()).containsPattern("service-outage\\.en +1 +yes +\\S+ \\S+ +DUE +Service outage");
        assertThat(due.out()).contains("not changed after exercise #" + caseId + " 'Saturday morning outage of the "
                + "Example app' used it");
        assertThat(due.out()).contains("1 playbook is due for a review of the plan");
        assertThat(due.out()).containsPattern("data-breach\\.en .* ok +Customer data breach");
        assertThat(run("--data", data(), "playbook", "list", "--review-days", "0").exit()).isEqualTo(Cli.BAD_INPUT);
    }
}

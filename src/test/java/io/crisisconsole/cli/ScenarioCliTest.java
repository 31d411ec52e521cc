package io.crisisconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.rehearsal.BundledScenarios;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioCliTest extends CliTestBase {

    private Path bundledCopy(String name) throws Exception {
        BundledPlaybooks.Bundled b = BundledScenarios.list().stream().filter(s -> s.fileName().equals(name))
                .findFirst().orElseThrow();
        Path f = tmp.resolve(name);
        Files.writeString(f, b.yaml(), StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void validFilesExitZeroWithOneLineEach() throws Exception {
        Path en = bundledCopy("service-outage.en.yaml");
        Path ru = bundledCopy("service-outage.ru.yaml");
        Result r = run("scenario", "validate", en.toString(), ru.toString());
        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out().lines()).containsExactly(
                en + ": ok (service-outage.en, 15 injects, 10 expectations)",
                ru + ": ok (service-outage.ru, 15 injects, 10 expectations)");
    }

    @Test
    void anInvalidFileExitsOneWithEveryProblemLocatedAndItsBundledPlaybookChecked() throws Exception {
        Path good = bundledCopy("data-breach.en.yaml");
        String yaml = Files.readString(good).replace("role: data-protection-officer", "role: dpo")
                .replace("    count: 40\n", "    count: 40\n    deadline_minutes: 5\n");
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, yaml);
        Result r = run("scenario", "validate", good.toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.out().lines()).hasSize(3).first().asString().endsWith(": ok (data-breach.en, 12 injects, 9 expectations)");
        assertThat(r.out().lines().skip(1)).allMatch(l -> l.matches(java.util.regex.Pattern.quote(bad.toString())
                + ":\\d+:\\d+: .*"));
        assertThat(r.out()).contains(": injects[3].deadline_minutes: 'deadline_minutes' is only for media-inquiry, not "
                + "social-wave")
                .contains(": expectations[0].role: the playbook data-breach has no role 'dpo'");
    }

    @Test
    void hostileAndUnreadableFilesAreRefusedAsForPlaybooks() throws Exception {
        Path laughs = tmp.resolve("laughs.yaml");
        Files.writeString(laughs, "a: &a [lol, lol]\nb: [*a, *a]\n");
        Path tagged = tmp.resolve("tagged.yaml");
        Files.writeString(tagged, "format: !!int 1\n");
        Path missing = tmp.resolve("missing.yaml");
        Result r = run("scenario", "validate", laughs.toString(), tagged.toString(), missing.toString());
        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.out().lines()).containsExactly(
                laughs + ":1:4: YAML anchors (&a) are not allowed",
                tagged + ":1:9: YAML tags (tag:yaml.org,2002:int) are not allowed",
                missing + ":1:1: no such file");
        assertThat(run("scenario", "validate").exit()).isEqualTo(Cli.BAD_INPUT);
    }

    @Test
    void listShowsEveryBundledScenario() {
        Result r = run("scenario", "list");
        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out().lines()).hasSize(1 + BundledScenarios.list().size());
        assertThat(r.out().lines().findFirst().orElseThrow())
                .startsWith("ID").contains("LANG", "PLAYBOOK", "INJECTS", "EXPECTATIONS", "MINUTES", "TITLE");
        assertThat(r.out()).containsPattern("service-outage +pl +service-outage +15 +10 +85  Sobotnia awaria aplikacji "
                + "Example")
                .containsPattern("data-breach +en +data-breach +12 +9 +90  Customer records found on a hacking forum");
    }
}

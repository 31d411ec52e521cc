package io.crisisconsole.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar as a person would ({@code java -jar target/crisis-console.jar ...}) in its own
 * process: the shaded jar works, and a second process on an open store gets a clear message.
 */
class PackagedJarIT {

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    Run jar(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("crisisconsole.jar", "target/crisis-console.jar"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove(DataHome.ENV_VAR);
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("jar finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theJarRunsTheCommandLine() throws Exception {
        String data = tmp.resolve("data").toString();
        Run created = jar("--data", data, "case", "create", "--title", "Awaria płatności", "--severity", "1",
                "--author", "ola");
        assertThat(created.exit()).as(created.err()).isZero();
        String id = created.out().strip();
        assertThat(id).matches("\\d+");

        Run added = jar("--data", data, "timeline", "add", "--case", id, "--kind", "escalation", "--text",
                "Eskalacja do zarządu");
        assertThat(added.exit()).as(added.err()).isZero();

        Run listed = jar("--data", data, "timeline", "list", "--case", id, "--json");
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).contains("\"ESCALATION\"").contains("Eskalacja do zarządu");
        assertThat(listed.err()).as("no log noise on a normal run").isEmpty();
    }

    @Test
    void theJarFindsItsBundledPlaybooks() throws Exception {
        String data = tmp.resolve("data").toString();
        Run listed = jar("--data", data, "playbook", "list");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("service-outage.en");
        Path out = tmp.resolve("exported.yaml");
        Run exported = jar("--data", data, "playbook", "export", "service-outage.en", "--out", out.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo(Files.readString(Path.of("playbooks/service-outage.en.yaml")));
        Run valid = jar("playbook", "validate", out.toString());
        assertThat(valid.exit()).as(valid.out()).isZero();
    }

    @Test
    void aSecondProcessOnAnOpenStoreGetsAClearMessage() throws Exception {
        DataHome home = new DataHome(tmp.resolve("busy"));
        try (Store held = Store.open(home)) {
            Run second = jar("--data", home.dir().toString(), "case", "list");
            assertThat(second.exit()).isEqualTo(3);
            assertThat(second.err().strip()).startsWith("error: Crisis Console is already open on " + home.dir());
            assertThat(second.err().strip().lines()).as("one line, no stack trace").hasSize(1);
        }
        Run afterClose = jar("--data", home.dir().toString(), "case", "list");
        assertThat(afterClose.exit()).as(afterClose.err()).isZero();
    }

    @Test
    void badArgumentsExitTwoWithOneLine() throws Exception {
        Run bad = jar("--data", tmp.resolve("d").toString(), "case", "create", "--title", "x", "--severity", "7");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("error: severity must be 1 (critical) to 4 (low), got 7");
    }
}

package io.crisisconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReviewCliTest extends CliTestBase {

    private String newCase() {
        Result r = run("--data", data(), "case", "create", "--title", "Checkout <b>outage</b>", "--author", "anna");
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out().strip();
    }

    @Test
    void exportsTheReportAndRefusesToReplaceItWithoutForce() throws Exception {
        String id = newCase();
        Path md = tmp.resolve("review.md");
        Result r = run("--data", data(), "review", "export", "--case", id, "--format", "md", "--out", md.toString(),
                "--author", "Rita");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo(md.toAbsolutePath().toString());
        String text = Files.readString(md);
        assertThat(text).startsWith("# Review of case #" + id + ": Checkout \\<b\\>outage\\</b\\>")
                .contains("by Rita");

        Result again = run("--data", data(), "review", "export", "--case", id, "--format", "md", "--out",
                md.toString());
        assertThat(again.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(again.err()).contains("already exists").contains("--force").contains(md.toString());
        assertThat(Files.readString(md)).isEqualTo(text);

        Result forced = run("--data", data(), "review", "export", "--case", id, "--format", "MD", "--out",
                md.toString(), "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
    }

    @Test
    void jsonInTheLanguageOfTheSettings() throws Exception {
        String id = newCase();
        Files.writeString(Path.of(data()).resolve("settings.json"), "{\"language\": \"pl\"}");
        Path json = tmp.resolve("review.json");
        Result r = run("--data", data(), "review", "export", "--case", id, "--format", "json", "--out",
                json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode report = this.json.readTree(json.toFile());
        assertThat(report.get("language").asText()).isEqualTo("pl");
        assertThat(report.at("/meta/title").asText()).isEqualTo("Checkout <b>outage</b>");
        assertThat(report.get("exercise").isNull()).isTrue();
    }

    @Test
    void exportsAPdfAndAnHtmlFile() throws Exception {
        String id = newCase();
        Path pdf = tmp.resolve("review.pdf");
        Result r = run("--data", data(), "review", "export", "--case", id, "--format", "pdf", "--out", pdf.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        Path html = tmp.resolve("review.html");
        assertThat(run("--data", data(), "review", "export", "--case", id, "--format", "html", "--out",
                html.toString()).exit()).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("Checkout &lt;b&gt;outage&lt;/b&gt;");
    }

    @Test
    void usageErrorsAndAMissingCaseSayWhatIsWrong() {
        String id = newCase();
        String out = tmp.resolve("r.pdf").toString();
        Result exists = run("--data", data(), "review", "export", "--case", id, "--format", "html", "--out", out);
        assertThat(exists.exit()).isZero();
        Result again = run("--data", data(), "review", "export", "--case", id, "--format", "html", "--out", out);
        assertThat(again.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(again.err()).contains(out, "--force");

        Result bad = run("--data", data(), "review", "export", "--case", id, "--format", "docx", "--out", out);
        assertThat(bad.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(bad.err()).contains("unknown format 'docx'");

        Result missing = run("--data", data(), "review", "export", "--case", "999", "--format", "md", "--out",
                tmp.resolve("r.md").toString());
        assertThat(missing.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(missing.err()).contains("no case #999");
        assertThat(tmp.resolve("r.md")).doesNotExist();

        Result noFolder = run("--data", data(), "review", "export", "--case", id, "--format", "md", "--out",
                tmp.resolve("nowhere/r.md").toString());
        assertThat(noFolder.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(noFolder.err()).contains("does not exist");

        Result noOut = run("--data", data(), "review", "export", "--case", id, "--format", "md");
        assertThat(noOut.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(noOut.err()).contains("--out");
    }
}

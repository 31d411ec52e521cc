package io.crisisconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliTest extends CliTestBase {

    long createCase(String... extra) {
        String[] base = {"--data", data(), "case", "create", "--title", "Checkout outage", "--author", "anna"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        Result r = run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return Long.parseLong(r.out().strip());
    }

    @Test
    void createPrintsTheNewIdAndListShowsTheCase() throws Exception {
        long id = createCase("--severity", "2", "--hashtag", "CheckoutStatus", "--hub", "https://status.example.com");

        Result list = run("--data", data(), "case", "list", "--json");
        assertThat(list.exit()).isZero();
        JsonNode cases = json.readTree(list.out());
        assertThat(cases).hasSize(1);
        JsonNode c = cases.get(0);
        assertThat(c.get("id").asLong()).isEqualTo(id);
        assertThat(c.get("title").asText()).isEqualTo("Checkout outage");
        assertThat(c.get("severity").asInt()).isEqualTo(2);
        assertThat(c.get("status").asText()).isEqualTo("OPEN");
        assertThat(c.get("hashtag").asText()).isEqualTo("#CheckoutStatus");
        assertThat(c.get("hubUrl").asText()).isEqualTo("https://status.example.com");
        assertThat(c.get("openedAt").asText()).isEqualTo("2026-11-24T09:00:00Z");

        Result text = run("--data", data(), "case", "list");
        assertThat(text.out()).contains("SEV2 High").contains("Checkout outage");
    }

    @Test
    void timelineAddAndListRoundTrip() throws Exception {
        long id = createCase();
        Result add = run("--data", data(), "timeline", "add", "--case", String.valueOf(id), "--kind", "note",
                "--text", "Первые жалобы в X", "--author", "marek");
        assertThat(add.exit()).as(add.err()).isZero();
        long entryId = Long.parseLong(add.out().strip());

        Result early = run("--data", data(), "timeline", "add", "--case", String.valueOf(id), "--kind",
                "message-published", "--text", "Holding statement on X", "--at", "2026-11-24T08:58:00Z");
        assertThat(early.exit()).as("dated before the case was opened: needs --before-opening")
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(early.err()).startsWith("error: the entry is dated 2026-11-24T08:58:00Z, before case #" + id
                + " was opened (").endsWith("); check the date, or confirm that it happened before the case was "
                + "opened with --before-opening" + System.lineSeparator());
        Result year1 = run("--data", data(), "timeline", "add", "--case", String.valueOf(id), "--kind", "note",
                "--text", "x", "--at", "0001-11-24T08:58:00Z", "--before-opening");
        assertThat(year1.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(year1.err()).contains("that is before the year 2000; check the date");

        Result published = run("--data", data(), "timeline", "add", "--case", String.valueOf(id), "--kind",
                "message-published", "--text", "Holding statement on X", "--at", "2026-11-24T08:58:00Z",
                "--before-opening");
        assertThat(published.exit()).as(published.err()).isZero();

        Result list = run("--data", data(), "timeline", "list", "--case", String.valueOf(id), "--json");
        assertThat(list.exit()).isZero();
        JsonNode entries = json.readTree(list.out());
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).get("kind").asText()).as("hand-dated entry sorts first")
                .isEqualTo("MESSAGE_PUBLISHED");
        assertThat(entries.get(1).get("kind").asText()).isEqualTo("STATUS_CHANGE");
        JsonNode note = entries.get(2);
        assertThat(note.get("id").asLong()).isEqualTo(entryId);
        assertThat(note.get("body").asText()).isEqualTo("Первые жалобы в X");
        assertThat(note.get("author").asText()).isEqualTo("marek");
    }

    @Test
    void timelineJsonHasTheEventCodeAndItsArguments() throws Exception {
        long id = createCase("--severity", "1");
        run("--data", data(), "timeline", "add", "--case", "" + id, "--kind", "escalation", "--text", "Legal on call");

        JsonNode entries = json.readTree(run("--data", data(), "timeline", "list", "--case", "" + id, "--json").out());
        assertThat(entries.get(0).get("eventCode").asText()).isEqualTo("case.opened");
        assertThat(entries.get(0).get("eventArgs").get("severity").asInt()).isEqualTo(1);
        assertThat(entries.get(0).get("eventArgs").get("owner").isNull()).isTrue();
        assertThat(entries.get(0).get("body").asText()).isEqualTo("Case opened: SEV1 Critical");
        assertThat(entries.get(1).get("eventCode").asText()).isEqualTo("entry.escalation");
        assertThat(entries.get(1).get("eventArgs").get("text").asText()).isEqualTo("Legal on call");
    }

    @Test
    void timelineTextShowsEachEntryIdAlignedSoItCanBeCorrected() throws Exception {
        long id = createCase();
        for (int i = 0; i < 11; i++) {
            run("--data", data(), "timeline", "add", "--case", "" + id, "--kind", "note", "--text", "note " + i);
        }
        JsonNode entries = json.readTree(run("--data", data(), "timeline", "list", "--case", "" + id, "--json").out());
        Result text = run("--data", data(), "timeline", "list", "--case", "" + id);
        assertThat(text.exit()).isZero();
        java.util.List<String> heads = text.out().lines().filter(l -> !l.startsWith("    ")).toList();
        assertThat(heads).hasSize(entries.size()).hasSize(12);
        int width = String.valueOf(entries.get(11).get("id").asLong()).length();
        for (int i = 0; i < heads.size(); i++) {
            String idText = String.valueOf(entries.get(i).get("id").asLong());
            assertThat(heads.get(i)).startsWith("#" + idText + " ".repeat(width - idText.length()) + "  2026-11-24T");
            assertThat(heads.get(i).indexOf("2026")).as("aligned").isEqualTo(width + 3);
        }
        // the id read off the text is the one 'timeline correct' takes
        String last = heads.get(11).substring(1, heads.get(11).indexOf(' '));
        assertThat(run("--data", data(), "timeline", "correct", "--entry", last, "--text", "note ten").exit()).isZero();
        assertThat(run("--data", data(), "timeline", "list", "--case", "" + id).out()).contains("(corrects #" + last + ")");
    }

    @Test
    void correctionsAndStatusChangesGoToTheTimeline() throws Exception {
        long id = createCase();
        String entry = run("--data", data(), "timeline", "add", "--case", "" + id, "--kind", "decision", "--text",
                "Refund 10 EUR").out().strip();
        assertThat(run("--data", data(), "timeline", "correct", "--entry", entry, "--text", "Refund 15 EUR").exit())
                .isZero();
        Result status = run("--data", data(), "case", "status", "" + id, "--to", "resolved", "--reason", "fixed");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("Resolved");

        JsonNode entries = json.readTree(run("--data", data(), "timeline", "list", "--case", "" + id, "--json").out());
        assertThat(entries).extracting(e -> e.get("kind").asText())
                .containsExactly("STATUS_CHANGE", "DECISION", "CORRECTION", "STATUS_CHANGE");
        assertThat(entries.get(2).get("correctsId").asText()).isEqualTo(entry);
        JsonNode c = json.readTree(run("--data", data(), "case", "show", "" + id, "--json").out());
        assertThat(c.get("closedAt").asText()).isEqualTo("2026-11-24T09:00:00Z");
    }

    @Test
    void badArgumentsGiveOneLineAndExitTwo() {
        long id = createCase();
        assertBad(run("--data", data(), "case", "create"), "--title");
        assertBad(run("--data", data(), "case", "create", "--title", "x", "--severity", "9"), "severity");
        assertBad(run("--data", data(), "case", "create", "--title", "x", "--severity", "high"), "severity");
        assertBad(run("--data", data(), "case", "create", "--title", "x", "--hub", "status.example.com"), "hub URL");
        assertBad(run("--data", data(), "case", "create", "--title", " "), "title");
        assertBad(run("--data", data(), "timeline", "add", "--case", "" + id, "--kind", "gossip", "--text", "x"),
                "unknown entry kind");
        assertBad(run("--data", data(), "timeline", "add", "--case", "" + id, "--kind", "status-change", "--text", "x"),
                "written by the app");
        assertBad(run("--data", data(), "timeline", "add", "--case", "999", "--kind", "note", "--text", "x"),
                "no case #999");
        assertBad(run("--data", data(), "timeline", "add", "--case", "" + id, "--kind", "note", "--text", "x", "--at",
                "yesterday"), "yesterday");
        assertBad(run("--data", data(), "case", "frobnicate"), "frobnicate");
        assertBad(run("--data", data(), "case", "status", "" + id, "--to", "done"), "unknown status");
        assertBad(run("--data", data(), "case"), "subcommand");
    }

    private static void assertBad(Result r, String mentioned) {
        assertThat(r.exit()).as(r.err()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip()).startsWith("error:").contains(mentioned);
        assertThat(r.err().strip().lines()).as("one line").hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void dataFolderComesFromOptionThenEnvironmentThenHome() throws Exception {
        Path fromEnv = tmp.resolve("env-data");
        env.put("CRISIS_CONSOLE_HOME", fromEnv.toString());
        assertThat(run("case", "create", "--title", "via env", "--author", "a").exit()).isZero();
        assertThat(fromEnv.resolve("store.mv.db")).exists();

        assertThat(run("case", "list", "--data", data()).out()).doesNotContain("via env");
        assertThat(run("case", "list").out()).contains("via env");

        env.remove("CRISIS_CONSOLE_HOME");
        assertThat(run("case", "create", "--title", "via home", "--author", "a").exit()).isZero();
        assertThat(tmp.resolve("home/.crisis-console/store.mv.db")).exists();
        assertThat(Files.getPosixFilePermissions(tmp.resolve("home/.crisis-console")))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE", "OWNER_EXECUTE");
    }

    @Test
    void authorComesFromOptionThenEnvironment() throws Exception {
        env.put(Cli.AUTHOR_ENV, "Ola from env");
        long id = createCase();
        run("--data", data(), "timeline", "add", "--case", "" + id, "--kind", "note", "--text", "x");
        JsonNode entries = json.readTree(run("--data", data(), "timeline", "list", "--case", "" + id, "--json").out());
        assertThat(entries.get(0).get("author").asText()).isEqualTo("anna");
        assertThat(entries.get(1).get("author").asText()).isEqualTo("Ola from env");
    }

    @Test
    void noCommandAsksForTheWindowWithTheDataFolder() {
        StringWriter out = new StringWriter();
        Cli cli = new Cli(new PrintWriter(out), new PrintWriter(new StringWriter()), env, tmp.toString(), clock);
        assertThat(cli.execute("--data", "/some/dir")).isZero();
        assertThat(cli.guiRequested()).isTrue();
        assertThat(cli.guiArguments()).containsExactly("--data=/some/dir");

        Cli help = new Cli(new PrintWriter(out), new PrintWriter(new StringWriter()), env, tmp.toString(), clock);
        assertThat(help.execute("--help")).isZero();
        assertThat(help.guiRequested()).isFalse();
        assertThat(out.toString()).contains("case").contains("timeline").contains("Exit codes");
    }
}

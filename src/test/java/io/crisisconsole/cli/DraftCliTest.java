package io.crisisconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crisisconsole.testsupport.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftCliTest {

    @TempDir
    Path tmp;
    final ObjectMapper json = new ObjectMapper();

    record Result(int exit, String out, String err) {
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(new PrintWriter(out, true), new PrintWriter(err, true), new HashMap<>(),
                tmp.resolve("home").toString(), new MutableClock(Instant.parse("2026-11-24T09:00:00Z")));
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    Path write(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    static final String DRAFT = String.join("\n",
            "language: pl",
            "hashtag: \"#Awaria\"",
            "hub_url: https://status.example.pl",
            "apology_required: true",
            "forbidden_phrases:",
            "  pl: [\"bez komentarza\", \"zawinił pracownik\"]",
            "core:",
            "  what_happened: Od 14:10 około 3 000 klientów nie może się zalogować.",
            "  what_we_are_doing: Wdrażamy poprawkę.",
            "  what_you_should_do: Sprawdź https://status.example.pl",
            "  next_update: \"16:30\"",
            "  apology: true",
            "  key_facts: [\"3 000 klientów\"]",
            "variants:",
            "  x: \"Przepraszamy! 3 000 klientów bez logowania. Sprawdź https://status.example.pl, kolejna informacja o 16:30 #Awaria\"",
            "  sms: \"Przepraszamy. Sprawdz status.example.pl\"",
            "");

    @Test
    void cleanDraftExitsZeroWithCounts() throws Exception {
        Result r = run("draft", "check", write("draft.yaml", DRAFT).toString());
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        JsonNode root = json.readTree(r.out());
        assertThat(root.get("findings")).isEmpty();
        JsonNode sms = root.get("channels").get(1);
        assertThat(sms.get("channel").asText()).isEqualTo("sms");
        assertThat(sms.get("encoding").asText()).isEqualTo("GSM-7");
        assertThat(sms.get("length").asInt()).isEqualTo(39);
        assertThat(sms.get("limit").asInt()).isEqualTo(459);
        assertThat(sms.get("segments").asInt()).isEqualTo(1);
        assertThat(sms.get("over_limit").asBoolean()).isFalse();
        assertThat(root.get("channels").get(0).get("encoding").isNull()).isTrue();
    }

    @Test
    void findingsExitOneWithSpansAndText() throws Exception {
        String bad = DRAFT.replace("kolejna informacja o 16:30", "zawinił pracownik, o 16:00");
        Result r = run("draft", "check", write("draft.yaml", bad).toString());
        assertThat(r.exit()).isEqualTo(1);
        JsonNode f = json.readTree(r.out()).get("findings");
        assertThat(f).as(r.out()).hasSize(2);
        assertThat(f.get(0).get("code").asText()).isEqualTo("forbidden-phrase");
        assertThat(f.get(0).get("level").asText()).isEqualTo("error");
        assertThat(f.get(0).get("text").asText()).isEqualTo("zawinił pracownik");
        assertThat(f.get(1).get("code").asText()).isEqualTo("fact-mismatch");
        assertThat(f.get(1).get("text").asText()).isEqualTo("16:00");
        String x = json.readTree(r.out()).get("channels").get(0).get("channel").asText();
        assertThat(x).isEqualTo("x");
        int start = f.get(1).get("start").asInt();
        assertThat(bad.substring(bad.indexOf("Przepraszamy!")).substring(start, start + 5)).isEqualTo("16:00");
    }

    @Test
    void jsonDraftsToo() throws Exception {
        String j = "{\"language\":\"en\",\"hub_url\":\"https://s.example.com\",\"core\":{\"what_you_should_do\":\"Check https://s.example.com\"},"
                + "\"variants\":{\"website\":\"Please check https://s.example.com\"}}";
        Result r = run("draft", "check", write("d.json", j).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Result dup = run("draft", "check", write("dup.json", j.replace("{\"language\":\"en\",", "{\"language\":\"en\",\"language\":\"en\",")).toString());
        assertThat(dup.exit()).isEqualTo(2);
        assertThat(dup.err()).contains("dup.json:1:").contains("duplicate key");
    }

    @Test
    void badInputExitsTwoWithOneLocatedLine() throws Exception {
        Result alias = run("draft", "check", write("a.yaml", DRAFT.replace("apology_required: true", "apology_required: &t true")).toString());
        assertThat(alias.exit()).isEqualTo(2);
        assertThat(alias.err().lines()).hasSize(1);
        assertThat(alias.err()).contains("a.yaml:4:19: YAML anchors (&t) are not allowed");
        Result dup = run("draft", "check", write("d.yaml", DRAFT + "language: en\n").toString());
        assertThat(dup.err()).contains("d.yaml:17:1: duplicate key 'language'");
        Result unknown = run("draft", "check", write("u.yaml", DRAFT.replace("hashtag:", "hashtags:")).toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("u.yaml:2:").contains("unknown key 'hashtags'");
        Result channel = run("draft", "check", write("c.yaml", DRAFT.replace("  sms:", "  tiktok:")).toString());
        assertThat(channel.err()).contains("unknown channel 'tiktok'");
        Result lang = run("draft", "check", write("l.yaml", DRAFT.replace("language: pl", "language: fr")).toString());
        assertThat(lang.err()).contains("unknown language 'fr'");
        Result ext = run("draft", "check", write("d.txt", DRAFT).toString());
        assertThat(ext.exit()).isEqualTo(2);
        Result missing = run("draft", "check", tmp.resolve("none.yaml").toString());
        assertThat(missing.err()).contains("none.yaml:1:1: no such file");
        Path big = write("big.yaml", "# " + "x".repeat(1024 * 1024) + "\n");
        assertThat(run("draft", "check", big.toString()).err()).contains("big.yaml:1:1: the file is");
        assertThat(run("draft").exit()).isEqualTo(2);
    }

    /** Every wrong type names the key, its line and column and the type it wants; no Jackson words. */
    @Test
    void wrongTypesNameTheKeyAndTheTypeItWants() throws Exception {
        String quoteIt = " (write \"%s\" in quotes if it is text)";
        String[][] cases = {
            {"  apology: true", "  apology: maybe", "12:12: core.apology: expected true or false, found the text \"maybe\""},
            {"  apology: true", "  apology: 1", "12:12: core.apology: expected true or false, found the number 1"},
            {"apology_required: true", "apology_required: [true]", "4:19: apology_required: expected true or false, found a list"},
            {"hashtag: \"#Awaria\"", "hashtag: 12", "2:10: hashtag: expected text, found the number 12" + quoteIt.formatted("12")},
            {"hashtag: \"#Awaria\"", "hashtag: 1.5", "2:10: hashtag: expected text, found the number 1.5" + quoteIt.formatted("1.5")},
            {"hashtag: \"#Awaria\"", "hashtag: yes", "2:10: hashtag: expected text, found the yes/no value yes" + quoteIt.formatted("yes")},
            {"hashtag: \"#Awaria\"", "hashtag: [a, b]", "2:10: hashtag: expected text, found a list"},
            {"hashtag: \"#Awaria\"", "hashtag: {a: b}", "2:10: hashtag: expected text, found a mapping of keys"},
            {"  key_facts: [\"3 000 klientów\"]", "  key_facts: {a: b}", "13:14: core.key_facts: expected a list, found a mapping of keys"},
            {"  key_facts: [\"3 000 klientów\"]", "  key_facts: \"3 000\"", "13:14: core.key_facts: expected a list, found the text \"3 000\""},
            {"  key_facts: [\"3 000 klientów\"]", "  key_facts: [[1]]", "13:15: core.key_facts[0]: expected text, found a list"},
            {"  sms: \"Przepraszamy. Sprawdz status.example.pl\"", "  sms: [1]", "16:8: variants.sms: expected text, found a list"},
            {"  pl: [\"bez komentarza\", \"zawinił pracownik\"]", "  pl: nope", "6:7: forbidden_phrases.pl: expected a list, found the text \"nope\""},
        };
        int n = 0;
        for (String[] c : cases) {
            String text = DRAFT.replace(c[0], c[1]);
            assertThat(text).as(c[0]).isNotEqualTo(DRAFT);
            Path f = write("t" + n++ + ".yaml", text);
            Result r = run("draft", "check", f.toString());
            assertThat(r.exit()).as(c[1]).isEqualTo(2);
            assertThat(r.err().strip()).as(c[1]).isEqualTo("error: " + f + ":" + c[2]);
            assertThat(r.err()).doesNotContain("CoercionConfig", "java.", "JsonToken", "`");
        }
        Path core = write("core.yaml", DRAFT.replace("core:\n  what_happened", "core: 5\nx:\n  what_happened"));
        assertThat(run("draft", "check", core.toString()).err()).contains("core: expected a mapping of keys, found the number 5");
    }

    @Test
    void wrongTypesInJsonToo() throws Exception {
        String j = "{\"language\":\"en\",\"core\":{\"what_happened\":5,\"key_facts\":\"x\"},\"variants\":{\"x\":\"a\"}}";
        Result r = run("draft", "check", write("w.json", j).toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("w.json:1:").contains("core.what_happened: expected text, found the number 5")
                .doesNotContain("CoercionConfig");
        Result list = run("draft", "check", write("l.json", j.replace("\"what_happened\":5,", "")).toString());
        assertThat(list.err()).contains("core.key_facts: expected a list, found the text \"x\"")
                .doesNotContain("ArrayList");
    }
}

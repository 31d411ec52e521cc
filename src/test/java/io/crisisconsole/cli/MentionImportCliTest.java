package io.crisisconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, point 6: {@code mentions import} reads an export in a listening tool's shape (report
 * title rows above the header, a text over two lines with quotes, a formula-looking cell, a bad
 * date), refuses the whole file with every problem when rows are bad, imports the good rows with
 * {@code --good-rows}, skips duplicates on a second import, and keeps the text exactly as written.
 */
class MentionImportCliTest extends CliTestBase {

    static final String HEADER = "Query Id,Query Name,Date,Title,Url,Domain,Sentiment,Page Type,Language,Country,"
            + "Author,Full Name,Full Text,Thread Id,Twitter Followers,Resource Id\r\n";

    static final String EXPORT = "Brandwatch Report\r\n"
            + "\"Report:\",\"Mentions export\"\r\n"
            + "\"Date Range:\",\"2026-03-13 - 2026-03-14\"\r\n"
            + "\r\n"
            + HEADER
            + "1998,Acme outage,2026-03-14 08:00:00.0,,https://twitter.com/anna/status/1,twitter.com,negative,"
            + "twitter,en,Poland,anna,Anna N,\"Down again?\r\nSecond line, with \"\"quotes\"\"\",,\"1,234\",111\r\n"
            + "1998,Acme outage,2026-31-14 08:05:00.0,,https://twitter.com/bob/status/2,twitter.com,neutral,"
            + "twitter,en,Poland,bob,Bob,Is it down?,,12K,112\r\n"
            + "1998,Acme outage,2026-03-14 08:06:00.0,,https://forum.example/t/3,forum.example,positive,"
            + "forum,en,Poland,@carol,Carol,\"'=HYPERLINK(\"\"x\"\")\",,,113\r\n";

    private long openCase() {
        try (Store store = TestStores.openIn(tmp)) {
            return Services.create(store, clock).cases().open(new CaseDetails("Acme outage", 2, "Anna Nowak", null,
                    null), "anna").id();
        }
    }

    private Path export(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void badRowsRefuseTheFileWithEveryProblemUnlessGoodRowsIsGiven() throws Exception {
        long caseId = openCase();
        Path f = export("brandwatch.csv", EXPORT);
        String id = String.valueOf(caseId);

        Result refused = run("--data", data(), "mentions", "import", "--case", id, f.toString(), "--zone", "UTC");
        assertThat(refused.exit()).isEqualTo(Cli.BAD_INPUT);
        // the row after a text over two lines starts on line 8
        assertThat(refused.err()).contains("brandwatch.csv:8: the date '2026-31-14 08:05:00.0'").contains("nothing was imported");
        assertThat(refused.out()).isEmpty();
        Result none = run("--data", data(), "mentions", "list", "--case", id, "--json");
        assertThat(json.readTree(none.out())).isEmpty();

        Result good = run("--data", data(), "mentions", "import", "--case", id, f.toString(), "--zone", "UTC",
                "--good-rows");
        assertThat(good.exit()).as(good.err()).isZero();
        assertThat(good.out().strip()).isEqualTo("2 imported, 0 duplicates skipped, 1 problems");
        assertThat(good.err()).contains("brandwatch.csv:8:");

        JsonNode all = json.readTree(run("--data", data(), "mentions", "list", "--case", id, "--json").out());
        assertThat(all).hasSize(2);
        assertThat(all.findValuesAsText("text")).containsExactlyInAnyOrder(
                "Down again?\r\nSecond line, with \"quotes\"", "=HYPERLINK(\"x\")");
        assertThat(all.findValuesAsText("publishedAt")).contains("2026-03-14T08:00:00Z", "2026-03-14T08:06:00Z");
        assertThat(all.findValuesAsText("importedFrom")).containsOnly("brandwatch.csv");

        Result again = run("--data", data(), "mentions", "import", "--case", id, f.toString(), "--zone", "UTC",
                "--good-rows");
        assertThat(again.out().strip()).isEqualTo("0 imported, 2 duplicates skipped, 1 problems");
    }

    @Test
    void theZoneAppliesToDatesWithoutAnOffsetAndASavedMappingIsUsedByName() throws Exception {
        long caseId = openCase();
        String id = String.valueOf(caseId);
        String oneRow = HEADER + "1998,Acme outage,2026-03-14 09:00:00.0,,https://twitter.com/anna/status/9,"
                + "twitter.com,negative,twitter,en,Poland,anna,Anna N,Still down,,10,119\r\n";
        Path f = export("warsaw.csv", oneRow);

        Result r = run("--data", data(), "mentions", "import", "--case", id, f.toString(), "--zone", "Europe/Warsaw",
                "--save-mapping", "brandwatch");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode all = json.readTree(run("--data", data(), "mentions", "list", "--case", id, "--json").out());
        assertThat(all.get(0).get("publishedAt").asText()).isEqualTo("2026-03-14T08:00:00Z");

        Path other = export("other.csv", oneRow.replace("status/9", "status/10").replace(",119", ",120"));
        Result named = run("--data", data(), "mentions", "import", "--case", id, other.toString(), "--zone", "UTC",
                "--mapping", "brandwatch");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.out()).startsWith("1 imported");

        Result unknown = run("--data", data(), "mentions", "import", "--case", id, other.toString(), "--mapping", "nope");
        assertThat(unknown.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(unknown.err()).contains("no mapping is saved under 'nope'").contains("brandwatch");
    }

    @Test
    void aBadZoneAMissingFileAndABinaryFileAreRefusedPlainly() throws Exception {
        long caseId = openCase();
        String id = String.valueOf(caseId);
        Path f = export("x.csv", EXPORT);

        Result zone = run("--data", data(), "mentions", "import", "--case", id, f.toString(), "--zone", "Mars/Base");
        assertThat(zone.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(zone.err()).contains("--zone").contains("Mars/Base");

        Result missing = run("--data", data(), "mentions", "import", "--case", id, tmp.resolve("nope.csv").toString());
        assertThat(missing.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(missing.err()).contains("nope.csv").contains("no such file");

        Path png = tmp.resolve("photo.csv");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Result binary = run("--data", data(), "mentions", "import", "--case", id, png.toString());
        assertThat(binary.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(binary.err()).contains("photo.csv").contains("nothing was imported");
    }
}

package io.crisisconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** contacts import / export / list. */
class ContactCliTest extends CliTestBase {

    static final String CSV = "name,role_title,organisation,phones,emails,handles,time_zone,language,availability,"
            + "groups,notes\n"
            + "Anna Nowak,Head of PR,Acme Polska,mobile:+48 601 234 567,anna@acme.pl,x:@anna_pr,Europe/Warsaw,pl,"
            + "\"weekdays 8-18 CET, mobile any time for SEV1\",crisis-team; spokespeople,\n"
            + "Ольга Смирнова,Юрист,ООО «Акме»,,olga@acme.ru,,Europe/Moscow,ru,,legal,\n";

    Path write(String name, String content) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void importListAndExport() throws Exception {
        Result imported = run("--data", data(), "contacts", "import", write("team.csv", CSV).toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("added    Anna Nowak").contains("added    Ольга Смирнова")
                .contains("2 added, 0 updated");

        Result list = run("--data", data(), "contacts", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out().lines()).hasSize(3);
        assertThat(list.out()).contains("NAME").contains("Anna Nowak").contains("crisis-team,spokespeople")
                .contains("+48 601 234 567");

        JsonNode legal = json.readTree(run("--data", data(), "contacts", "list", "--json", "--group", "legal").out());
        assertThat(legal).hasSize(1);
        assertThat(legal.get(0).get("name").asText()).isEqualTo("Ольга Смирнова");
        assertThat(legal.get(0).get("groups").get(0).asText()).isEqualTo("legal");
        assertThat(legal.get(0).get("timeZone").asText()).isEqualTo("Europe/Moscow");
        JsonNode all = json.readTree(run("--data", data(), "contacts", "list", "--json").out());
        assertThat(all.get(0).get("phones").get(0).get("number").asText()).isEqualTo("+48 601 234 567");
        assertThat(all.get(0).get("handles").get(0).get("network").asText()).isEqualTo("x");

        Path vcf = tmp.resolve("out/team.vcf");
        Files.createDirectories(vcf.getParent());
        Result export = run("--data", data(), "contacts", "export", "--format", "vcf", "--out", vcf.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out().strip()).isEqualTo("Exported 2 contacts to " + vcf);
        assertThat(Files.readString(vcf)).contains("FN:Anna Nowak").contains("EMAIL:olga@acme.ru");
        Path csv = tmp.resolve("out/team.csv");
        assertThat(run("--data", data(), "contacts", "export", "--out", csv.toString()).exit()).isZero();
        assertThat(Files.readString(csv)).contains("Ольга Смирнова,Юрист");

        Result again = run("--data", data(), "contacts", "import", vcf.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("updated  Anna Nowak (matched by e-mail)").contains("0 added, 2 updated");
    }

    @Test
    void badInputPrintsEveryProblemAndImportsNothing() throws Exception {
        Path bad = write("contacts.csv", "name,emails,groups\nAnna,anna(at)x,\nMarek,marek@x.example,friends\n"
                + "Olek,olek@x.example,\n");
        Result r = run("--data", data(), "contacts", "import", bad.toString());
        assertThat(r.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().lines()).containsExactly(
                "contacts.csv:2: column 'emails': 'anna(at)x' is not an e-mail address",
                "contacts.csv:3: column 'groups': 'friends' is not a contact group (one of crisis-team, spokespeople, "
                        + "customer-care, legal, executives, media, agencies, specialists)",
                "error: 2 problems; nothing was imported");
        assertThat(r.out()).isEmpty();
        assertThat(run("--data", data(), "contacts", "list").out()).startsWith("No contacts yet");
    }

    @Test
    void badArgumentsExitTwo() throws Exception {
        assertBad(run("--data", data(), "contacts", "list", "--group", "friends"), "unknown group 'friends'");
        assertBad(run("--data", data(), "contacts", "export", "--format", "xls", "--out", tmp.resolve("x").toString()),
                "unknown format 'xls'");
        assertBad(run("--data", data(), "contacts", "export", "--out", tmp.resolve("x.txt").toString()), "--format csv");
        assertBad(run("--data", data(), "contacts", "export"), "--out");
        assertBad(run("--data", data(), "contacts"), "subcommand");
        Result missing = run("--data", data(), "contacts", "import", tmp.resolve("nope.csv").toString());
        assertThat(missing.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(missing.err()).startsWith("nope.csv: cannot be read");
        Result txt = run("--data", data(), "contacts", "import", write("notes.txt", "x").toString());
        assertThat(txt.err()).startsWith("notes.txt: not a contact file; use .csv or .vcf");
    }

    private static void assertBad(Result r, String mentioned) {
        assertThat(r.exit()).as(r.err()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip()).startsWith("error:").contains(mentioned);
        assertThat(r.err().strip().lines()).as("one line").hasSize(1);
        assertThat(r.out()).isEmpty();
    }
}

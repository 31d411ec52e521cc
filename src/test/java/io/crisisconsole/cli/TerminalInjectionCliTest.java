package io.crisisconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Store;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineDao;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, point 7: titles, names and texts with terminal escapes, NUL or line breaks. Rows written
 * straight into the store (as a store from before the input checks may hold them) print escaped:
 * no ESC, BEL, NUL, CR or 8-bit CSI reaches the terminal, and no value draws a line of its own.
 * New input with them is refused with the field, the character and its position.
 */
class TerminalInjectionCliTest extends CliTestBase {

    /** Clears the screen, sets the terminal title (OSC 0 ... BEL), and draws a fake row. */
    static final String TITLE = "Outage\u001b[2J\u001b]0;pwned\u0007\n999    SEV1 - critical  open  fake\rX\u0000";
    static final String NAME = "Anna\u009b2J\u202eevil\u007f\nFAKE ROW";
    static final String BODY = "first line\nsecond \u001b[31mred\u001b[0m\r\u0000 line\u0085x\u2028y";
    static final String AUTHOR = "Mallory\u001b]2;title\u0007\nfake";
    static final String PLAYBOOK_TITLE = "Playbook\u001b[H\u001b[2J\nfake playbook row";

    /** Nothing that a terminal acts on is left. */
    static void assertInert(String output) {
        assertThat(output).doesNotContain("\u001b", "\u0007", "\u0000", "\r", "\u009b", "\u0085", "\u007f", "\u202e",
                "\u2028");
    }

    long seedHostileRows() throws Exception {
        Result created = run("--data", data(), "case", "create", "--title", "Harmless", "--author", "Ops");
        assertThat(created.exit()).as(created.err()).isZero();
        long caseId = Long.parseLong(created.out().strip());
        Path csv = tmp.resolve("c.csv");
        Files.writeString(csv, "name,phones,emails\nAnna,mobile:+48 601 234 567,anna@acme.pl\n", StandardCharsets.UTF_8);
        assertThat(run("--data", data(), "contacts", "import", csv.toString()).exit()).isZero();
        assertThat(run("--data", data(), "playbook", "list").exit()).as("bundled playbooks stored").isZero();
        try (Store store = Store.open(new DataHome(tmp.resolve("data")))) {
            store.jdbi().useHandle(h -> {
                h.createUpdate("UPDATE crisis_case SET title = :t, owner = :o WHERE id = :id").bind("t", TITLE)
                        .bind("o", NAME).bind("id", caseId).execute();
                h.attach(TimelineDao.class).append(caseId, EntryKind.NOTE, AUTHOR, BODY,
                        Instant.parse("2026-11-24T09:30:00Z"), Instant.parse("2026-11-24T09:30:00Z"), null, null, null);
                h.createUpdate("UPDATE contact SET name = :n, role_title = :r, organisation = :o").bind("n", NAME)
                        .bind("r", TITLE).bind("o", "\u001b[8mhidden").execute();
                h.createUpdate("UPDATE playbook SET title = :t WHERE id = (SELECT MIN(id) FROM playbook)")
                        .bind("t", PLAYBOOK_TITLE).execute();
            });
        }
        return caseId;
    }

    @Test
    void storedControlCharactersPrintEscapedOnOneLineEach() throws Exception {
        long caseId = seedHostileRows();

        Result cases = run("--data", data(), "case", "list");
        assertThat(cases.exit()).as(cases.err()).isZero();
        assertInert(cases.out());
        assertThat(cases.out().lines()).as("header and one row").hasSize(2);
        assertThat(cases.out()).contains("Outage\\e[2J\\e]0;pwned\\x07\\n999    SEV1 - critical  open  fake\\rX\\x00");

        Result show = run("--data", data(), "case", "show", String.valueOf(caseId));
        assertThat(show.exit()).as(show.err()).isZero();
        assertInert(show.out());
        assertThat(show.out().lines()).hasSize(4);
        assertThat(show.out()).contains("owner Anna\\u009b2J\\u202eevil\\u007f\\nFAKE ROW");

        Result timeline = run("--data", data(), "timeline", "list", "--case", String.valueOf(caseId));
        assertThat(timeline.exit()).as(timeline.err()).isZero();
        assertInert(timeline.out());
        List<String> lines = timeline.out().lines().toList();
        // case opened (head + one line) and the note (head + its two lines: the one real line break stays)
        assertThat(lines).hasSize(5);
        assertThat(lines).allSatisfy(l -> assertThat(l).matches("(#\\d+ *  2026-11-24T\\S+  \\S+  .*|    .*)"));
        assertThat(lines.get(2)).endsWith("  2026-11-24T09:30:00Z  note  Mallory\\e]2;title\\x07\\nfake");
        assertThat(lines.get(4)).isEqualTo("    second \\e[31mred\\e[0m\\r\\x00 line\\u0085x\\u2028y");

        Result contacts = run("--data", data(), "contacts", "list");
        assertThat(contacts.exit()).as(contacts.err()).isZero();
        assertInert(contacts.out());
        assertThat(contacts.out().lines()).hasSize(2);
        assertThat(contacts.out()).contains("Anna\\u009b2J\\u202eevil\\u007f\\nFAKE ROW").contains("\\e[8mhidden");

        Result playbooks = run("--data", data(), "playbook", "list");
        assertThat(playbooks.exit()).as(playbooks.err()).isZero();
        assertInert(playbooks.out());
        assertThat(playbooks.out().lines()).hasSize(1 + BundledPlaybooks.list().size());
        assertThat(playbooks.out()).contains("Playbook\\e[H\\e[2J\\nfake playbook row");
    }

    @Test
    void rowsStoredBeforeTheChecksCanStillBeMovedAndCorrected() throws Exception {
        long caseId = seedHostileRows();
        Result status = run("--data", data(), "case", "status", String.valueOf(caseId), "--to", "active", "--author",
                "Ops");
        assertThat(status.exit()).as(status.err()).isZero();
        assertInert(status.out());
        Result show = run("--data", data(), "case", "show", String.valueOf(caseId));
        assertThat(show.out()).contains(", Active, ");
        Result contacts = run("--data", data(), "contacts", "list", "--json");
        assertThat(contacts.exit()).as("a contact stored before the checks is read as it is").isZero();
        try (Store store = Store.open(new DataHome(tmp.resolve("data")))) {
            CaseService cases = Services.create(store, clock).cases();
            CrisisCase c = cases.get(caseId);
            CrisisCase fixed = cases.update(caseId, c.version(), new CaseDetails("Outage", c.severity(), "Anna", null,
                    null), "Ops");
            assertThat(fixed.title()).isEqualTo("Outage");
            ContactService people = Services.create(store, clock).contacts();
            Contact anna = people.list().get(0);
            assertThatThrownBy(() -> people.update(anna.id(), anna.version(), anna.details()))
                    .as("saving it unchanged is refused, naming the field").isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("the name contains a control character (U+009B at position 5)");
            ContactDetails d = anna.details();
            people.update(anna.id(), anna.version(), new ContactDetails("Anna", "Lead", "Acme", d.phones(),
                    d.emails(), d.handles(), null, null, null, d.groups(), null));
            assertThat(people.get(anna.id()).name()).isEqualTo("Anna");
        }
    }

    @Test
    void jsonOutputIsValidAndGivesBackTheStoredText() throws Exception {
        long caseId = seedHostileRows();
        Result cases = run("--data", data(), "case", "list", "--json");
        assertThat(cases.exit()).isZero();
        assertInert(cases.out());
        JsonNode list = json.readTree(cases.out());
        assertThat(list.get(0).get("title").asText()).isEqualTo(TITLE);
        assertThat(list.get(0).get("owner").asText()).isEqualTo(NAME);

        Result timeline = run("--data", data(), "timeline", "list", "--case", String.valueOf(caseId), "--json");
        assertInert(timeline.out());
        JsonNode entries = json.readTree(timeline.out());
        assertThat(entries.get(1).get("body").asText()).isEqualTo(BODY);
        assertThat(entries.get(1).get("author").asText()).isEqualTo(AUTHOR);

        Result contacts = run("--data", data(), "contacts", "list", "--json");
        assertInert(contacts.out());
        assertThat(json.readTree(contacts.out()).get(0).get("name").asText()).isEqualTo(NAME);

        Result playbooks = run("--data", data(), "playbook", "list", "--json");
        assertInert(playbooks.out());
        assertThat(playbooks.out()).contains("\\u001B[H");
        assertThat(json.readTree(playbooks.out()).findValuesAsText("title")).contains(PLAYBOOK_TITLE);
    }

    @Test
    void newInputWithControlCharactersIsRefusedNamingCharacterAndPosition() throws Exception {
        Result title = run("--data", data(), "case", "create", "--title", "Out\u001b[2Jage", "--author", "Ops");
        assertThat(title.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(title.err().strip())
                .isEqualTo("error: the title contains a control character (U+001B at position 4); remove it");
        assertThat(run("--data", data(), "case", "list").out()).startsWith("No cases yet");

        Result bidi = run("--data", data(), "case", "create", "--title", "invoice\u202egpj.exe", "--author", "Ops");
        assertThat(bidi.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(bidi.err()).contains("bidirectional control character (U+202E at position 8)");

        Result author = run("--data", data(), "case", "create", "--title", "Fine", "--author", "Ops\nfake");
        assertThat(author.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(author.err().strip()).isEqualTo("error: the author name contains a line break (U+000A at position 4), "
                + "but it must be one line; remove it");

        long caseId = Long.parseLong(run("--data", data(), "case", "create", "--title", "Fine", "--author", "Ops")
                .out().strip());
        Result nul = run("--data", data(), "timeline", "add", "--case", String.valueOf(caseId), "--kind", "note",
                "--text", "all\u0000good", "--author", "Ops");
        assertThat(nul.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(nul.err().strip())
                .isEqualTo("error: the entry text contains a control character (U+0000 at position 4); remove it");

        Result multiLine = run("--data", data(), "timeline", "add", "--case", String.valueOf(caseId), "--kind",
                "note", "--text", "line one\r\nline\ttwo", "--author", "Ops");
        assertThat(multiLine.exit()).as(multiLine.err()).isZero();
        JsonNode entries = json.readTree(run("--data", data(), "timeline", "list", "--case", String.valueOf(caseId),
                "--json").out());
        assertThat(entries.get(entries.size() - 1).get("body").asText()).as("CRLF stored as LF; tab kept")
                .isEqualTo("line one\nline\ttwo");
    }

    @Test
    void errorMessagesQuotingFileContentStayOnOneLineAndInert() throws Exception {
        Path csv = tmp.resolve("evil.csv");
        Files.writeString(csv, "name,emails\n\"Eve\u001b]0;x\u0007\",eve@x.example\nBob,\"bad\u001b[2J\naddress\"\n", StandardCharsets.UTF_8);
        Result r = run("--data", data(), "contacts", "import", csv.toString());
        assertThat(r.exit()).isEqualTo(Cli.BAD_INPUT);
        assertInert(r.err());
        assertThat(r.err().lines()).hasSize(3);
        assertThat(r.err()).contains("evil.csv:3: column 'emails'");
        assertThat(r.err()).contains("evil.csv:2: column 'name': the name contains a control character (U+001B at "
                + "position 4); remove it");
        assertThat(r.err()).contains("'bad\\e[2J address' is not an e-mail address");

        Result unknown = run("--data", data(), "case", "show", "1\u001b[2J");
        assertThat(unknown.exit()).isEqualTo(Cli.BAD_INPUT);
        assertInert(unknown.err());
        assertThat(unknown.err().lines()).hasSize(1);
    }
}

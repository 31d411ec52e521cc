package io.crisisconsole.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.contacts.ContactTransfer.Format;
import io.crisisconsole.contacts.ContactTransfer.ImportResult;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV and vCard import and export against a real store: round trips and every kind of bad input. */
class ContactTransferTest {

    static final String HEADER = "name,role_title,organisation,phones,emails,handles,time_zone,language,availability,"
            + "groups,notes";

    /** Every field, in the form export writes it, so the round trip must give the same text back. */
    static final String CANONICAL_CSV = "\uFEFF" + HEADER + "\r\n"
            + "Anna Nowak,Head of PR,\"Acme Polska, Warszawa\",mobile:+48 601 234 567; duty phone:+48 22 555 01 02,"
            + "anna.nowak@acme.pl; anna@private.example,x:@anna_pr; signal:+48 601 234 567,Europe/Warsaw,pl,"
            + "\"weekdays 8-18 CET, mobile any time for SEV1\",crisis-team; spokespeople,\"Prefers Signal at night.\n"
            + "Second line with \"\"quotes\"\".\"\r\n"
            + "José Martínez Ñúñez,Portavoz,Acme España,móvil:+34 600 111 222,jose@acme.es,linkedin:jose-martinez,"
            + "Europe/Madrid,es,lunes a viernes 9-18,spokespeople; media,\r\n"
            + "Zofia Wiśniewska-Łęcka,,,,,,,,,,\r\n"
            + "Ольга Смирнова,Юрист,ООО «Акме»,,olga@acme.ru,telegram:@olga_s,Europe/Moscow,ru,,legal,Звонить после 10:00\r\n";

    @TempDir
    Path tmp;
    Store store;
    ContactService contacts;
    ContactTransfer transfer;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        contacts = new ContactService(store.jdbi(), new MutableClock(Instant.parse("2026-11-24T09:00:00Z")));
        transfer = new ContactTransfer(contacts);
    }

    @AfterEach
    void close() {
        store.close();
    }

    Path file(String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void csvRoundTripKeepsEveryField() throws IOException {
        ImportResult result = transfer.importFile(file("contacts.csv", CANONICAL_CSV));
        assertThat(result.problems()).isEmpty();
        assertThat(result.summary().added()).containsExactly("Anna Nowak", "José Martínez Ñúñez",
                "Zofia Wiśniewska-Łęcka", "Ольга Смирнова");
        Contact anna = contacts.findByEmail("anna.nowak@acme.pl").orElseThrow();
        assertThat(anna.organisation()).isEqualTo("Acme Polska, Warszawa");
        assertThat(anna.phones()).containsExactly(new Phone("mobile", "+48 601 234 567"),
                new Phone("duty phone", "+48 22 555 01 02"));
        assertThat(anna.handles()).containsExactly(new Handle(Network.X, "@anna_pr"),
                new Handle(Network.SIGNAL, "+48 601 234 567"));
        assertThat(anna.availability()).isEqualTo("weekdays 8-18 CET, mobile any time for SEV1");
        assertThat(anna.groups()).containsExactly(ContactGroup.CRISIS_TEAM, ContactGroup.SPOKESPEOPLE);
        assertThat(anna.notes()).isEqualTo("Prefers Signal at night.\nSecond line with \"quotes\".");

        Path out = tmp.resolve("out.csv");
        assertThat(transfer.exportFile(out, Format.CSV)).isEqualTo(4);
        String exported = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(exported).as("export writes contacts by name, as the canonical file has them")
                .isEqualTo(CANONICAL_CSV);
    }

    /** Issue 9, point 6: what a spreadsheet would run as a formula is exported as text and imported as typed. */
    @Test
    void csvExportNeutralisesFormulasAndImportGivesBackWhatWasTyped() throws IOException {
        List<String> names = List.of("=HYPERLINK(\"http://x\")", "=cmd|' /C notepad'!A1", "+cmd|' /C calc'!A0",
                "@SUM(1+1)", "-5", "'=already quoted", "''=", "'", "it's fine", "@brand");
        for (int i = 0; i < names.size(); i++) {
            contacts.create(new ContactDetails(names.get(i), "-lead", "=Acme", List.of(new Phone(null, "+48 600 100 20" + i)),
                    List.of("p" + i + "@x.example"), List.of(new Handle(Network.X, "@brand" + i)), null, null,
                    "+1 day", null, i % 2 == 0 ? "\tindented notes\nsecond line" : "-minus first"));
        }
        List<ContactDetails> typed = contacts.list().stream().map(Contact::details).toList();
        Path out = tmp.resolve("out.csv");
        transfer.exportFile(out, Format.CSV);
        String exported = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(exported).contains("\"'=cmd|' /C notepad'!A1\",\"'-lead\",\"'=Acme\",\"'+48 600 100 201\"")
                .contains("\"''=already quoted\"").contains("\"'''=\"").contains("\"'@SUM(1+1)\"")
                .contains("\"'+1 day\"").contains(",\"'-minus first\"\r\n").contains("\nit's fine,");
        try (org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVParser.builder()
                .setReader(new java.io.StringReader(exported.substring(1)))
                .setFormat(org.apache.commons.csv.CSVFormat.RFC4180).get()) {
            for (org.apache.commons.csv.CSVRecord r : p) {
                for (String cell : r.values()) {
                    assertThat(cell).as("no cell a spreadsheet would run").doesNotStartWith("=").doesNotStartWith("+")
                            .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
                }
            }
        }

        store.close();
        store = TestStores.openIn(tmp.resolve("second"));
        contacts = new ContactService(store.jdbi(), new MutableClock(Instant.parse("2026-11-25T09:00:00Z")));
        transfer = new ContactTransfer(contacts);
        ImportResult result = transfer.importFile(out);
        assertThat(result.problems()).isEmpty();
        assertThat(contacts.list().stream().map(Contact::details).toList()).containsExactlyElementsOf(typed);
        assertThat(contacts.list()).extracting(Contact::name).contains("'=already quoted", "''=", "'", "@brand");
    }

    @Test
    void vcardWithControlCharactersIsReportedAtItsCard() {
        String vcf = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Eve\u001b]0;pwned\u0007\r\nEMAIL:eve@x.example\r\n"
                + "NOTE:fine\\nlines\r\nEND:VCARD\r\n";
        ImportResult result = transfer.importText("evil.vcf", Format.VCARD, vcf);
        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().get(0)).startsWith("evil.vcf:1: card 1").endsWith(
                "FN: the name contains a control character (U+001B at position 4); remove it");
        assertThat(contacts.list()).isEmpty();
        assertThat(transfer.importText("ok.vcf", Format.VCARD, vcf.replace("\u001b]0;pwned\u0007", "")).problems())
                .isEmpty();
    }

    /** Files from other programs (a raw +48 phone, a raw @handle, a leading minus) import as they did before. */
    @Test
    void csvFromOtherProgramsIsReadWithoutStripping() {
        String csv = HEADER + "\n@brand,-5 team,'quoted' org,+48 600 100 200,b@x.example,x:@brand,,,"
                + "+1 day,,'=note kept as typed\n";
        ImportResult result = transfer.importText("google.csv", Format.CSV, csv);
        assertThat(result.problems()).isEmpty();
        Contact c = contacts.findByEmail("b@x.example").orElseThrow();
        assertThat(c.name()).isEqualTo("@brand");
        assertThat(c.roleTitle()).isEqualTo("-5 team");
        assertThat(c.organisation()).isEqualTo("'quoted' org");
        assertThat(c.phones()).containsExactly(new Phone(null, "+48 600 100 200"));
        assertThat(c.availability()).isEqualTo("+1 day");
        assertThat(c.notes()).as("a quote before a formula is the spreadsheet convention: read without it")
                .isEqualTo("=note kept as typed");
    }

    @Test
    void vcardRoundTripKeepsEveryField() throws IOException {
        assertThat(transfer.importFile(file("contacts.csv", CANONICAL_CSV)).ok()).isTrue();
        List<Contact> before = contacts.list();
        Path vcf = tmp.resolve("contacts.vcf");
        transfer.exportFile(vcf, Format.VCARD);
        String text = Files.readString(vcf);
        assertThat(text).contains("VERSION:4.0").contains("FN:Ольга Смирнова").contains("CATEGORIES:crisis-team,spokespeople")
                .contains("X-SOCIALPROFILE;TYPE=x:@anna_pr").contains("TZ:Europe/Warsaw").contains("LANG:pl")
                .contains(ContactVcard.AVAILABILITY + ":weekdays 8-18 CET, mobile any time for SEV1");

        // into an empty store, then out again
        store.close();
        store = TestStores.openIn(tmp.resolve("second"));
        contacts = new ContactService(store.jdbi(), new MutableClock(Instant.parse("2026-11-25T09:00:00Z")));
        transfer = new ContactTransfer(contacts);
        ImportResult result = transfer.importFile(vcf);
        assertThat(result.problems()).isEmpty();
        assertThat(result.summary().added()).hasSize(4);
        assertThat(contacts.list()).extracting(Contact::details)
                .containsExactlyElementsOf(before.stream().map(Contact::details).toList());
        Path again = tmp.resolve("again.vcf");
        transfer.exportFile(again, Format.VCARD);
        assertThat(Files.readString(again)).isEqualTo(text);
    }

    @Test
    void readsVcard3FromOtherPrograms() {
        String v3 = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kowalski;Jan;;;\r\nFN:Jan Kowalski\r\nORG:Acme;Legal\r\n"
                + "TITLE:General counsel\r\nTEL;TYPE=WORK,VOICE:+48 22 555 10 10\r\nTEL;TYPE=CELL:+48-602-000-111\r\n"
                + "EMAIL;TYPE=INTERNET:Jan.Kowalski@Acme.pl\r\nTZ:+01:00\r\nCATEGORIES:legal\r\n"
                + "URL:https://www.linkedin.com/in/jan-kowalski\r\nIMPP:skype:jan.k\r\nNOTE:Line one\\nline two\r\n"
                + "END:VCARD\r\n";
        ImportResult result = transfer.importText("phone.vcf", Format.VCARD, v3);
        assertThat(result.problems()).isEmpty();
        Contact jan = contacts.findByEmail("jan.kowalski@acme.pl").orElseThrow();
        assertThat(jan.organisation()).isEqualTo("Acme, Legal");
        assertThat(jan.phones()).containsExactly(new Phone("work", "+48 22 555 10 10"),
                new Phone("cell", "+48 602 000 111"));
        assertThat(jan.timeZone()).isEqualTo("Etc/GMT-1");
        assertThat(jan.groups()).containsExactly(ContactGroup.LEGAL);
        assertThat(jan.handles()).containsExactly(new Handle(Network.OTHER, "skype:jan.k"),
                new Handle(Network.LINKEDIN, "https://www.linkedin.com/in/jan-kowalski"));
        assertThat(jan.notes()).isEqualTo("Line one\nline two");
    }

    @Test
    void anExistingEmailUpdatesThatContactInsteadOfAddingOne() throws IOException {
        Contact anna = contacts.create(new ContactDetails("Anna N.", null, "Old org", List.of(),
                List.of("anna.nowak@acme.pl"), List.of(), null, null, null, Set.of(), null));
        ImportResult result = transfer.importFile(file("contacts.csv", CANONICAL_CSV));
        assertThat(result.summary().updated()).containsExactly("Anna Nowak");
        assertThat(result.summary().added()).hasSize(3);
        assertThat(result.summary().counts()).isEqualTo("3 added, 1 updated (matched by e-mail)");
        Contact updated = contacts.get(anna.id());
        assertThat(updated.organisation()).isEqualTo("Acme Polska, Warszawa");
        assertThat(updated.version()).isEqualTo(1);
        assertThat(contacts.list()).hasSize(4);

        ImportResult again = transfer.importFile(file("contacts.csv", CANONICAL_CSV));
        assertThat(again.summary().counts()).as("re-importing the same file adds only those without e-mail")
                .isEqualTo("1 added, 3 updated (matched by e-mail)");
    }

    @Test
    void badCsvReportsEveryProblemWithLineAndStoresNothing() throws IOException {
        String csv = HEADER + "\n"
                + "Anna Nowak,,,,anna(at)x,,,,,,\n"
                + "Ola,,,,ok@x.example,,,,,,\"Multi\nline notes are fine\"\n"
                + ",,,mobile:0601,,,Mars/Base,klingon!!,,crisis-team; friends,\n"
                + "Marek,,,,marek@x.example,facebook:marek; myspace:marek; nonetwork,,,,,\n"
                + "Too few,fields\n"
                + "Olek,,,,OK@x.example,,,,,,\n"
                + "\"Two\nlines\",,,,,,,,,,\n"
                + "\"Esc\u001B]0;owned\u0007\",,,,,x:@a\u202Eb,,,,,\"nul\u0000\"\n";
        ImportResult result = transfer.importFile(file("contacts.csv", csv));
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).containsExactly(
                "contacts.csv:2: column 'emails': 'anna(at)x' is not an e-mail address",
                "contacts.csv:5: column 'name': a contact needs a name",
                "contacts.csv:5: column 'phones': '0601' is not a phone number: write it as +, country code and number, "
                        + "digits and spaces only (e.g. +48 601 234 567)",
                "contacts.csv:5: column 'time_zone': 'Mars/Base' is not a time-zone name (IANA, e.g. Europe/Warsaw, "
                        + "America/New_York, UTC)",
                "contacts.csv:5: column 'language': 'klingon!!' is not a language tag (BCP 47, e.g. en, ru, pl, es, pt-BR)",
                "contacts.csv:5: column 'groups': 'friends' is not a contact group (one of crisis-team, spokespeople, "
                        + "customer-care, legal, executives, media, agencies, specialists)",
                "contacts.csv:6: column 'handles': 'myspace' is not a network (one of x, facebook, instagram, linkedin, "
                        + "signal, whatsapp, telegram, teams, slack, other)",
                "contacts.csv:6: column 'handles': 'nonetwork' has no network: write network:handle, e.g. x:@anna_pr "
                        + "(networks: x, facebook, instagram, linkedin, signal, whatsapp, telegram, teams, slack, other)",
                "contacts.csv:7: 2 fields, but the header has 11 (a comma in a value needs the value in double quotes)",
                "contacts.csv:9: column 'name': the name contains a line break (U+000A at position 4), but it must be "
                        + "one line; remove it",
                "contacts.csv:11: column 'name': the name contains a control character (U+001B at position 4); remove it",
                "contacts.csv:11: column 'handles': the x handle contains a bidirectional control character (U+202E at "
                        + "position 3), which can show the text in another order than it is stored; remove it",
                "contacts.csv:11: column 'notes': the notes field contains a control character (U+0000 at position 4); "
                        + "remove it",
                "contacts.csv:8: column 'emails': 'ok@x.example' is also on line 3");
        assertThat(contacts.list()).as("nothing stored").isEmpty();
    }

    @Test
    void badHeadersAndFilesAreRefusedBeforeAnyRow() throws IOException {
        assertThat(transfer.importFile(file("contacts.csv", "name,phone\nAnna,+48 601 234 567\n")).problems())
                .containsExactly("contacts.csv:1: unknown column 'phone' (the columns are " + HEADER.replace(",", ",")
                        + ")");
        assertThat(transfer.importFile(file("contacts.csv", "emails\nanna@x.example\n")).problems())
                .containsExactly("contacts.csv:1: no 'name' column; the first line must be the header: " + HEADER);
        assertThat(transfer.importFile(file("contacts.csv", "")).problems()).singleElement().asString()
                .contains("the file is empty");
        assertThat(transfer.importFile(file("contacts.csv", HEADER + "\n")).problems())
                .containsExactly("contacts.csv: no contacts in the file");
        assertThat(transfer.importFile(file("contacts.csv", HEADER + "\n\"Anna,,,,,,,,,,\n")).problems())
                .singleElement().asString().startsWith("contacts.csv: not readable as CSV:");
        assertThat(transfer.importFile(file("contacts.txt", "x")).problems())
                .containsExactly("contacts.txt: not a contact file; use .csv or .vcf");

        Path latin1 = tmp.resolve("latin1.csv");
        Files.write(latin1, (HEADER + "\nJos\u00e9,,,,,,,,,,\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(transfer.importFile(latin1).problems()).singleElement().asString().contains("not UTF-8");

        Path big = tmp.resolve("big.csv");
        Files.write(big, new byte[(int) ContactTransfer.MAX_FILE_BYTES + 1]);
        assertThat(transfer.importFile(big).problems()).singleElement().asString()
                .isEqualTo("big.csv: the file is 10.0 MiB; contact files up to 10 MiB can be imported");
        assertThat(contacts.list()).isEmpty();
    }

    @Test
    void csvWithoutBomAndWithColumnsInAnotherOrderIsFine() throws IOException {
        ImportResult result = transfer.importFile(file("c.csv", "emails,name\nanna@x.example,Anna\n"));
        assertThat(result.problems()).isEmpty();
        assertThat(contacts.findByEmail("anna@x.example")).map(Contact::name).contains("Anna");
    }

    @Test
    void badVcardReportsCardAndLineAndStoresNothing() {
        String vcf = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Good One\r\nEMAIL:good@x.example\r\nEND:VCARD\r\n"
                + "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna Nowak\r\nEMAIL:anna(at)x\r\nTEL;TYPE=cell:0601\r\n"
                + "TZ:Mars/Base\r\nCATEGORIES:friends\r\nEND:VCARD\r\n"
                + "BEGIN:VCARD\r\nVERSION:4.0\r\nEMAIL:Good@x.example\r\nEND:VCARD\r\n";
        ImportResult result = transfer.importText("contacts.vcf", Format.VCARD, vcf);
        assertThat(result.problems()).containsExactly(
                "contacts.vcf:6: card 2 (Anna Nowak): TEL: '0601' is not a phone number: write it as +, country code "
                        + "and number, digits and spaces only (e.g. +48 601 234 567)",
                "contacts.vcf:6: card 2 (Anna Nowak): EMAIL: 'anna(at)x' is not an e-mail address",
                "contacts.vcf:6: card 2 (Anna Nowak): TZ: 'Mars/Base' is not a time-zone name (IANA, e.g. "
                        + "Europe/Warsaw, America/New_York, UTC)",
                "contacts.vcf:6: card 2 (Anna Nowak): CATEGORIES: 'friends' is not a contact group (one of crisis-team, "
                        + "spokespeople, customer-care, legal, executives, media, agencies, specialists)",
                "contacts.vcf:14: card 3: FN: a contact needs a name");
        assertThat(transfer.importText("empty.vcf", Format.VCARD, "hello").problems())
                .containsExactly("empty.vcf: no vCards in the file (each starts with BEGIN:VCARD)");
        assertThat(contacts.list()).isEmpty();
    }

    @Test
    void duplicateEmailsAcrossCardsAreReported() {
        String vcf = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nEMAIL:same@x.example\r\nEND:VCARD\r\n"
                + "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:B\r\nEMAIL:SAME@x.example\r\nEND:VCARD\r\n";
        assertThat(transfer.importText("c.vcf", Format.VCARD, vcf).problems())
                .containsExactly("c.vcf:6: card 2 (B): EMAIL: 'same@x.example' is also on card 1 (A)");
        assertThat(contacts.list()).isEmpty();
    }

    @Test
    void aRecordMatchingTwoContactsIsRefusedAndNothingIsStored() throws IOException {
        contacts.create(new ContactDetails("A", null, null, null, List.of("a@x.example"), null, null, null, null, null,
                null));
        contacts.create(new ContactDetails("B", null, null, null, List.of("b@x.example"), null, null, null, null, null,
                null));
        ImportResult result = transfer.importFile(file("c.csv",
                "name,emails\nNew one,new@x.example\nBoth,a@x.example; b@x.example\n"));
        assertThat(result.problems()).containsExactly(
                "c.csv: Both: the addresses a@x.example, b@x.example belong to 2 different contacts");
        assertThat(contacts.findByEmail("new@x.example")).as("one transaction: the first row is not kept").isEmpty();
    }
}

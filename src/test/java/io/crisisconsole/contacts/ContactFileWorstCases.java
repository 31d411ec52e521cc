package io.crisisconsole.contacts;

import static io.crisisconsole.testsupport.WorstCases.ACCEPTED;
import static io.crisisconsole.testsupport.WorstCases.MIB;
import static io.crisisconsole.testsupport.WorstCases.fill;

import io.crisisconsole.testsupport.WorstCases;
import io.crisisconsole.testsupport.WorstCases.Case;
import java.nio.file.Path;
import java.util.List;

/**
 * Generated contact files (CSV and vCard) of about 1 MiB in the shapes that stress a reader.
 * Judged as {@code contacts import} judges them, up to (not including) storing: {@link
 * ContactTransfer#importFile} with a transfer whose store must never be reached for a refused file.
 */
public final class ContactFileWorstCases {

    private ContactFileWorstCases() {
    }

    static final String HEADER = String.join(",", ContactCsv.HEADER) + "\r\n";

    /** The verdict of {@code transfer}: the first problem and how many, or {@link WorstCases#ACCEPTED}. */
    public static WorstCases.Judge judge(ContactTransfer transfer) {
        return file -> {
            ContactTransfer.ImportResult r = transfer.importFile(file);
            return r.ok() ? ACCEPTED : r.problems().get(0) + " [" + r.problems().size() + " listed]";
        };
    }

    /** Contact files read without storing anything: {@link ContactCsv} or {@link ContactVcard} alone. */
    public static final WorstCases.Judge READ_ONLY = ContactFileWorstCases::readOnly;

    static String readOnly(Path file) throws Exception {
        String text = io.crisisconsole.toolkit.StrictText.readUtf8(file, ContactTransfer.MAX_FILE_BYTES);
        String name = file.getFileName().toString();
        ImportRecords r = name.endsWith(".csv") ? ContactCsv.read(name, text) : ContactVcard.read(name, text);
        return r.problems().isEmpty() ? ACCEPTED + " (" + r.records().size() + " contacts)"
                : r.problems().get(0) + " [" + r.problems().size() + " found]";
    }

    public static List<Case> cases() {
        int size = MIB - 64;
        String row = ",Press officer,Example Ltd,mobile:+48 600 100 200,,x:@anna_pr,Europe/Warsaw,en,9-17,"
                + "crisis-team,\r\n";
        return List.of(
                Case.of("CSV: many rows", "rows.csv",
                        fill(HEADER, i -> "Person " + i + row.replaceFirst(",,x:", ",p" + i + "@example.com,x:"), "",
                                size), ACCEPTED),
                Case.of("CSV: many columns", "columns.csv",
                        fill("name", i -> ",c" + i, "\r\nAnna\r\n", size), "columns.csv:1: unknown column 'c0'"),
                Case.of("CSV: a row of many fields", "fields.csv",
                        fill(HEADER + "Anna", i -> ",x", "\r\n", size), "fields.csv:2: "),
                Case.of("CSV: many quoted fields, embedded quotes", "quotes.csv",
                        fill(HEADER, i -> "\"Anna \"\"the\"\" " + i + "\",\"a \"\"b\"\"\",,,\"a" + i
                                + "@example.com\",,,,,,\"say \"\"hi\"\", \"\"bye\"\"\"\r\n", "", size), ACCEPTED),
                Case.of("CSV: one unterminated quote", "unterminated.csv",
                        fill(HEADER + "\"Anna", i -> " words and words", "\r\n", size), "unterminated.csv: "),
                Case.of("CSV: one huge field", "huge-field.csv",
                        fill(HEADER + "Anna,,,,,,,,,,\"", i -> "notes ", "\"\r\n", size), "huge-field.csv:2: column "),
                Case.of("CSV: many rows of the wrong width", "widths.csv",
                        fill(HEADER, i -> "Anna,x\r\n", "", size), "widths.csv:2: 2 fields, but the header has 11"),
                Case.of("CSV: the same e-mail on every row", "same-email.csv",
                        fill(HEADER, i -> "Person " + i + ",,,,a@example.com,,,,,,\r\n", "", size),
                        "same-email.csv:3: column 'emails': 'a@example.com' is also on line 2"),
                Case.of("CSV: many phones in one field", "phones.csv",
                        fill(HEADER + "Anna,,,\"", i -> "m" + i + ":+48 600 100 " + (100 + i % 800) + "; ",
                                "\",,,,,,,\r\n", size), "phones.csv:2: column 'phones'"),
                Case.of("CSV: many e-mails in one field", "emails.csv",
                        fill(HEADER + "Anna,,,,\"", i -> "a" + i + "@example.com; ", "\",,,,,,\r\n", size),
                        "emails.csv:2: column 'emails'"),
                Case.of("vCard: thousands of cards", "cards.vcf",
                        fill("", i -> "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Person " + i + "\r\nEMAIL:p" + i
                                + "@example.com\r\nTEL;TYPE=cell:+48 600 100 200\r\nCATEGORIES:crisis-team\r\n"
                                + "END:VCARD\r\n", "", size), ACCEPTED),
                Case.of("vCard: one card, thousands of e-mails", "emails.vcf",
                        fill("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\n", i -> "EMAIL:a" + i + "@example.com\r\n",
                                "END:VCARD\r\n", size), "emails.vcf:1: card 1 (Anna): EMAIL: more than 20 e-mail addresses"),
                Case.of("vCard: one card, thousands of properties", "props.vcf",
                        fill("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\n", i -> "X-THING-" + i + ":value\r\n",
                                "END:VCARD\r\n", size), ACCEPTED),
                Case.of("vCard: one long folded line", "folded.vcf",
                        fill("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\nNOTE:start", i -> "\r\n  more words",
                                "\r\nEND:VCARD\r\n", size), "folded.vcf:1: card 1 (Anna): NOTE: the notes is longer than 10000 characters"),
                Case.of("vCard: one huge line", "huge-line.vcf",
                        fill("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\nNOTE:", i -> "words ", "\r\nEND:VCARD\r\n",
                                size), "huge-line.vcf:1: card 1 (Anna): NOTE: the notes is longer than 10000 characters"),
                Case.of("vCard: many categories", "categories.vcf",
                        fill("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\nCATEGORIES:crisis-team", i -> ",media",
                                "\r\nEND:VCARD\r\n", size), ACCEPTED),
                Case.of("vCard: a card that never ends", "unended.vcf",
                        fill("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\n", i -> "NOTE:line " + i + "\r\n", "", size),
                        "unended.vcf"),
                Case.of("vCard: many cards, each wrong", "bad-cards.vcf",
                        fill("", i -> "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:P" + i + "\r\nEMAIL:not-an-address\r\n"
                                + "END:VCARD\r\n", "", size), "bad-cards.vcf:1: card 1 (P0): "));
    }
}

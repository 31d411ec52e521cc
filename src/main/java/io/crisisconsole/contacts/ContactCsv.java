package io.crisisconsole.contacts;

import io.crisisconsole.toolkit.CsvCells;
import io.crisisconsole.toolkit.ValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Contacts as CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double
 * quotes, CRLF between records), UTF-8; a byte-order mark is written for spreadsheet programs and
 * tolerated on reading. The first line is the header; columns may come in any order and only
 * {@code name} is required:
 *
 * <pre>
 * name,role_title,organisation,phones,emails,handles,time_zone,language,availability,groups,notes
 * </pre>
 *
 * Lists inside a field are separated by {@code ;}: phones {@code label:number; label:number}
 * (the label may be left out), emails {@code a@x.com; b@x.com}, handles {@code network:handle}
 * ({@link Network}), groups by their slug ({@code crisis-team; spokespeople}).
 *
 * <p>Cells that start like a spreadsheet formula are written with a leading {@code '} and read
 * back without it ({@link CsvCells}).
 */
public final class ContactCsv {

    public static final List<String> HEADER = List.of("name", "role_title", "organisation", "phones", "emails",
            "handles", "time_zone", "language", "availability", "groups", "notes");
    static final String LIST_SEPARATOR = "; ";
    private static final String SPLIT = ";";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private ContactCsv() {
    }

    /** Reads {@code text} (the file's content, {@code fileName} for problem lines); never throws on bad input. */
    public static ImportRecords read(String fileName, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        LineIndex lines = new LineIndex(body);
        List<ImportRecords.Located> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(body)).setFormat(FORMAT).get()) {
            List<String> header = null;
            Map<String, Integer> columns = new HashMap<>();
            for (CSVRecord r : parser) {
                long line = lines.lineAt(r.getCharacterPosition());
                if (header == null) {
                    header = Arrays.stream(r.values()).map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
                    if (!checkHeader(fileName, header, columns, problems)) {
                        return new ImportRecords(List.of(), problems);
                    }
                    continue;
                }
                if (Arrays.stream(r.values()).allMatch(String::isBlank)) {
                    continue;
                }
                String where = fileName + ":" + line;
                if (r.size() != header.size()) {
                    problems.add(where + ": " + r.size() + " fields, but the header has " + header.size()
                            + " (a comma in a value needs the value in double quotes)");
                    continue;
                }
                ContactDetails d = record(r, columns, where, problems);
                if (d != null) {
                    records.add(new ImportRecords.Located(where, "line " + line, "column 'emails'", d));
                }
            }
            if (header == null) {
                problems.add(fileName + ": the file is empty; the first line must be the header: "
                        + String.join(",", HEADER));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // a quote that never closes, and the like; Commons CSV says where
            problems.add(fileName + ": not readable as CSV: " + e.getMessage());
        }
        return new ImportRecords(records, problems);
    }

    private static boolean checkHeader(String fileName, List<String> header, Map<String, Integer> columns,
            List<String> problems) {
        int before = problems.size();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (!HEADER.contains(h)) {
                problems.add(fileName + ":1: unknown column '" + h + "' (the columns are " + String.join(",", HEADER)
                        + ")");
            } else if (columns.putIfAbsent(h, i) != null) {
                problems.add(fileName + ":1: column '" + h + "' appears twice");
            }
        }
        if (!columns.containsKey("name") && problems.size() == before) {
            problems.add(fileName + ":1: no 'name' column; the first line must be the header: "
                    + String.join(",", HEADER));
        }
        return problems.size() == before;
    }

    private static ContactDetails record(CSVRecord r, Map<String, Integer> columns, String where,
            List<String> problems) {
        List<ValidationException> found = new ArrayList<>();
        String name = field(found, () -> ContactFields.name(value(r, columns, "name")));
        String role = field(found, () -> ContactFields.roleTitle(value(r, columns, "role_title")));
        String org = field(found, () -> ContactFields.organisation(value(r, columns, "organisation")));
        List<Phone> phones = ContactFields.phones(value(r, columns, "phones"), SPLIT, found);
        List<String> emails = ContactFields.emails(value(r, columns, "emails"), SPLIT, found);
        List<Handle> handles = ContactFields.handles(value(r, columns, "handles"), SPLIT, found);
        String zone = field(found, () -> ContactFields.timeZone(value(r, columns, "time_zone")));
        String lang = field(found, () -> ContactFields.language(value(r, columns, "language")));
        String avail = field(found, () -> ContactFields.availability(value(r, columns, "availability")));
        Set<ContactGroup> groups = ContactFields.groups(value(r, columns, "groups"), SPLIT, found);
        String notes = field(found, () -> ContactFields.notes(value(r, columns, "notes")));
        if (found.isEmpty()) {
            try {
                ContactDetails d = new ContactDetails(name, role, org, phones, emails, handles, zone, lang, avail,
                        groups, notes);
                found.addAll(d.plainTextProblems());
                if (found.isEmpty()) {
                    return d;
                }
            } catch (ValidationException e) {
                found.add(e);
            }
        }
        for (ValidationException e : found) {
            problems.add(where + ": column '" + e.field() + "': " + e.getMessage());
        }
        return null;
    }

    static <T> T field(List<ValidationException> problems, Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            problems.add(e);
            return null;
        }
    }

    private static String value(CSVRecord r, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        return i == null ? null : CsvCells.restore(r.get(i));
    }

    /**
     * Writes the contacts with the header, a byte-order mark first. A cell a spreadsheet would run
     * as a formula ({@code =...}, {@code +48 ...}, {@code @brand}) is neutralised as
     * {@link CsvCells} says; {@link #read} undoes it.
     */
    public static void write(List<Contact> contacts, Writer out) throws IOException {
        out.write('\uFEFF');
        CsvCells.writeRecord(out, HEADER);
        for (Contact c : contacts) {
            CsvCells.writeRecord(out, Arrays.asList(c.name(), c.roleTitle(), c.organisation(),
                    ContactFields.formatPhones(c.phones(), LIST_SEPARATOR),
                    String.join(LIST_SEPARATOR, c.emails()),
                    ContactFields.formatHandles(c.handles(), LIST_SEPARATOR),
                    c.timeZone(), c.language(), c.availability(),
                    ContactFields.formatGroups(c.groups(), LIST_SEPARATOR), c.notes()));
        }
        out.flush();
    }

    /** Line numbers (from 1) of character positions in a text. */
    static final class LineIndex {
        private final int[] starts;

        LineIndex(String text) {
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    s.add(i + 1);
                }
            }
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        long lineAt(long position) {
            int i = Arrays.binarySearch(starts, (int) position);
            return (i >= 0 ? i : -i - 2) + 1;
        }
    }
}

package io.crisisconsole.contacts;

import io.crisisconsole.toolkit.AtomicFiles;
import io.crisisconsole.toolkit.StrictText;
import io.crisisconsole.toolkit.ValidationException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Import and export of contact files, CSV or vCard by the file's extension. An import reads and
 * checks the whole file first and reports every problem with file and line; only a file without
 * problems is stored, in one transaction. No JavaFX here: the UI calls it through its task runner.
 */
public final class ContactTransfer {

    /** At most this many problems are reported; then one line says how many more there are. */
    public static final int MAX_PROBLEMS = 100;

    /** Files larger than this are refused before they are read. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    public enum Format {
        CSV("csv"), VCARD("vcf");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** {@code csv} or {@code vcf} (also {@code vcard}). */
        public static Format parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("csv")) {
                return CSV;
            }
            if (t.equals("vcf") || t.equals("vcard")) {
                return VCARD;
            }
            throw new ValidationException("format", "unknown format '" + text + "' (csv or vcf)");
        }

        /** By extension: .csv, .vcf or .vcard; null for anything else. */
        public static Format ofFile(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".vcf") || name.endsWith(".vcard")) {
                return VCARD;
            }
            return null;
        }
    }

    /** The outcome of an import: problems (and nothing stored), or what was stored. */
    public record ImportResult(List<String> problems, ImportSummary summary) {
        public ImportResult {
            problems = List.copyOf(problems);
        }

        static ImportResult failed(List<String> problems) {
            return new ImportResult(problems, null);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final ContactService contacts;

    public ContactTransfer(ContactService contacts) {
        this.contacts = Objects.requireNonNull(contacts);
    }

    /** Reads, checks and (when there is no problem at all) stores the contacts in {@code file}. */
    public ImportResult importFile(Path file) {
        String name = file.getFileName().toString();
        Format format = Format.ofFile(file);
        if (format == null) {
            return ImportResult.failed(List.of(name + ": not a contact file; use .csv or .vcf"));
        }
        String text;
        try {
            text = StrictText.readUtf8(file, MAX_FILE_BYTES);
        } catch (StrictText.Refused r) {
            switch (r.reason()) {
                case TOO_LARGE:
                    return ImportResult.failed(List.of(String.format(Locale.ROOT,
                            "%s: the file is %.1f MiB; contact files up to %d MiB can be imported", name,
                            r.size() / (1024.0 * 1024.0), MAX_FILE_BYTES / (1024 * 1024))));
                case NOT_UTF8:
                    return ImportResult.failed(List.of(name + ": the file is not UTF-8 text; save it as UTF-8 and try again"));
                default:
                    Throwable c = r.getCause() == null ? r : r.getCause();
                    return ImportResult.failed(List.of(name + ": cannot be read (" + c.getClass().getSimpleName() + ": "
                            + c.getMessage() + ")"));
            }
        }
        return importText(name, format, text);
    }

    /** As {@link #importFile(Path)}, for text already read. */
    public ImportResult importText(String fileName, Format format, String text) {
        ImportRecords read = format == Format.CSV ? ContactCsv.read(fileName, text) : ContactVcard.read(fileName, text);
        List<String> problems = new ArrayList<>(read.problems());
        Map<String, ImportRecords.Located> byEmail = new HashMap<>();
        for (ImportRecords.Located r : read.records()) {
            for (String e : r.details().emails()) {
                ImportRecords.Located first = byEmail.putIfAbsent(e, r);
                if (first != null) {
                    problems.add(r.where() + ": " + r.emailField() + ": '" + e + "' is also on " + first.ref());
                }
            }
        }
        if (problems.isEmpty() && read.records().isEmpty()) {
            problems.add(fileName + ": no contacts in the file");
        }
        if (!problems.isEmpty()) {
            return ImportResult.failed(capped(problems));
        }
        try {
            return new ImportResult(List.of(),
                    contacts.importAll(read.records().stream().map(ImportRecords.Located::details).toList()));
        } catch (ValidationException e) {
            return ImportResult.failed(List.of(fileName + ": " + e.getMessage()));
        }
    }

    private static List<String> capped(List<String> problems) {
        if (problems.size() <= MAX_PROBLEMS) {
            return problems;
        }
        List<String> shown = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        shown.add("and " + (problems.size() - MAX_PROBLEMS) + " more problems (only the first " + MAX_PROBLEMS
                + " are listed)");
        return shown;
    }

    /** Writes every contact to {@code file} (replacing it); returns how many. */
    public int exportFile(Path file, Format format) throws IOException {
        List<Contact> all = contacts.list();
        String text = format(all, format);
        AtomicFiles.write(file, text);
        return all.size();
    }

    /** The contacts as the text of a file in {@code format}. */
    public static String format(List<Contact> contacts, Format format) {
        if (format == Format.VCARD) {
            return ContactVcard.write(contacts);
        }
        StringWriter out = new StringWriter();
        try {
            ContactCsv.write(contacts, out);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}

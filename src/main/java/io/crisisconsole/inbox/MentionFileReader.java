package io.crisisconsole.inbox;

import io.crisisconsole.inbox.MentionColumns.Layout;
import io.crisisconsole.inbox.MentionFilePreview.Format;
import io.crisisconsole.inbox.MentionValues.DateOrder;
import io.crisisconsole.inbox.MentionValues.SentimentScale;
import io.crisisconsole.toolkit.CsvCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.dhatim.fastexcel.reader.ExcelReaderException;

/**
 * Reads the CSV, TSV and XLSX exports of social-listening tools into {@link IncomingMention}s, as a
 * stream (a CSV through Commons CSV, an XLSX through fastexcel's StAX reader, never a DOM), so memory
 * stays bounded whatever the file's size. First {@link #preview} detects how the file is written
 * (encoding, delimiter, header row, layout, mapping) and reads the first rows; then {@link #read}
 * reads it all with the (possibly changed) mapping, reporting progress and stopping when cancelled.
 * Every problem is one line, {@code mentions.csv:17: the date '31/02/2026' is not a day}; no method
 * throws on a bad file. No JavaFX and no store here: the inbox service stores what this returns.
 */
public final class MentionFileReader {

    /** Files larger than this are refused before they are read. */
    public static final long MAX_FILE_BYTES = 128L * 1024 * 1024;
    /** A CSV record (one row, with its quoted line breaks) longer than this many characters is refused. */
    public static final int MAX_RECORD_CHARS = 1024 * 1024;
    /** A cell longer than this many characters is a problem of its row. */
    public static final int MAX_CELL_CHARS = 256 * 1024;
    /** A row with more cells than this is refused. */
    public static final int MAX_COLUMNS = 1024;
    /** Rows beyond this many are refused (the file should be split). */
    public static final long MAX_ROWS = 1_000_000;
    /** An XLSX entry that inflates past this many bytes is refused. */
    public static final long MAX_XLSX_ENTRY_BYTES = 256L * 1024 * 1024;
    /**
     * An XLSX's shared strings part inflating past this many bytes is refused: fastexcel keeps the
     * strings it has read in memory (about twice this in heap at worst).
     */
    public static final long MAX_XLSX_SHARED_STRINGS_BYTES = 64L * 1024 * 1024;
    /** An XLSX entry that inflates more than this many times its compressed size (past its first MiB) is refused. */
    public static final int MAX_XLSX_RATIO = 100;
    /** An XLSX with more entries than this is refused. */
    public static final int MAX_XLSX_ENTRIES = 10_000;
    /** At most this many problems are listed; then one line says how many more there are. */
    public static final int MAX_PROBLEMS = 100;
    /** How many rows after the header a preview reads. */
    public static final int PREVIEW_ROWS = 20;
    /** The header must be among this many first rows. */
    static final int HEADER_SEARCH_ROWS = 50;
    static final int SAMPLE_BYTES = 64 * 1024;


    /** Reports how far reading is: {@code done} of {@code total} (bytes for CSV/TSV, rows for XLSX; total -1 when unknown). */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);

        static Progress none() {
            return (d, t) -> {
            };
        }
    }

    private MentionFileReader() {
    }

    // ================================================================= preview

    /** Detects how {@code file} is written and reads its first rows; {@code zone} is for dates without an offset. */
    public static MentionFilePreview preview(Path file, ZoneId zone) {
        String name = file.getFileName().toString();
        try {
            MentionFileFormat.Detected d = MentionFileFormat.detect(file);
            if (d.problem != null) {
                return failed(name, d, d.problem);
            }
            List<MentionFilePreview.Row> rows = new ArrayList<>();
            List<String> header = null;
            long headerLine = 0;
            try (MentionRows.RowStream s = MentionRows.open(file, d, Progress.none())) {
                MentionRows.RawRow r;
                int seen = 0;
                while ((r = s.next()) != null) {
                    if (header == null) {
                        if (++seen > HEADER_SEARCH_ROWS) {
                            break;
                        }
                        if (MentionColumns.headerScore(r.cells()) > 0) {
                            header = r.cells();
                            headerLine = r.line();
                        }
                        continue;
                    }
                    if (blank(r.cells())) {
                        continue;
                    }
                    rows.add(new MentionFilePreview.Row(r.line(), r.cells(), null, List.of()));
                    if (rows.size() >= PREVIEW_ROWS) {
                        break;
                    }
                }
            }
            if (header == null) {
                return failed(name, d, name + ": no header row in the first " + HEADER_SEARCH_ROWS
                        + " rows; the export needs a row with column names such as Date, Text, Author, URL"
                        + " (in English, Russian, Polish or Spanish)");
            }
            Layout layout = MentionColumns.layoutOf(header);
            MentionColumnMapping mapping = guessMapping(header, layout, rows);
            MentionFilePreview p = new MentionFilePreview(name, d.format, d.charset == null ? null : d.charset.name(),
                    d.delimiter, headerLine, layout == null ? null : layout.name(), mapping, rows, List.of());
            return withMapping(p, mapping, zone);
        } catch (MentionFileFormat.Refused r) {
            return failed(name, null, r.getMessage());
        } catch (IOException | UncheckedIOException | ExcelReaderException e) {
            return failed(name, null, unreadable(name, e));
        }
    }

    /**
     * The preview's rows read again with another mapping (the preview dialog calls this when the
     * person changes it); its problems are then what the mapping lacks (a date or a text column).
     */
    public static MentionFilePreview withMapping(MentionFilePreview p, MentionColumnMapping mapping, ZoneId zone) {
        if (p.headerLine() <= 0) {
            throw new IllegalArgumentException("the preview of " + p.fileName() + " found no header to map");
        }
        boolean csv = p.format() != Format.XLSX;
        List<String> missing = new ArrayList<>();
        mapping.missing().forEach(m -> missing.add(p.fileName() + ":" + p.headerLine() + ": " + m));
        List<MentionFilePreview.Row> rows = new ArrayList<>();
        Indexed columns = new Indexed(mapping);
        for (MentionFilePreview.Row r : p.rows()) {
            List<String> problems = new ArrayList<>();
            IncomingMention m = mention(p.fileName(), r.line(), r.cells(), columns, zone, csv, problems);
            rows.add(new MentionFilePreview.Row(r.line(), r.cells(), m, problems));
        }
        return new MentionFilePreview(p.fileName(), p.format(), p.encoding(), p.delimiter(), p.headerLine(), p.layout(),
                mapping, rows, missing);
    }

    private static MentionFilePreview failed(String name, MentionFileFormat.Detected d, String problem) {
        return new MentionFilePreview(name, d == null ? null : d.format,
                d == null || d.charset == null ? null : d.charset.name(), d == null ? null : d.delimiter, 0, null, null,
                List.of(), List.of(problem));
    }

    private static MentionColumnMapping guessMapping(List<String> header, Layout layout,
            List<MentionFilePreview.Row> rows) {
        Map<MentionField, Integer> guessed = MentionColumns.guess(header, layout);
        List<MentionColumnMapping.Column> columns = new ArrayList<>();
        guessed.forEach((f, i) -> columns.add(new MentionColumnMapping.Column(f, i, header.get(i))));
        DateOrder order = null;
        Integer dateColumn = guessed.get(MentionField.DATE);
        if (dateColumn != null) {
            for (MentionFilePreview.Row r : rows) {
                if (dateColumn < r.cells().size()) {
                    DateOrder o = MentionValues.settledOrder(r.cells().get(dateColumn));
                    if (o != null) {
                        order = o;
                        break;
                    }
                }
            }
        }
        if (order == null) {
            order = layout != null ? layout.dateOrder() : DateOrder.DAY_FIRST;
        }
        SentimentScale scale = layout != null ? layout.sentimentScale() : null;
        Integer sentimentColumn = guessed.get(MentionField.SENTIMENT);
        if (scale == null && sentimentColumn != null) {
            List<String> values = new ArrayList<>();
            for (MentionFilePreview.Row r : rows) {
                if (sentimentColumn < r.cells().size()) {
                    values.add(r.cells().get(sentimentColumn));
                }
            }
            scale = MentionValues.guessScale(values);
        }
        return new MentionColumnMapping(header, columns, order, scale == null ? SentimentScale.MINUS_ONE_TO_ONE : scale);
    }

    // ================================================================= reading

    /** Reads every row of {@code file} (as the preview found it) with {@code mapping}, collecting the mentions. */
    public static MentionReadResult read(Path file, MentionFilePreview preview, MentionColumnMapping mapping,
            ZoneId zone, Progress progress, BooleanSupplier cancelled) {
        List<IncomingMention> all = new ArrayList<>();
        MentionReadResult r = read(file, preview, mapping, zone, progress, cancelled, all::add);
        if (r.refused() || r.cancelled()) {
            return r;
        }
        return new MentionReadResult(all, r.goodRows(), r.problems(), r.problemCount(), false, false);
    }

    /**
     * Reads every row of {@code file} with {@code mapping}, handing each good row's mention to
     * {@code sink} as it is read (the result's list is then empty). Stops at the next row once
     * {@code cancelled} says so.
     */
    public static MentionReadResult read(Path file, MentionFilePreview preview, MentionColumnMapping mapping,
            ZoneId zone, Progress progress, BooleanSupplier cancelled, Consumer<IncomingMention> sink) {
        String name = file.getFileName().toString();
        Problems problems = new Problems();
        if (preview.headerLine() <= 0) {
            preview.problems().forEach(problems::add);
            return problems.refused();
        }
        if (!mapping.headerSignature().equals(preview.mapping().headerSignature())) {
            problems.add(name + ":" + preview.headerLine() + ": the mapping was made for another header ("
                    + String.join(", ", mapping.header()) + "); choose the columns for this file's header");
            return problems.refused();
        }
        List<String> missing = mapping.missing();
        if (!missing.isEmpty()) {
            missing.forEach(m -> problems.add(name + ":" + preview.headerLine() + ": " + m));
            return problems.refused();
        }
        long good = 0;
        try {
            MentionFileFormat.Detected d = MentionFileFormat.detect(file);
            if (d.problem != null) {
                problems.add(d.problem);
                return problems.refused();
            }
            boolean csv = d.format != Format.XLSX;
            Indexed columns = new Indexed(mapping);
            try (MentionRows.RowStream s = MentionRows.open(file, d, progress)) {
                MentionRows.RawRow r;
                boolean afterHeader = false;
                long rows = 0;
                while ((r = s.next()) != null) {
                    if (cancelled.getAsBoolean()) {
                        return new MentionReadResult(List.of(), good, problems.list(), problems.count, false, true);
                    }
                    if (!afterHeader) {
                        afterHeader = r.line() >= preview.headerLine();
                        continue;
                    }
                    if (blank(r.cells())) {
                        continue;
                    }
                    if (++rows > MAX_ROWS) {
                        problems.add(name + ":" + r.line() + ": more than " + MAX_ROWS
                                + " rows; split the export into smaller files");
                        return problems.refused();
                    }
                    List<String> found = new ArrayList<>();
                    IncomingMention m = mention(name, r.line(), r.cells(), columns, zone, csv, found);
                    if (m != null) {
                        good++;
                        sink.accept(m);
                    } else {
                        found.forEach(problems::add);
                    }
                }
                if (cancelled.getAsBoolean()) {
                    return new MentionReadResult(List.of(), good, problems.list(), problems.count, false, true);
                }
                progress.update(s.total() < 0 ? s.done() : s.total(), s.total());
                if (rows == 0) {
                    problems.add(name + ": no mentions below the header on line " + preview.headerLine());
                }
            }
        } catch (MentionFileFormat.Refused e) {
            problems.add(e.getMessage());
            return problems.refused();
        } catch (IOException | UncheckedIOException | ExcelReaderException e) {
            problems.add(unreadable(name, e));
            return problems.refused();
        }
        return new MentionReadResult(List.of(), good, problems.list(), problems.count, false, false);
    }

    private static String unreadable(String name, Exception e) {
        Throwable c = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof MentionFileFormat.Refused) {
            return c.getMessage();
        }
        if (c.getCause() instanceof MentionFileFormat.Refused) {
            return c.getCause().getMessage();
        }
        if (c instanceof NoSuchFileException) {
            return name + ": no such file";
        }
        return name + ": cannot be read (" + c.getClass().getSimpleName() + ": " + c.getMessage() + ")";
    }

    /** The mention one row makes, or null with its problems added. */
    /** A mapping with the column of each field looked up once. */
    private static final class Indexed {
        final MentionColumnMapping mapping;
        final int[] index = new int[MentionField.values().length];

        Indexed(MentionColumnMapping mapping) {
            this.mapping = mapping;
            for (MentionField f : MentionField.values()) {
                index[f.ordinal()] = mapping.indexOf(f);
            }
        }
    }

    private static IncomingMention mention(String file, long line, List<String> cells, Indexed m, ZoneId zone,
            boolean csv, List<String> problems) {
        String where = file + ":" + line + ": ";
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).length() > MAX_CELL_CHARS) {
                problems.add(where + "column " + (i + 1) + " has " + cells.get(i).length()
                        + " characters; a cell can have at most " + MAX_CELL_CHARS);
                return null;
            }
        }
        String text = cell(cells, m, MentionField.TEXT, csv);
        java.time.Instant at = null;
        Sentiment sentiment = Sentiment.UNKNOWN;
        Long reach = null;
        try {
            at = MentionValues.instant(cell(cells, m, MentionField.DATE, csv), cell(cells, m, MentionField.TIME, csv),
                    m.mapping.dateOrder(), zone);
        } catch (MentionValueException e) {
            problems.add(where + e.getMessage());
        }
        if (text == null || text.isBlank()) {
            problems.add(where + "no text");
        }
        try {
            sentiment = MentionValues.sentiment(cell(cells, m, MentionField.SENTIMENT, csv), m.mapping.sentimentScale());
        } catch (MentionValueException e) {
            problems.add(where + e.getMessage());
        }
        try {
            reach = MentionValues.count(cell(cells, m, MentionField.REACH, csv));
        } catch (MentionValueException e) {
            problems.add(where + e.getMessage());
        }
        if (!problems.isEmpty()) {
            return null;
        }
        String url = trimmed(cell(cells, m, MentionField.URL, csv));
        return new IncomingMention(line, trimmed(cell(cells, m, MentionField.ID, csv)), url,
                MentionValues.platform(cell(cells, m, MentionField.PLATFORM, csv), url),
                trimmed(cell(cells, m, MentionField.AUTHOR, csv)), at, text,
                MentionValues.language(cell(cells, m, MentionField.LANGUAGE, csv)), sentiment, reach,
                trimmed(cell(cells, m, MentionField.REPLY_TO, csv)));
    }

    private static String cell(List<String> cells, Indexed m, MentionField f, boolean csv) {
        int i = m.index[f.ordinal()];
        if (i < 0 || i >= cells.size()) {
            return null;
        }
        return csv ? CsvCells.restore(cells.get(i)) : cells.get(i);
    }

    private static String trimmed(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static boolean blank(List<String> cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The first {@value #MAX_PROBLEMS} problems and how many there are. */
    private static final class Problems {
        private final List<String> first = new ArrayList<>();
        private long count;

        void add(String p) {
            count++;
            if (first.size() < MAX_PROBLEMS) {
                first.add(p);
            }
        }

        List<String> list() {
            if (count <= MAX_PROBLEMS) {
                return first;
            }
            List<String> shown = new ArrayList<>(first);
            long more = count - MAX_PROBLEMS;
            shown.add("and " + more + " more problem" + (more == 1 ? "" : "s") + " (only the first " + MAX_PROBLEMS
                    + " are listed)");
            return shown;
        }

        MentionReadResult refused() {
            return new MentionReadResult(List.of(), 0, list(), count, true, false);
        }
    }
}

package io.crisisconsole.inbox;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import io.crisisconsole.inbox.MentionColumns.Layout;
import io.crisisconsole.inbox.MentionFilePreview.Format;
import io.crisisconsole.inbox.MentionValues.DateOrder;
import io.crisisconsole.inbox.MentionValues.SentimentScale;
import io.crisisconsole.toolkit.CsvCells;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.File;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;

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

    private static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');

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
            Detected d = detect(file);
            if (d.problem != null) {
                return failed(name, d, d.problem);
            }
            List<MentionFilePreview.Row> rows = new ArrayList<>();
            List<String> header = null;
            long headerLine = 0;
            List<List<String>> before = new ArrayList<>();
            try (RowStream s = open(file, d, Progress.none(), () -> false)) {
                RawRow r;
                int seen = 0;
                while ((r = s.next()) != null) {
                    if (header == null) {
                        if (++seen > HEADER_SEARCH_ROWS) {
                            break;
                        }
                        if (MentionColumns.headerScore(r.cells) > 0) {
                            header = r.cells;
                            headerLine = r.line;
                        } else {
                            before.add(r.cells);
                        }
                        continue;
                    }
                    if (blank(r.cells)) {
                        continue;
                    }
                    rows.add(new MentionFilePreview.Row(r.line, r.cells, null, List.of()));
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
            List<String> problems = new ArrayList<>();
            long at = headerLine;
            mapping.missing().forEach(m -> problems.add(name + ":" + at + ": " + m));
            MentionFilePreview p = new MentionFilePreview(name, d.format, d.charset == null ? null : d.charset.name(),
                    d.delimiter, headerLine, layout == null ? null : layout.name(), mapping, rows, problems);
            return withMapping(p, mapping, zone);
        } catch (Refused r) {
            return failed(name, null, r.getMessage());
        } catch (IOException | UncheckedIOException | ExcelReaderException e) {
            return failed(name, null, unreadable(name, e));
        }
    }

    /** The preview's rows read again with another mapping (the preview dialog calls this when the person changes it). */
    public static MentionFilePreview withMapping(MentionFilePreview p, MentionColumnMapping mapping, ZoneId zone) {
        boolean csv = p.format() != Format.XLSX;
        List<MentionFilePreview.Row> rows = new ArrayList<>();
        Indexed columns = new Indexed(mapping);
        for (MentionFilePreview.Row r : p.rows()) {
            List<String> problems = new ArrayList<>();
            IncomingMention m = mention(p.fileName(), r.line(), r.cells(), columns, zone, csv, problems);
            rows.add(new MentionFilePreview.Row(r.line(), r.cells(), m, problems));
        }
        return new MentionFilePreview(p.fileName(), p.format(), p.encoding(), p.delimiter(), p.headerLine(), p.layout(),
                mapping, rows, p.problems());
    }

    private static MentionFilePreview failed(String name, Detected d, String problem) {
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
        if (!preview.problems().isEmpty() && mapping == preview.mapping() || preview.headerLine() <= 0) {
            preview.problems().forEach(problems::add);
            if (problems.count == 0) {
                problems.add(name + ": no header row; the file cannot be read");
            }
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
            Detected d = detect(file);
            if (d.problem != null) {
                problems.add(d.problem);
                return problems.refused();
            }
            boolean csv = d.format != Format.XLSX;
            Indexed columns = new Indexed(mapping);
            try (RowStream s = open(file, d, progress, cancelled)) {
                RawRow r;
                boolean afterHeader = false;
                long rows = 0;
                while ((r = s.next()) != null) {
                    if (cancelled.getAsBoolean()) {
                        return new MentionReadResult(List.of(), good, problems.list(), problems.count, false, true);
                    }
                    if (!afterHeader) {
                        afterHeader = r.line >= preview.headerLine();
                        continue;
                    }
                    if (blank(r.cells)) {
                        continue;
                    }
                    if (++rows > MAX_ROWS) {
                        problems.add(name + ":" + r.line + ": more than " + MAX_ROWS
                                + " rows; split the export into smaller files");
                        return problems.refused();
                    }
                    List<String> found = new ArrayList<>();
                    IncomingMention m = mention(name, r.line, r.cells, columns, zone, csv, found);
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
        } catch (Refused e) {
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
        if (c instanceof Refused) {
            return c.getMessage();
        }
        if (c.getCause() instanceof Refused) {
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

    // ================================================================= detection

    /** A whole-file refusal, its message a full problem line. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private static final class Detected {
        Format format;
        Charset charset;
        int bomBytes;
        Character delimiter;
        boolean sepLine;
        String problem;
        long sheetRows = -1;
    }

    private static Detected detect(Path file) throws IOException {
        String name = file.getFileName().toString();
        Detected d = new Detected();
        if (Files.isDirectory(file)) {
            d.problem = name + ": is a folder, not an export file";
            return d;
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            d.problem = String.format(Locale.ROOT, "%s: the file is %.1f MiB; exports up to %d MiB can be imported"
                    + " (split it in the listening tool)", name, size / (1024.0 * 1024.0), MAX_FILE_BYTES / (1024 * 1024));
            return d;
        }
        if (size == 0) {
            d.problem = name + ": the file is empty";
            return d;
        }
        byte[] sample = new byte[(int) Math.min(size, SAMPLE_BYTES)];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(sample, 0, sample.length);
        }
        byte[] s = Arrays.copyOf(sample, n);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean xlsxName = lower.endsWith(".xlsx") || lower.endsWith(".xlsm");
        if (startsWith(s, 0x50, 0x4B, 0x03, 0x04) || startsWith(s, 0x50, 0x4B, 0x05, 0x06)) {
            if (!xlsxName) {
                d.problem = name + ": is a ZIP archive (perhaps an Excel workbook), not CSV text;"
                        + " if it is an Excel workbook, name it .xlsx";
                return d;
            }
            d.format = Format.XLSX;
            d.sheetRows = checkZip(file, name);
            return d;
        }
        if (xlsxName) {
            d.problem = name + ": is not an Excel .xlsx workbook (it is not a ZIP file); export the mentions again";
            return d;
        }
        String kind = binaryKind(s);
        if (kind != null) {
            d.problem = name + ": is " + kind + ", not a CSV or TSV export; choose the exported .csv, .tsv or .xlsx file";
            return d;
        }
        detectCharset(s, n == size, d);
        if (d.problem != null) {
            d.problem = name + ": " + d.problem;
            return d;
        }
        String text = new String(s, d.bomBytes, s.length - d.bomBytes, d.charset);
        if (n < size) {
            int cut = text.lastIndexOf('\n');
            if (cut > 0) { // else one long first line: judge what there is
                text = text.substring(0, cut);
            }
        }
        long control = text.chars().filter(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f'
                || c == 0xFFFD).count();
        if (control > Math.max(2, text.length() / 100)) {
            d.problem = name + ": is not text (it has " + control + " control characters in its first "
                    + text.length() + "); choose the exported .csv, .tsv or .xlsx file";
            return d;
        }
        detectDelimiter(text, d);
        d.format = d.delimiter == '\t' ? Format.TSV : Format.CSV;
        return d;
    }

    private static boolean startsWith(byte[] s, int... magic) {
        if (s.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((s[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String binaryKind(byte[] s) {
        if (startsWith(s, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (startsWith(s, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(s, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (startsWith(s, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(s, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an old Excel .xls (or other Office 97) file; save it as .xlsx or CSV and import that";
        }
        if (startsWith(s, 0x1F, 0x8B)) {
            return "a gzip archive";
        }
        return null;
    }

    private static void detectCharset(byte[] s, boolean whole, Detected d) {
        if (startsWith(s, 0xEF, 0xBB, 0xBF)) {
            d.charset = StandardCharsets.UTF_8;
            d.bomBytes = 3;
            return;
        }
        if (startsWith(s, 0xFF, 0xFE)) {
            d.charset = StandardCharsets.UTF_16LE;
            d.bomBytes = 2;
            return;
        }
        if (startsWith(s, 0xFE, 0xFF)) {
            d.charset = StandardCharsets.UTF_16BE;
            d.bomBytes = 2;
            return;
        }
        int len = Math.min(s.length, 4096) & ~1;
        int evenZero = 0;
        int oddZero = 0;
        for (int i = 0; i < len; i++) {
            if (s[i] == 0) {
                if ((i & 1) == 0) {
                    evenZero++;
                } else {
                    oddZero++;
                }
            }
        }
        int half = Math.max(1, len / 2);
        if (oddZero > half * 3 / 10 && evenZero < half / 20) {
            d.charset = StandardCharsets.UTF_16LE;
            return;
        }
        if (evenZero > half * 3 / 10 && oddZero < half / 20) {
            d.charset = StandardCharsets.UTF_16BE;
            return;
        }
        if (evenZero + oddZero > 0) {
            d.problem = "is not text (it has NUL bytes); choose the exported .csv, .tsv or .xlsx file";
            return;
        }
        if (validUtf8(s, whole)) {
            d.charset = StandardCharsets.UTF_8;
            return;
        }
        d.charset = Charset.forName(legacyCharset(s));
    }

    private static boolean validUtf8(byte[] s, boolean whole) {
        int end = s.length;
        if (!whole) { // the sample may end inside a character
            int i = end - 1;
            int back = 0;
            while (i >= 0 && back < 3 && (s[i] & 0xC0) == 0x80) {
                i--;
                back++;
            }
            if (i >= 0 && (s[i] & 0x80) != 0) {
                end = i;
            }
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            dec.decode(ByteBuffer.wrap(s, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * One of windows-1251, windows-1250, ISO-8859-2 or windows-1252 for text that is not UTF-8: ICU4J's
     * guess restricted to those, then checked against the bytes (ICU is weak on short text): Cyrillic
     * in windows-1251 is runs of bytes from 0xC0; Polish letters have bytes of their own in
     * windows-1250 (ą 0xB9, ś 0x9C, ź 0x9F) and in ISO-8859-2 (ą 0xB1, ś 0xB6, ź 0xBC).
     */
    static String legacyCharset(byte[] s) {
        int high = 0;
        int highInRuns = 0;
        boolean c1 = false;
        boolean cp1250Letters = false;
        boolean latin2Letters = false;
        for (int i = 0; i < s.length; i++) {
            int b = s[i] & 0xFF;
            if (b >= 0x80 && b <= 0x9F) {
                c1 = true;
            }
            if (b == 0xB9 || b == 0x9C || b == 0x9F || b == 0xA5 || b == 0x8C || b == 0x8F) {
                cp1250Letters = true;
            }
            if (b == 0xB1 || b == 0xB6 || b == 0xBC || b == 0xA1 || b == 0xA6 || b == 0xAC) {
                latin2Letters = true;
            }
            if (b >= 0xC0) {
                high++;
                boolean prev = i > 0 && (s[i - 1] & 0xFF) >= 0xC0;
                boolean next = i + 1 < s.length && (s[i + 1] & 0xFF) >= 0xC0;
                if (prev || next) {
                    highInRuns++;
                }
            }
        }
        boolean cyrillic = high >= 4 && highInRuns * 10 >= high * 6;
        String icu = null;
        CharsetDetector detector = new CharsetDetector();
        detector.setText(s);
        for (CharsetMatch m : detector.detectAll()) {
            String n = m.getName();
            if (n.equals("windows-1251") || n.equals("ISO-8859-5") || n.equals("KOI8-R") || n.equals("IBM866")) {
                icu = "windows-1251";
            } else if (n.equals("windows-1250") || n.equals("ISO-8859-2")) {
                icu = c1 ? "windows-1250" : "ISO-8859-2";
            } else if (n.equals("windows-1252") || n.equals("ISO-8859-1")) {
                icu = "windows-1252";
            }
            if (icu != null) {
                break;
            }
        }
        if (cyrillic) {
            return "windows-1251";
        }
        if ("windows-1251".equals(icu)) {
            icu = null; // no Cyrillic runs: ICU guessed from too little text
        }
        if (cp1250Letters && c1) {
            return "windows-1250";
        }
        if (latin2Letters && !c1 && !"windows-1252".equals(icu)) {
            return "ISO-8859-2";
        }
        if (cp1250Letters && !latin2Letters) {
            return "windows-1250";
        }
        return icu != null ? icu : "windows-1252";
    }

    private static void detectDelimiter(String text, Detected d) {
        String body = text;
        if (body.startsWith("\uFEFF")) {
            body = body.substring(1);
        }
        if (body.regionMatches(true, 0, "sep=", 0, 4) && body.length() > 4 && body.charAt(4) != '\r'
                && body.charAt(4) != '\n') {
            d.delimiter = body.charAt(4);
            d.sepLine = true;
            return;
        }
        char best = ',';
        long bestScore = -1;
        for (char c : DELIMITERS) {
            long score = delimiterScore(body, c);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        d.delimiter = best;
    }

    /** A header found with it counts most, then how many rows have the same number of cells (more than one). */
    private static long delimiterScore(String text, char delimiter) {
        List<Integer> sizes = new ArrayList<>();
        int header = 0;
        try (CSVParser p = CSVParser.builder().setReader(new java.io.StringReader(text)).setFormat(format(delimiter))
                .get()) {
            int n = 0;
            for (CSVRecord r : p) {
                if (++n > 200) {
                    break;
                }
                sizes.add(r.size());
                if (header == 0 && n <= HEADER_SEARCH_ROWS) {
                    header = MentionColumns.headerScore(Arrays.asList(r.values()));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // not this delimiter, or an unclosed quote at the cut: what was read counts
        }
        Map<Integer, Long> counts = new java.util.HashMap<>();
        for (int s : sizes) {
            if (s > 1) {
                counts.merge(s, 1L, Long::sum);
            }
        }
        long consistent = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return header * 100_000L + consistent;
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).setTrim(false)
                .setLenientEof(true).setTrailingData(true).get();
    }

    /** Checks every entry of an XLSX against the bomb limits by inflating it; returns the rows of sheet1 (-1 unknown). */
    private static long checkZip(Path file, String name) throws IOException {
        long sheetRows = -1;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_XLSX_ENTRIES) {
                throw new Refused(name + ": the workbook has " + zip.size() + " parts; at most " + MAX_XLSX_ENTRIES
                        + " are read");
            }
            boolean workbook = false;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            byte[] buf = new byte[64 * 1024];
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                workbook |= e.getName().equals("xl/workbook.xml");
                boolean sheet1 = e.getName().equals("xl/worksheets/sheet1.xml");
                long compressed = Math.max(1, e.getCompressedSize());
                long inflated = 0;
                long rows = 0;
                try (InputStream in = zip.getInputStream(e)) {
                    int r;
                    while ((r = in.read(buf)) > 0) {
                        inflated += r;
                        if (inflated > MAX_XLSX_ENTRY_BYTES) {
                            throw new Refused(name + ": the workbook part " + e.getName() + " inflates past "
                                    + MAX_XLSX_ENTRY_BYTES / (1024 * 1024) + " MiB (a zip bomb?); it is not read");
                        }
                        if (inflated > 1024 * 1024 && inflated > compressed * MAX_XLSX_RATIO) {
                            throw new Refused(name + ": the workbook part " + e.getName() + " inflates more than "
                                    + MAX_XLSX_RATIO + " times its compressed size (a zip bomb?); it is not read");
                        }
                        if (sheet1) {
                            for (int i = 0; i < r; i++) {
                                if (buf[i] == '<' && i + 4 < r && buf[i + 1] == 'r' && buf[i + 2] == 'o'
                                        && buf[i + 3] == 'w' && (buf[i + 4] == ' ' || buf[i + 4] == '>')) {
                                    rows++; // a <row split across two reads is not counted: total is an estimate
                                }
                            }
                        }
                    }
                }
                if (sheet1) {
                    sheetRows = rows;
                }
            }
            if (!workbook) {
                throw new Refused(name + ": is a ZIP file but not an Excel workbook (it has no xl/workbook.xml)");
            }
        } catch (ZipException e) {
            throw new Refused(name + ": is not a readable .xlsx workbook (" + e.getMessage() + ")");
        }
        return sheetRows;
    }

    // ================================================================= row streams

    private record RawRow(long line, List<String> cells) {
    }

    private interface RowStream extends Closeable {
        /** The next row, or null at the end. */
        RawRow next() throws IOException;

        long done();

        long total();
    }

    private static RowStream open(Path file, Detected d, Progress progress, BooleanSupplier cancelled)
            throws IOException {
        return d.format == Format.XLSX ? new XlsxRows(file, d, progress) : new CsvRows(file, d, progress);
    }

    /** Bytes read so far. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Refuses a record (characters since the last line break outside double quotes) over the limit. */
    private static final class RecordLimit extends FilterReader {
        private final String name;
        private long sinceBreak;
        private boolean quoted;
        private long line = 1;

        RecordLimit(Reader in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n = super.read(cbuf, off, len);
            for (int i = off; i < off + Math.max(n, 0); i++) {
                char c = cbuf[i];
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\n') {
                    line++;
                    if (!quoted) {
                        sinceBreak = 0;
                        continue;
                    }
                }
                if (++sinceBreak > MAX_RECORD_CHARS) {
                    throw new Refused(name + ":" + line + ": a row longer than " + MAX_RECORD_CHARS
                            + " characters (a quote that is never closed, or not an export); it is not read");
                }
            }
            return n;
        }
    }

    private static final class CsvRows implements RowStream {
        private final Counting bytes;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final long total;
        private final String name;
        private final Progress progress;
        private long lastLine;
        private long sepLines;
        private int sinceProgress;

        CsvRows(Path file, Detected d, Progress progress) throws IOException {
            this.name = file.getFileName().toString();
            this.total = Files.size(file);
            this.progress = progress;
            this.bytes = new Counting(new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
            boolean ok = false;
            try {
                bytes.skipNBytes(d.bomBytes);
                CharsetDecoder dec = d.charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
                Reader reader = new RecordLimit(new InputStreamReader(bytes, dec), name);
                if (d.sepLine) {
                    int c;
                    while ((c = reader.read()) >= 0 && c != '\n') {
                        // the sep= line
                    }
                    lastLine = 1;
                    sepLines = 1;
                }
                this.parser = CSVParser.builder().setReader(reader).setFormat(format(d.delimiter)).get();
                this.records = parser.iterator();
                ok = true;
            } finally {
                if (!ok) {
                    bytes.close();
                }
            }
        }

        @Override
        public RawRow next() throws IOException {
            CSVRecord r;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                r = records.next();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (IllegalStateException e) {
                throw new Refused(name + ":" + (lastLine + 1) + ": not readable as CSV (" + e.getMessage() + ")");
            }
            long start = lastLine + 1;
            lastLine = Math.max(start, parser.getCurrentLineNumber() + sepLines);
            if (r.size() > MAX_COLUMNS) {
                throw new Refused(name + ":" + start + ": a row with " + r.size() + " cells; at most " + MAX_COLUMNS
                        + " columns are read");
            }
            if (++sinceProgress >= 256) {
                sinceProgress = 0;
                progress.update(bytes.count, total);
            }
            return new RawRow(start, Arrays.asList(r.values()));
        }

        @Override
        public long done() {
            return bytes.count;
        }

        @Override
        public long total() {
            return total;
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    private static final class XlsxRows implements RowStream {
        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
        private final ReadableWorkbook workbook;
        private final Stream<org.dhatim.fastexcel.reader.Row> stream;
        private final Iterator<org.dhatim.fastexcel.reader.Row> rows;
        private final long total;
        private final Progress progress;
        private final String name;
        private long done;

        XlsxRows(Path file, Detected d, Progress progress) throws IOException {
            this.name = file.getFileName().toString();
            this.total = d.sheetRows;
            this.progress = progress;
            File f = file.toFile();
            this.workbook = new ReadableWorkbook(f, new ReadingOptions(true, false));
            boolean ok = false;
            try {
                Sheet sheet = workbook.getSheets().findFirst()
                        .orElseThrow(() -> new Refused(name + ": the workbook has no sheets"));
                this.stream = sheet.openStream();
                this.rows = stream.iterator();
                ok = true;
            } finally {
                if (!ok) {
                    workbook.close();
                }
            }
        }

        @Override
        public RawRow next() throws IOException {
            if (!rows.hasNext()) {
                return null;
            }
            org.dhatim.fastexcel.reader.Row r = rows.next();
            int n = r.getCellCount();
            if (n > MAX_COLUMNS) {
                throw new Refused(name + ":" + r.getRowNum() + ": a row with " + n + " cells; at most " + MAX_COLUMNS
                        + " columns are read");
            }
            List<String> cells = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                cells.add(text(r.getCell(i)));
            }
            if (++done % 256 == 0) {
                progress.update(done, total);
            }
            return new RawRow(r.getRowNum(), cells);
        }

        private String text(Cell c) {
            if (c == null || c.getType() == CellType.EMPTY) {
                return "";
            }
            if (c.getType() == CellType.NUMBER && isDateFormat(c.getDataFormatId(), c.getDataFormatString())) {
                double v = c.asNumber().doubleValue();
                LocalDateTime t = MentionValues.excelSerial(v, workbook.isDate1904());
                if (v < 1) {
                    return t.format(TIME);
                }
                return v == Math.floor(v) ? t.format(DATE) : t.format(DATE_TIME);
            }
            if (c.getType() == CellType.NUMBER) {
                return c.asNumber().toPlainString();
            }
            String t = c.getText();
            return t == null ? "" : t;
        }

        @Override
        public long done() {
            return done;
        }

        @Override
        public long total() {
            return total;
        }

        @Override
        public void close() throws IOException {
            try {
                stream.close();
            } finally {
                workbook.close();
            }
        }
    }

    private static final java.util.regex.Pattern FORMAT_LITERALS =
            java.util.regex.Pattern.compile("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.");
    private static final java.util.regex.Pattern DATE_PARTS = java.util.regex.Pattern.compile("[dmyhsDMYHS]");

    /** Whether an Excel number format shows a date or time (built-in ids 14-22 and 45-47, or d, m, y, h, s outside quotes). */
    static boolean isDateFormat(Integer id, String format) {
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
            return true;
        }
        if (format == null) {
            return false;
        }
        String f = FORMAT_LITERALS.matcher(format).replaceAll("");
        if (f.equalsIgnoreCase("general")) {
            return false;
        }
        return DATE_PARTS.matcher(f).find();
    }
}

package io.crisisconsole.inbox;

import static io.crisisconsole.inbox.MentionFileReader.MAX_COLUMNS;
import static io.crisisconsole.inbox.MentionFileReader.MAX_RECORD_CHARS;

import io.crisisconsole.inbox.MentionFilePreview.Format;
import io.crisisconsole.inbox.MentionFileReader.Progress;
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
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The rows of an export one at a time, as lists of cell texts with their line (CSV/TSV: the physical
 * line a record starts on; XLSX: the row number): CSV through Commons CSV over a decoding reader
 * that refuses a record over {@link MentionFileReader#MAX_RECORD_CHARS}; XLSX through fastexcel's
 * streaming reader, date-styled numbers as ISO text ({@code 2026-03-14 08:00:00}).
 */
final class MentionRows {

    private MentionRows() {
    }


    record RawRow(long line, List<String> cells) {
    }

    interface RowStream extends Closeable {
        /** The next row, or null at the end. */
        RawRow next() throws IOException;

        long done();

        long total();
    }

    static RowStream open(Path file, MentionFileFormat.Detected d, Progress progress)
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
                    throw new MentionFileFormat.Refused(name + ":" + line + ": a row longer than " + MAX_RECORD_CHARS
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

        CsvRows(Path file, MentionFileFormat.Detected d, Progress progress) throws IOException {
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
                this.parser = CSVParser.builder().setReader(reader).setFormat(MentionFileFormat.csvFormat(d.delimiter)).get();
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
                throw new MentionFileFormat.Refused(name + ":" + (lastLine + 1) + ": not readable as CSV (" + e.getMessage() + ")");
            }
            long start = lastLine + 1;
            lastLine = Math.max(start, parser.getCurrentLineNumber() + sepLines);
            if (r.size() > MAX_COLUMNS) {
                throw new MentionFileFormat.Refused(name + ":" + start + ": a row with " + r.size() + " cells; at most " + MAX_COLUMNS
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

        XlsxRows(Path file, MentionFileFormat.Detected d, Progress progress) throws IOException {
            this.name = file.getFileName().toString();
            this.total = d.sheetRows;
            this.progress = progress;
            File f = file.toFile();
            this.workbook = new ReadableWorkbook(f, new ReadingOptions(true, false));
            boolean ok = false;
            try {
                Sheet sheet = workbook.getSheets().findFirst()
                        .orElseThrow(() -> new MentionFileFormat.Refused(name + ": the workbook has no sheets"));
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
                throw new MentionFileFormat.Refused(name + ":" + r.getRowNum() + ": a row with " + n + " cells; at most " + MAX_COLUMNS
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

package io.crisisconsole.inbox;

import static io.crisisconsole.inbox.MentionFileReader.HEADER_SEARCH_ROWS;
import static io.crisisconsole.inbox.MentionFileReader.MAX_FILE_BYTES;
import static io.crisisconsole.inbox.MentionFileReader.MAX_XLSX_ENTRIES;
import static io.crisisconsole.inbox.MentionFileReader.MAX_XLSX_ENTRY_BYTES;
import static io.crisisconsole.inbox.MentionFileReader.MAX_XLSX_RATIO;
import static io.crisisconsole.inbox.MentionFileReader.MAX_XLSX_SHARED_STRINGS_BYTES;
import static io.crisisconsole.inbox.MentionFileReader.SAMPLE_BYTES;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import io.crisisconsole.inbox.MentionFilePreview.Format;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * How an export file is written, found from its first 64 KiB (and, for an XLSX, by inflating every
 * part once against the zip-bomb limits): CSV, TSV or XLSX; the encoding (BOM; UTF-16 by its zero
 * bytes; strict UTF-8; else ICU4J's guess restricted to windows-1251, windows-1250, ISO-8859-2 and
 * windows-1252 and checked against the bytes); the delimiter ({@code sep=} line, else the one
 * with which a header row is found and most rows have the same number of cells); or why the file
 * is not an export at all (binary, empty, too large).
 */
final class MentionFileFormat {

    private MentionFileFormat() {
    }

    private static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');


    /** A whole-file refusal, its message a full problem line. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    static final class Detected {
        Format format;
        Charset charset;
        int bomBytes;
        Character delimiter;
        boolean sepLine;
        String problem;
        long sheetRows = -1;
    }

    static Detected detect(Path file) throws IOException {
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
        try (CSVParser p = CSVParser.builder().setReader(new java.io.StringReader(text)).setFormat(csvFormat(delimiter))
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

    static CSVFormat csvFormat(char delimiter) {
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
                boolean sharedStrings = e.getName().equals("xl/sharedStrings.xml");
                long compressed = Math.max(1, e.getCompressedSize());
                long inflated = 0;
                long rows = 0;
                try (InputStream in = zip.getInputStream(e)) {
                    int r;
                    while ((r = in.read(buf)) > 0) {
                        inflated += r;
                        if (sharedStrings && inflated > MAX_XLSX_SHARED_STRINGS_BYTES) {
                            throw new Refused(name + ": the workbook's shared strings inflate past "
                                    + MAX_XLSX_SHARED_STRINGS_BYTES / (1024 * 1024) + " MiB; it is not read"
                                    + " (export fewer mentions per file)");
                        }
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
}

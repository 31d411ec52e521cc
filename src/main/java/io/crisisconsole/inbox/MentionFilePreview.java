package io.crisisconsole.inbox;

import java.util.List;

/**
 * What the reader found at the top of an export, before reading it all: how it is written, where its
 * header is, the guessed mapping and how the first rows read with it.
 *
 * @param fileName the file's name (in problem lines)
 * @param format CSV (any delimiter but a tab), TSV or XLSX
 * @param encoding the charset name ({@code UTF-8}, {@code UTF-16LE}, {@code windows-1251}...); null for XLSX
 * @param delimiter the field delimiter; null for XLSX
 * @param headerLine the line (XLSX: row) of the header, 1-based; 0 when none was found
 * @param layout the name of the known layout ({@code Meltwater}...), or null
 * @param mapping the guessed mapping; null when no header was found
 * @param rows the first rows after the header, raw and as read with {@code mapping}
 * @param problems why the file cannot be read at all (not text, too large, no header...); empty when it can
 */
public record MentionFilePreview(String fileName, Format format, String encoding, Character delimiter,
        long headerLine, String layout, MentionColumnMapping mapping, List<Row> rows, List<String> problems) {

    public enum Format {
        CSV, TSV, XLSX
    }

    /** One row: its cells as in the file, and the mention it makes or the problems that stop it. */
    public record Row(long line, List<String> cells, IncomingMention mention, List<String> problems) {
        public Row {
            cells = List.copyOf(cells);
            problems = List.copyOf(problems);
        }
    }

    public MentionFilePreview {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** Whether the file can be read (it may still have rows with problems). */
    public boolean readable() {
        return problems.isEmpty() && mapping != null;
    }
}

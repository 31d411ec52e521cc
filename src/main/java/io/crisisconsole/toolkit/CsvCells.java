package io.crisisconsole.toolkit;

import java.io.IOException;
import java.util.List;

/**
 * How every CSV file the app writes keeps a spreadsheet from running a cell as a formula
 * (OWASP "CSV injection"), and how reading such a file gives back exactly what was written.
 *
 * <p>The rule, both ways:
 * <ul>
 * <li>Writing: a value that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return (a <em>trigger</em>), or with one or more {@code '} followed by a trigger, gets
 * one more {@code '} in front, and its cell is always in double quotes. Spreadsheets show the
 * value as text (they hide the first {@code '}).</li>
 * <li>Reading: a cell that starts with one or more {@code '} followed by a trigger loses exactly
 * one {@code '}. Any other cell is read as it is.</li>
 * </ul>
 * So {@code +48 600 100 200} is written {@code "'+48 600 100 200"} and read back as
 * {@code +48 600 100 200}; {@code '=x} is written {@code "''=x"} and read back as {@code '=x};
 * {@code 'quoted'} has no trigger after its quote and is written and read as it is. A file from
 * another program with a raw {@code +48 600 100 200} or {@code @handle} (no {@code '} in front) is
 * read as it is.
 *
 * <p>Records are written as RFC 4180: comma-separated, CRLF after each, a cell in double quotes
 * (doubled inside) when it holds a comma, a quote or a line break, is neutralised, is empty at the
 * start of a record, starts with a character up to {@code #} or ends with a space, as Apache
 * Commons CSV does.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** Whether {@code c} makes a spreadsheet read the cell as a formula when it comes first. */
    public static boolean isTrigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Whether {@code value} starts with zero or more {@code '} and then a trigger. */
    private static boolean quotesThenTrigger(String value, int minQuotes) {
        int i = 0;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        return i >= minQuotes && i < value.length() && isTrigger(value.charAt(i));
    }

    /** Whether {@link #neutralise} changes {@code value}. */
    public static boolean needsNeutralising(String value) {
        return value != null && quotesThenTrigger(value, 0);
    }

    /** The value as written into a cell: one {@code '} more in front when it needs it. */
    public static String neutralise(String value) {
        return needsNeutralising(value) ? "'" + value : value;
    }

    /** The value a cell read from a file stands for: one {@code '} less when the app put it there. */
    public static String restore(String cell) {
        return cell != null && quotesThenTrigger(cell, 1) ? cell.substring(1) : cell;
    }

    /** Writes one record of values (null as empty), neutralised and quoted, with CRLF. */
    public static void writeRecord(Appendable out, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values.get(i) == null ? "" : values.get(i);
            boolean neutralised = needsNeutralising(v);
            String cell = neutralised ? "'" + v : v;
            if (neutralised || needsQuotes(cell, i == 0)) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }

    private static boolean needsQuotes(String cell, boolean first) {
        if (cell.isEmpty()) {
            return first;
        }
        if (cell.charAt(0) <= '#' || cell.charAt(cell.length() - 1) <= ' ') {
            return true;
        }
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}

package io.crisisconsole.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Issue 9, point 6: formula cells neutralised on writing, and exactly restored on reading. */
class CsvCellsTest {

    static final List<String> NAMED = List.of("'", "''", "''=", "'=", "'+x", "=", "+", "-", "@", "\t", "\r",
            "+48 600 100 200", "-5", "@brand", "=HYPERLINK(\"http://x\")", "=cmd|' /C notepad'!A1", "+cmd|' /C calc'!A0",
            "@SUM(1+1)", "\tstarts with tab", "\rstarts with CR", "'quoted'", "it's", "a=b", "", " =lead", "x,y",
            "\"=q\"", "line\nbreak", "'''-", "'a'", "''''@x");

    /** What a spreadsheet would run: a cell whose text starts with a trigger. */
    static boolean runnable(String cell) {
        return !cell.isEmpty() && CsvCells.isTrigger(cell.charAt(0));
    }

    static List<String> readBack(String csv) throws IOException {
        List<String> out = new ArrayList<>();
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(csv)).setFormat(CSVFormat.RFC4180).get()) {
            for (CSVRecord r : p) {
                for (String cell : r.values()) {
                    assertThat(runnable(cell)).as("cell %s as a spreadsheet reads it", cell).isFalse();
                    out.add(CsvCells.restore(cell));
                }
            }
        }
        return out;
    }

    String roundTrip(List<String> values) throws IOException {
        StringBuilder csv = new StringBuilder();
        CsvCells.writeRecord(csv, values);
        List<String> back = readBack(csv.toString());
        assertThat(back).as("read back from %s", csv).isEqualTo(values);
        return csv.toString();
    }

    @Test
    void namedValuesAreNeutralisedQuotedAndComeBackExactly() throws IOException {
        for (String v : NAMED) {
            roundTrip(List.of(v, v, "tail"));
        }
        assertThat(roundTrip(List.of("+48 600 100 200", "=cmd|' /C notepad'!A1", "'=x", "'quoted'", "plain")))
                .isEqualTo("\"'+48 600 100 200\",\"'=cmd|' /C notepad'!A1\",\"''=x\",'quoted',plain\r\n");
    }

    @Test
    void generatedValuesRoundTrip() throws IOException {
        char[] alphabet = {'\'', '\'', '=', '+', '-', '@', '\t', '\r', '\n', ',', '"', ' ', 'a', 'Z', '1', 'ż', '#', '|'};
        Random random = new Random(9);
        for (int round = 0; round < 20_000; round++) {
            List<String> values = new ArrayList<>();
            int cells = 1 + random.nextInt(4);
            for (int c = 0; c < cells; c++) {
                StringBuilder v = new StringBuilder();
                int length = random.nextInt(7);
                for (int i = 0; i < length; i++) {
                    v.append(alphabet[random.nextInt(alphabet.length)]);
                }
                values.add(v.toString());
            }
            roundTrip(values);
        }
    }

    @Test
    void cellsFromOtherProgramsWithoutTheAppsQuoteAreReadAsTheyAre() {
        for (String raw : List.of("+48 600 100 200", "@handle", "-5", "=1+1", "'quoted'", "it's", "'", "''")) {
            assertThat(CsvCells.restore(raw)).isEqualTo(raw);
        }
        // a quote that a spreadsheet put before a formula is the same convention: the value without it
        assertThat(CsvCells.restore("'+48 600 100 200")).isEqualTo("+48 600 100 200");
    }
}

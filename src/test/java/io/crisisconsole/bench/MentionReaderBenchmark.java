package io.crisisconsole.bench;

import io.crisisconsole.inbox.MentionFilePreview;
import io.crisisconsole.inbox.MentionFileReader;
import io.crisisconsole.inbox.MentionReadResult;
import io.crisisconsole.inbox.XlsxFixture;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 10.5: how long reading a 15,000-row export takes (preview, then every row), CSV and XLSX,
 * the fastest of 5 runs after 3 warm-ups. Figures {@code import.read-csv-15k} and
 * {@code import.read-xlsx-15k}, against the whole import's 2 s (issue 10; the reading is part of it,
 * {@link InboxBenchmark} times the storing); with {@code --quick}: 1,500 rows, 2 runs after 1. Run: {@code mvn -B -q test-compile && java -cp
 * "target/test-classes:target/classes:$(cat cp.txt)" io.crisisconsole.bench.MentionReaderBenchmark}
 * (classpath from {@code dependency:build-classpath -Dmdep.outputFile=cp.txt}). With
 * {@code --count FILE} it reads FILE once through a sink that only counts, and prints the count:
 * {@code MentionReaderMemoryTest} runs that in a JVM with a small heap.
 */
public final class MentionReaderBenchmark {

    static final int ROWS = 15_000;

    private MentionReaderBenchmark() {
    }

    /** A Brandwatch-shaped CSV of {@code rows} mentions (UTF-8 with BOM, a preamble, quoted text with line breaks). */
    static void writeCsv(Path file, int rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write("Brandwatch Report\r\n\"Query Name:\",\"Acme outage\"\r\n\r\n");
            w.write("Query Id,Query Name,Date,Title,Url,Domain,Sentiment,Page Type,Language,Country,Author,Full Name,"
                    + "Full Text,Thread Id,Twitter Followers,Resource Id\r\n");
            for (int i = 0; i < rows; i++) {
                w.write("1998,Acme outage,2026-03-14 " + String.format("%02d:%02d:%02d", i / 3600 % 24, i / 60 % 60, i % 60)
                        + ".0,,https://twitter.com/user" + i + "/status/" + (1_000_000 + i) + ",twitter.com,"
                        + (i % 3 == 0 ? "negative" : i % 3 == 1 ? "neutral" : "positive") + ",twitter,en,Poland,user"
                        + i + ",User " + i + ",\"@acme mention number " + i
                        + " says the app is down again, \"\"why\"\"?\r\nsecond line " + i + "\","
                        + (i % 10 == 0 ? "" : Integer.toString(1_000_000 + i - 1)) + ",\"" + (i * 37 % 100_000)
                        + "\"," + (1_000_000 + i) + "\r\n");
            }
        }
    }

    static void writeXlsx(Path file, int rows) throws IOException {
        List<List<Object>> sheet = new ArrayList<>(rows + 1);
        sheet.add(List.of("ID", "Date", "Hour", "Title", "Content", "Source", "Author", "Sentiment", "Influence Score",
                "Reach", "Url"));
        for (int i = 0; i < rows; i++) {
            sheet.add(List.of("b24-" + i, new XlsxFixture.DateCell(46095 + i / 5000), String.format("%02d:%02d:00",
                    i / 60 % 24, i % 60), "", "Mention " + i + " about the Acme outage, line one\nline two " + i,
                    "twitter.com", "author" + i, i % 2 == 0 ? "negative" : "positive", i % 10, i * 13 % 50_000,
                    "https://twitter.com/a" + i + "/status/" + i));
        }
        XlsxFixture.write(file, sheet);
    }

    static long read(Path file) {
        MentionFilePreview p = MentionFileReader.preview(file, ZoneOffset.UTC);
        if (!p.readable()) {
            throw new IllegalStateException(String.join("\n", p.problems()));
        }
        AtomicLong n = new AtomicLong();
        MentionReadResult r = MentionFileReader.read(file, p, p.mapping(), ZoneOffset.UTC,
                MentionFileReader.Progress.none(), () -> false, m -> n.incrementAndGet());
        if (r.problemCount() > 0) {
            throw new IllegalStateException(String.join("\n", r.problems()));
        }
        return n.get();
    }

    /** The fastest of {@code runs} reads of a file of {@code rows} after {@code warmups}. */
    private static double bestMillis(Path file, int rows, int warmups, int runs) throws Exception {
        return Benchmarks.time(warmups, runs, () -> {
            long n = read(file);
            if (n != rows) {
                throw new IllegalStateException(n + " mentions, expected " + rows);
            }
        }).min();
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--count")) {
            System.out.println("mentions: " + read(Path.of(args[1])));
            return;
        }
        Path dir = Files.createTempDirectory("mention-bench");
        Path csv = dir.resolve("mentions.csv");
        Path xlsx = dir.resolve("mentions.xlsx");
        int rows = Benchmarks.size(args, ROWS, 1_500);
        int warmups = Benchmarks.size(args, 3, 1);
        int runs = Benchmarks.size(args, 5, 2);
        try {
            writeCsv(csv, rows);
            writeXlsx(xlsx, rows);
            for (Path file : List.of(csv, xlsx)) {
                String kind = file == csv ? "csv" : "xlsx";
                double ms = bestMillis(file, rows, warmups, runs);
                System.out.printf(Locale.ROOT, "%-4s %,d rows, %,d bytes: %.0f ms%n", kind.toUpperCase(Locale.ROOT), rows,
                        Files.size(file), ms);
                BenchFigure.atMost("import.read-" + kind + "-" + Benchmarks.count(rows), ms, "ms",
                        InboxBenchmark.IMPORT_TARGET_MS).print();
            }
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(xlsx);
            Files.deleteIfExists(dir);
        }
    }
}

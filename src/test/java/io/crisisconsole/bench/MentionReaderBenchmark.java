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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 10.5: how long reading a 15,000-row export takes (preview, then every row), CSV and XLSX,
 * the fastest of 5 runs after 3 warm-ups. Run: {@code mvn -B -q test-compile && java -cp
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

    private static long bestMillis(Path file) {
        for (int i = 0; i < 3; i++) {
            read(file);
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            long n = read(file);
            best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
            if (n != ROWS) {
                throw new IllegalStateException(n + " mentions, expected " + ROWS);
            }
        }
        return best;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--count")) {
            System.out.println("mentions: " + read(Path.of(args[1])));
            return;
        }
        Path dir = Files.createTempDirectory("mention-bench");
        Path csv = dir.resolve("mentions.csv");
        Path xlsx = dir.resolve("mentions.xlsx");
        try {
            writeCsv(csv, ROWS);
            writeXlsx(xlsx, ROWS);
            System.out.printf("CSV  %,d rows, %,d bytes: %d ms%n", ROWS, Files.size(csv), bestMillis(csv));
            System.out.printf("XLSX %,d rows, %,d bytes: %d ms%n", ROWS, Files.size(xlsx), bestMillis(xlsx));
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(xlsx);
            Files.deleteIfExists(dir);
        }
    }
}

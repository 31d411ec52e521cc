package io.crisisconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10.1, hostile files: reading streams. A CSV export of about 100 MB (near the 128 MiB file
 * limit) is read in a separate JVM whose heap is capped at 32 MiB, through a sink that keeps
 * nothing; an OutOfMemoryError there fails the test.
 */
class MentionReaderMemoryTest {

    @TempDir
    Path tmp;

    @Test
    void aHundredMegabyteExportIsReadWithin32MibOfHeap() throws Exception {
        Path csv = tmp.resolve("big.csv");
        int rows = 430_000;
        MentionReaderBenchmark.writeCsv(csv, rows);
        assertThat(Files.size(csv)).isGreaterThan(90L * 1024 * 1024);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), MentionReaderBenchmark.class.getName(), "--count",
                csv.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("mentions: " + rows).doesNotContain("OutOfMemoryError");
    }
}

package io.crisisconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9.8, memory: a 1 MiB input must not need more than a few tens of MiB. Every worst case of
 * every reader is written here, then judged in a separate JVM whose heap is capped at 64 MiB; an
 * OutOfMemoryError there fails the test.
 */
class ReaderMemoryTest {

    @TempDir
    Path tmp;

    @Test
    void everyWorstCaseIsJudgedWithin64MibOfHeap() throws Exception {
        ReaderBenchmark.writeAll(tmp);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), ReaderBenchmark.class.getName(), "--judge", tmp.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("0-unknown-top.yaml: ", "2-cards.vcf: accepted", "5-big.json: defaults", "judged ")
                .doesNotContain("OutOfMemoryError", "threw ");
    }
}

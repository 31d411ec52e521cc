package io.crisisconsole.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crisisconsole.testsupport.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command line in-process with captured output, a test environment and a fixed clock. */
abstract class CliTestBase {

    @TempDir
    Path tmp;
    final Map<String, String> env = new HashMap<>();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    final ObjectMapper json = new ObjectMapper();

    record Result(int exit, String out, String err) {
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(new PrintWriter(out, true), new PrintWriter(err, true), env, tmp.resolve("home").toString(),
                clock);
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    String data() {
        return tmp.resolve("data").toString();
    }
}

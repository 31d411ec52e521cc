package io.crisisconsole.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * An X server of its own (Xvfb) for one test, on a display number Xvfb picks; the test is skipped
 * (not failed) where Xvfb is not installed. {@code .ci/run} installs it where it can.
 */
final class XvfbDisplay implements AutoCloseable {

    private final Process xvfb;
    private final String display;

    private XvfbDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /** Starts Xvfb with a {@code width x height x 24} screen, or skips the test. */
    static XvfbDisplay start(int width, int height) throws IOException {
        Path binary = onPath("Xvfb");
        Assumptions.assumeTrue(binary != null, "Xvfb is not installed (apt-get install xvfb xauth libgtk-3-0 libxtst6)");
        // -displayfd 1: Xvfb picks a free display number and writes it to its stdout once it listens
        Process xvfb = new ProcessBuilder(binary.toString(), "-displayfd", "1", "-screen", "0", width + "x" + height + "x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
        String number = out.readLine();
        Assumptions.assumeTrue(number != null && number.strip().matches("\\d+"), "Xvfb did not start");
        return new XvfbDisplay(xvfb, ":" + number.strip());
    }

    /** The {@code DISPLAY} value, {@code :N}. */
    String display() {
        return display;
    }

    /** Ends the X server now (as a lost display does, for the window). */
    void kill() {
        xvfb.destroy();
    }

    @Override
    public void close() throws InterruptedException {
        if (xvfb.isAlive()) {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The executable {@code name} on the PATH, or null. */
    static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}

package io.crisisconsole.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real small disk for tests of a full or read-only disk: a tmpfs mounted on a test folder
 * (needs root, or a machine that allows it; the tests that need one are skipped otherwise), and
 * ways to make a folder read-only ({@code chmod}, which root ignores, else {@code chattr +i}).
 */
public final class SmallDisk implements AutoCloseable {

    private final Path dir;
    private final Path filler;

    /** An entry text of 19,000 characters that do not compress, so that a few of them fill a small disk. */
    public static String incompressibleText(int seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder b = new StringBuilder();
        while (b.length() < 19_000) {
            b.append(Long.toString(random.nextLong(), 36)).append(' ');
        }
        return b.toString();
    }

    private SmallDisk(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve("filler");
    }

    /** Mounts a tmpfs of {@code size} (e.g. "3m") on {@code dir}; skips the test where mounting is refused. */
    public static SmallDisk mount(Path dir, String size) throws Exception {
        Files.createDirectories(dir);
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString()) == 0,
                "mounting a tmpfs is not allowed here");
        return new SmallDisk(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Fills the disk to the last byte with a filler file. */
    public void fill() throws IOException {
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (int block = 1 << 16; block >= 1; block /= 2) {
                byte[] bytes = new byte[block];
                try {
                    while (true) {
                        out.write(bytes);
                        out.flush();
                    }
                } catch (IOException full) {
                    // next, smaller blocks
                }
            }
        } catch (IOException full) {
            // closing flushes nothing more: the disk is full
        }
        if (Files.getFileStore(dir).getUsableSpace() > 0) {
            throw new IllegalStateException("the disk " + dir + " is not full");
        }
    }

    /** Removes the filler: the space is back. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    /** Remounts the disk read-only ({@code true}) or writable again. */
    public void readOnly(boolean readOnly) throws Exception {
        int rc = run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), dir.toString());
        if (rc != 0) {
            throw new IllegalStateException("remount of " + dir + " failed: " + rc);
        }
    }

    @Override
    public void close() throws Exception {
        run("mount", "-o", "remount,rw", dir.toString());
        run("umount", "-l", dir.toString());
    }

    /**
     * Makes {@code folder} not writable for this process: {@code chmod 0500} (enough for an ordinary
     * user), else {@code chattr +i} (root ignores modes); skips the test when neither works.
     *
     * @return what undoes it
     */
    public static AutoCloseable notWritable(Path folder) throws Exception {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        if (!Files.isWritable(folder)) {
            return () -> Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        Assumptions.assumeTrue(run("chattr", "+i", folder.toString()) == 0, "chattr +i is not allowed here");
        Assumptions.assumeFalse(Files.isWritable(folder), "chattr +i did not make the folder read-only");
        return () -> run("chattr", "-i", folder.toString());
    }

    /** Runs a command; its exit code (-1 when it cannot be started or does not end in 20 s). */
    public static int run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}

package io.crisisconsole.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AppCDS archive of the window process: the classes a start loads (JavaFX, H2, Jackson, Jdbi,
 * the app's own), parsed and verified once and then mapped from a file at every later start. Made on
 * the first run of a jar ({@code -XX:ArchiveClassesAtExit} on the window process, written when it
 * ends), used from the second on ({@code -XX:SharedArchiveFile}). One archive per jar and JVM (the
 * jar's path, size and time and the JVM's version are in its name: a new version makes a new one
 * and the old ones are removed), in the user's cache folder: {@code $XDG_CACHE_HOME/crisis-console}
 * or {@code ~/.cache/crisis-console}, {@code %LOCALAPPDATA%\crisis-console} on Windows,
 * {@code ~/Library/Caches/crisis-console} on macOS. It holds class data only, nothing of the store.
 * Only for a run from one jar (a class path of folders cannot be archived);
 * {@code -Dcrisisconsole.cds=false} turns it off.
 */
final class AppCds {

    private static final Logger LOG = LoggerFactory.getLogger(AppCds.class);
    static final String OFF_PROPERTY = "crisisconsole.cds";

    private final Path archive;
    private final Path part;
    private final boolean use;

    AppCds(Path archive, boolean use) {
        this.archive = archive;
        this.part = archive.resolveSibling(archive.getFileName() + ".part");
        this.use = use;
    }

    /** The archive for this JVM's class path, or null when there is none to make or use. */
    static AppCds forThisJvm() {
        if ("false".equalsIgnoreCase(System.getProperty(OFF_PROPERTY))) {
            return null;
        }
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        try {
            Path jar = Path.of(classPath).toAbsolutePath();
            String key = jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
                    + System.getProperty("java.vm.version");
            Path dir = cacheFolder();
            Path archive = dir.resolve(String.format(Locale.ROOT, "appcds-%08x.jsa", key.hashCode()));
            return new AppCds(archive, Files.isRegularFile(archive) && Files.size(archive) > 0);
        } catch (IOException | RuntimeException e) {
            LOG.warn("No AppCDS archive: {}", e.toString());
            return null;
        }
    }

    static Path cacheFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        String local = System.getenv("LOCALAPPDATA");
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (os.startsWith("windows") && local != null && !local.isBlank()) {
            return Path.of(local, "crisis-console");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Caches", "crisis-console");
        }
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "crisis-console");
        }
        return Path.of(home, ".cache", "crisis-console");
    }

    /** The window process's JVM options: use the archive, or make it when that process ends. */
    List<String> jvmOptions() {
        if (use) {
            // a stale archive (another JVM build) is refused by the JVM, which then starts without it, silently
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        try {
            Files.createDirectories(part.getParent());
            Files.deleteIfExists(part);
        } catch (IOException e) {
            LOG.warn("No AppCDS archive: {} cannot be written ({})", part, e.toString());
            return List.of();
        }
        return List.of("-XX:ArchiveClassesAtExit=" + part, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * After the window process ended: a finished archive takes its place (the JVM writes it as it
     * exits; an end without that, a crash or a lost display, leaves none or a part that is removed),
     * and the archives of other jars are removed.
     */
    synchronized void windowEnded(int exitCode) {
        if (use) {
            return;
        }
        try {
            // ended on its own, or by SIGTERM/SIGHUP through its handler (System.exit, which writes the archive)
            boolean wrote = exitCode == 0 || exitCode == 128 + 15 || exitCode == 128 + 1;
            if (wrote && Files.isRegularFile(part) && Files.size(part) > 0) {
                Files.move(part, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("AppCDS archive written: {} ({} KB)", archive, Files.size(archive) / 1024);
                removeOthers();
            } else {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            LOG.warn("The AppCDS archive {} could not be kept: {}", archive, e.toString());
        }
    }

    private void removeOthers() throws IOException {
        try (DirectoryStream<Path> all = Files.newDirectoryStream(archive.getParent(), "appcds-*.jsa")) {
            for (Path p : all) {
                if (!p.equals(archive)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}

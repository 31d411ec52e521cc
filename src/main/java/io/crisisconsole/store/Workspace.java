package io.crisisconsole.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner-only folders, and scratch folders inside the data folder (same file system, so the final rename is atomic; owner
 * only, like the data folder).
 */
final class Workspace {

    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    private Workspace() {
    }

    static Path create(DataHome home, String purpose) {
        return ownerOnlyFolder(home.dir().resolve(purpose + "-" + System.currentTimeMillis()));
    }

    /** Creates the folder if needed and makes it readable by its owner only (0700) where POSIX applies. */
    static Path ownerOnlyFolder(Path dir) {
        try {
            Files.createDirectories(dir);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return dir;
        } catch (IOException e) {
            Path existing = dir;
            while (existing.getParent() != null && !Files.isDirectory(existing)) {
                existing = existing.getParent();
            }
            throw StoreFailures.classify(new DataHome(existing), e, "the folder " + dir + " cannot be made").orElseGet(() ->
                    new StoreException(StoreException.Problem.FOLDER_NOT_WRITABLE,
                            "Cannot create the folder " + dir + ": " + e.getMessage(), e));
        }
    }

    static void delete(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Cannot delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot clean up {}: {}", dir, e.getMessage());
        }
    }
}

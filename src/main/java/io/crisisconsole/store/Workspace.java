package io.crisisconsole.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner-only folders and files, scratch folders inside the data folder (same file system, so the final rename is atomic;
 * owner only, like the data folder), and shredding: work files that may hold data are overwritten with zeros, forced to
 * the disk, and only then deleted. On an SSD or a copy-on-write file system the old blocks may survive the overwrite
 * (wear levelling, snapshots); only full-disk encryption helps there.
 */
final class Workspace {

    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private Workspace() {
    }

    static Path create(DataHome home, String purpose) {
        return ownerOnlyFolder(path(home, purpose));
    }

    /** The path of a new scratch folder, not made yet (its journal is written first). */
    static Path path(DataHome home, String purpose) {
        long ms = System.currentTimeMillis();
        Path p = home.dir().resolve(purpose + "-" + ms);
        while (Files.exists(p)) {
            p = home.dir().resolve(purpose + "-" + ++ms);
        }
        return p;
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

    /** Makes {@code file} readable and writable by its owner only (0600) where POSIX applies; quiet when it is gone. */
    static void ownerOnlyFile(Path file) {
        if (!POSIX || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        } catch (IOException e) {
            LOG.warn("Cannot make {} readable by its owner only: {}", file, e.getMessage());
        }
    }

    /** File attributes that create a file readable by its owner only (none where POSIX does not apply). */
    static FileAttribute<?>[] ownerOnlyAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                : new FileAttribute<?>[0];
    }

    /**
     * Overwrites a file with zeros, forces it to the disk and deletes it; a folder is shredded file by file and then
     * deleted; a symbolic link is deleted without touching what it points to. Quiet when it is not there.
     *
     * @return whether something was removed
     */
    static boolean shred(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (var walk = Files.walk(path)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(p);
                    } else {
                        shredFile(p);
                    }
                }
            }
            return true;
        }
        shredFile(path);
        return true;
    }

    /** {@link #shred}, logging instead of throwing (for clean-ups after the real work succeeded or failed). */
    static void shredQuietly(Path path) {
        try {
            shred(path);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot remove {}: {}", path, e.getMessage());
        }
    }

    private static void shredFile(Path file) throws IOException {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                long size = ch.size();
                ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(size, 1 << 20));
                long pos = 0;
                while (pos < size) {
                    zeros.clear();
                    zeros.limit((int) Math.min(zeros.capacity(), size - pos));
                    pos += ch.write(zeros, pos);
                }
                ch.force(false);
            }
        }
        Files.deleteIfExists(file);
    }

    /** Deletes a file if it is there; a failure is logged, not thrown (clean-up after the real work). */
    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", p, e.getMessage());
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

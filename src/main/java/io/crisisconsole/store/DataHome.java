package io.crisisconsole.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * The per-user data folder that holds the store, settings and (later) backups.
 *
 * <p>Resolution order: an explicit {@code --data DIR}, then the environment variable
 * {@value #ENV_VAR}, then {@code ~/.crisis-console}.
 */
public record DataHome(Path dir) {

    public static final String ENV_VAR = "CRISIS_CONSOLE_HOME";
    public static final String DEFAULT_FOLDER = ".crisis-console";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    public DataHome {
        dir = dir.toAbsolutePath().normalize();
    }

    public static DataHome resolve(String explicitDir, Map<String, String> env, String userHome) {
        if (explicitDir != null && !explicitDir.isBlank()) {
            return new DataHome(Path.of(explicitDir));
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataHome(Path.of(fromEnv));
        }
        return new DataHome(Path.of(userHome, DEFAULT_FOLDER));
    }

    public static DataHome resolve(String explicitDir) {
        return resolve(explicitDir, System.getenv(), System.getProperty("user.home"));
    }

    /** Base path handed to H2 (H2 appends {@code .mv.db}). */
    public Path storeBase() {
        return dir.resolve("store");
    }

    public Path storeFile() {
        return dir.resolve("store.mv.db");
    }

    public Path settingsFile() {
        return dir.resolve("settings.json");
    }

    /**
     * Creates the folder if needed and makes it readable by its owner only (0700) where the file
     * system supports POSIX permissions.
     */
    public void ensureExists() {
        try {
            Files.createDirectories(dir);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Problem.FOLDER_NOT_WRITABLE,
                    "Cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new StoreException(StoreException.Problem.FOLDER_NOT_WRITABLE,
                    "The data folder " + dir + " is not writable", null);
        }
    }
}

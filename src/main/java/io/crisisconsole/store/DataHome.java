package io.crisisconsole.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The per-user data folder that holds the store, settings and (later) backups.
 *
 * <p>Resolution order: an explicit {@code --data DIR}, then the environment variable
 * {@value #ENV_VAR}, then {@code ~/.crisis-console}.
 */
public record DataHome(Path dir) {

    public static final String ENV_VAR = "CRISIS_CONSOLE_HOME";
    public static final String DEFAULT_FOLDER = ".crisis-console";
    /** The app's settings, in the data folder. */
    static final String SETTINGS_FILE = "settings.json";

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
        return dir.resolve(SETTINGS_FILE);
    }

    /**
     * Creates the folder if needed and makes it readable by its owner only (0700) where the file
     * system supports POSIX permissions.
     */
    public void ensureExists() {
        Workspace.ownerOnlyFolder(dir);
        if (!Files.isWritable(dir)) {
            throw new StoreException(StoreException.Problem.FOLDER_NOT_WRITABLE,
                    "The data folder " + dir + " is not writable", null);
        }
    }

    /**
     * Why the store here can only be read, if it can: the folder exists but its disk is mounted
     * read-only, the folder is not writable (permissions, {@code chattr +i}), or the store file is
     * not. Empty when the folder can be written (or does not exist yet).
     */
    public Optional<String> readOnlyReason() {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try {
            if (Files.getFileStore(dir).isReadOnly()) {
                return Optional.of("its disk is mounted read-only");
            }
        } catch (IOException e) {
            // no answer from the file system: the checks below still apply
        }
        if (!Files.isWritable(dir)) {
            return Optional.of("the folder is not writable (permissions or an immutable attribute)");
        }
        if (Files.exists(storeFile()) && !Files.isWritable(storeFile())) {
            return Optional.of("the store file " + storeFile().getFileName()
                    + " is not writable (permissions or an immutable attribute)");
        }
        return Optional.empty();
    }
}

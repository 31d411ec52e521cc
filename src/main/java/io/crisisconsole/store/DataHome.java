package io.crisisconsole.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The per-user data folder that holds the store, settings and (later) backups.
 *
 * <p>Resolution order: an explicit {@code --data DIR}, then the environment variable
 * {@value #ENV_VAR}, then {@code ~/.crisis-console}.
 */
public record DataHome(Path dir) {

    public static final String ENV_VAR = "CRISIS_CONSOLE_HOME";
    public static final String DEFAULT_FOLDER = ".crisis-console";

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
        Workspace.ownerOnlyFolder(dir);
        if (!Files.isWritable(dir)) {
            throw new StoreException(StoreException.Problem.FOLDER_NOT_WRITABLE,
                    "The data folder " + dir + " is not writable", null);
        }
    }
}

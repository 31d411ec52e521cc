package io.crisisconsole.toolkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes {@link Settings} as JSON; writes go to a temp file that is then moved over. */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final long MAX_BYTES = 64 * 1024;

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** Missing or unreadable settings fall back to defaults (and say so in the log). */
    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                LOG.warn("{} is larger than {} bytes; using default settings", file, MAX_BYTES);
                return Settings.defaults();
            }
            Settings s = json.readValue(file.toFile(), Settings.class);
            Settings d = Settings.defaults();
            return new Settings(
                    s.authorName() == null || s.authorName().isBlank() ? d.authorName() : s.authorName(),
                    s.theme() == null ? d.theme() : s.theme(),
                    s.language() == null || s.language().isBlank() ? d.language() : s.language().strip(),
                    s.lastCaseId(),
                    s.brandName() == null || s.brandName().isBlank() ? null : s.brandName().strip())
                    .withPlanReviewDays(s.planReviewDays());
        } catch (IOException e) {
            LOG.warn("Cannot read {} ({}); using default settings", file, e.getMessage());
            return Settings.defaults();
        }
    }

    public void save(Settings settings) throws IOException {
        AtomicFiles.write(file, json.writeValueAsBytes(settings));
    }
}

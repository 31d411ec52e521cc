package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, point 12: 20,000 quick commits grew the store file to 146-390 MB until the next close.
 * Through the real services, one transaction per entry, the file (measured after every commit)
 * must stay within max(8 MB, 4 x its data size) while the store is open, and be its data size
 * (within a tenth) once closed. The build runs
 * {@value #DEFAULT_COMMITS} commits ({@code -Dsoak.commits=N} for more); the 20,000-commit figures
 * in README come from {@link StoreSizeSoak}'s main.
 */
class StoreSizeSoakTest {

    static final int DEFAULT_COMMITS = 4_000;

    @TempDir
    Path tmp;

    @AfterEach
    void defaults() {
        StoreMaintenance.settings = StoreMaintenance.Settings.DEFAULT;
    }

    @Test
    void theFileStaysNearItsDataSizeThroughManyQuickCommits() throws Exception {
        int commits = Integer.getInteger("soak.commits", DEFAULT_COMMITS);
        // the app's own settings (the full 20,000 commits: README)
        StoreMaintenance.settings = StoreMaintenance.Settings.DEFAULT;

        StoreSizeSoak.Result r = StoreSizeSoak.soak(tmp.resolve("data"), commits, Math.max(1, commits / 20));

        System.out.println("StoreSizeSoakTest: " + r.summary());
        long bound = Math.max(8 * StoreSizeSoak.MB, 4 * r.dataBytes());
        assertThat(r.maintenanceRuns()).as("compactions while open").isPositive();
        assertThat(r.rewrites()).as("rewrites while open").isPositive();
        assertThat(r.maxBytes()).as("largest file while open (%s)", r.summary()).isLessThanOrEqualTo(bound);
        assertThat(r.closedBytes()).as("file after close (%s)", r.summary())
                .isLessThanOrEqualTo(r.dataBytes() + r.dataBytes() / 10);
    }
}

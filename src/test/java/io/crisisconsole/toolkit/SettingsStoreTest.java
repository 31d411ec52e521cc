package io.crisisconsole.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-user settings file: the brand name is kept, and is not set unless someone set it. */
class SettingsStoreTest {

    @TempDir
    Path tmp;

    @Test
    void theBrandNameIsNotSetByDefaultAndSurvivesASaveAndLoad() throws Exception {
        SettingsStore store = new SettingsStore(tmp.resolve("settings.json"));
        assertThat(store.load().brandName()).as("no file yet").isNull();

        store.save(store.load().withAuthorName("Anna").withBrandName("  Northwind Rail "));
        Settings read = store.load();

        assertThat(read.brandName()).isEqualTo("Northwind Rail");
        assertThat(read.authorName()).isEqualTo("Anna");
        assertThat(read.withBrandName(" ").brandName()).as("blank clears it").isNull();
    }

    @Test
    void aSettingsFileWrittenBeforeTheBrandNameExistedStillLoads() throws Exception {
        Path file = tmp.resolve("settings.json");
        Files.writeString(file, "{\"authorName\":\"Anna\",\"theme\":\"DARK\"}");

        Settings read = new SettingsStore(file).load();

        assertThat(read.authorName()).isEqualTo("Anna");
        assertThat(read.theme()).isEqualTo(Theme.DARK);
        assertThat(read.brandName()).isNull();
    }
}

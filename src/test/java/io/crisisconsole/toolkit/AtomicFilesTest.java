package io.crisisconsole.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesANewFileReadableByTheOwnerOnly() throws IOException {
        Path f = dir.resolve("settings.json");
        AtomicFiles.write(f, "{\"a\":1}");
        assertThat(Files.readString(f)).isEqualTo("{\"a\":1}");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        }
        assertThat(siblings()).containsExactly("settings.json");
    }

    @Test
    void replacesAnExistingFileWholeAndLeavesNoTempFile() throws IOException {
        Path f = dir.resolve("export.csv");
        Files.writeString(f, "old content that is longer than the new one");
        AtomicFiles.write(f, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(siblings()).containsExactly("export.csv");
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws IOException {
        Path target = dir.resolve("missing-folder").resolve("x.txt");
        assertThatThrownBy(() -> AtomicFiles.write(target, "x")).isInstanceOf(IOException.class);
        Path f = dir.resolve("kept.txt");
        Files.writeString(f, "kept");
        // a folder where the file should go: the rename fails, the folder and the file stay
        Path asFolder = dir.resolve("a-folder");
        Files.createDirectory(asFolder);
        Files.writeString(asFolder.resolve("inside"), "x");
        assertThatThrownBy(() -> AtomicFiles.write(asFolder, "y")).isInstanceOf(IOException.class);
        assertThat(Files.readString(f)).isEqualTo("kept");
        assertThat(siblings()).containsExactlyInAnyOrder("kept.txt", "a-folder");
    }

    private Stream<String> siblingsStream() throws IOException {
        return Files.list(dir).map(p -> p.getFileName().toString());
    }

    private java.util.List<String> siblings() throws IOException {
        try (Stream<String> s = siblingsStream()) {
            return s.sorted().toList();
        }
    }
}

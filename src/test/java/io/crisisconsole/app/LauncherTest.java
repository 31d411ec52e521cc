package io.crisisconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's way straight to the window, the window process's JVM, and the AppCDS archive's life. */
class LauncherTest {

    @TempDir
    Path tmp;

    @Test
    void onlyTheWindowsOwnArgumentsSkipTheCommandLineParser() {
        assertThat(Launcher.windowOnly(new String[0])).isEmpty();
        assertThat(Launcher.windowOnly(new String[] {"--data", "/tmp/x"})).containsExactly("--data=/tmp/x");
        assertThat(Launcher.windowOnly(new String[] {"--data=/tmp/x"})).containsExactly("--data=/tmp/x");
        // everything else goes through the command line, which runs or explains it
        assertThat(Launcher.windowOnly(new String[] {"--help"})).isNull();
        assertThat(Launcher.windowOnly(new String[] {"--data"})).isNull();
        assertThat(Launcher.windowOnly(new String[] {"--data", "--help"})).isNull();
        assertThat(Launcher.windowOnly(new String[] {"--data="})).isNull();
        assertThat(Launcher.windowOnly(new String[] {"case", "list"})).isNull();
        assertThat(Launcher.windowOnly(new String[] {"--data", "/tmp/x", "case", "list"})).isNull();
    }

    @Test
    void theArchiveIsMadeOnceKeptWhenWrittenAndThenMapped() throws Exception {
        Path archive = tmp.resolve("cache").resolve("appcds-0000abcd.jsa");
        AppCds first = new AppCds(archive, false);
        List<String> making = first.jvmOptions();
        Path part = Path.of(making.get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        assertThat(part).hasFileName("appcds-0000abcd.jsa.part");
        Files.writeString(tmp.resolve("cache").resolve("appcds-00001111.jsa"), "an older jar's");
        Files.writeString(part, "classes");
        first.windowEnded(143); // SIGTERM through the handler: the JVM wrote it as it exited
        assertThat(archive).hasContent("classes");
        assertThat(part).doesNotExist();
        assertThat(tmp.resolve("cache").resolve("appcds-00001111.jsa")).as("the older one is removed").doesNotExist();
        assertThat(new AppCds(archive, true).jvmOptions()).contains("-XX:SharedArchiveFile=" + archive);
    }

    @Test
    void aCrashedRunLeavesNoHalfArchive() throws Exception {
        Path archive = tmp.resolve("appcds-0000abcd.jsa");
        AppCds cds = new AppCds(archive, false);
        cds.jvmOptions();
        Path part = tmp.resolve("appcds-0000abcd.jsa.part");
        Files.writeString(part, "half");
        cds.windowEnded(137); // SIGKILL: it may have stopped mid-write
        assertThat(part).doesNotExist();
        assertThat(archive).doesNotExist();
    }

    @Test
    void aClassPathOfFoldersHasNoArchive() {
        // the tests run from target/classes: nothing to archive
        assertThat(AppCds.forThisJvm()).isNull();
    }

    @Test
    void onWindowsTheWindowRunsInJavawSoNoConsoleOpens() throws Exception {
        Path runtime = tmp.resolve("runtime");
        Files.createDirectories(runtime.resolve("bin"));
        Files.createFile(runtime.resolve("bin").resolve("java.exe"));
        assertThat(WindowProcess.javaExecutable(runtime, "Windows 11")).as("a runtime without javaw.exe")
                .isEqualTo(runtime.resolve("bin").resolve("java.exe"));
        Files.createFile(runtime.resolve("bin").resolve("javaw.exe"));
        assertThat(WindowProcess.javaExecutable(runtime, "Windows 11")).isEqualTo(runtime.resolve("bin").resolve("javaw.exe"));
        assertThat(WindowProcess.javaExecutable(runtime, "Linux")).isEqualTo(runtime.resolve("bin").resolve("java"));
        assertThat(WindowProcess.javaExecutable(runtime, "Mac OS X")).isEqualTo(runtime.resolve("bin").resolve("java"));
    }
}

package io.crisisconsole.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.store.DataHome;
import io.crisisconsole.toolkit.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mvn -Ppackage package} makes (the app image {@code target/jpackage/crisis-console} and
 * the .deb beside it), run and read as a person's machine would: the image's launcher opens the
 * window under Xvfb, on the data folder it is given and with the AppCDS archive in the user's cache
 * folder, writing nothing inside the image; the .deb installs the launcher, the menu entry and the
 * icon. Skipped (not failed) when the image or the .deb was not built (a plain {@code mvn verify}
 * builds neither), or Xvfb, xdotool or dpkg-deb is missing.
 */
class PackagedAppImageIT {

    private static final String NAME = "crisis-console";

    @TempDir
    Path tmp;

    private static Path jpackageDir() {
        return Path.of(System.getProperty("crisisconsole.jpackage", "target/jpackage"));
    }

    private static Path image() {
        Path image = jpackageDir().resolve(NAME);
        Assumptions.assumeTrue(Files.isExecutable(image.resolve("bin").resolve(NAME)),
                "no app image in " + jpackageDir() + " (mvn -B -Ppackage package builds it)");
        return image;
    }

    @Test
    void theImageOpensItsWindowOnTheGivenDataFolderAndMapsTheArchiveOnTheSecondStart() throws Exception {
        Path image = image();
        Path xdotool = XvfbDisplay.onPath("xdotool");
        Assumptions.assumeTrue(xdotool != null, "xdotool is not installed (apt-get install xdotool)");
        Set<String> imageFiles = files(image);
        Path data = tmp.resolve("data");
        Path cache = tmp.resolve("cache");
        try (XvfbDisplay xvfb = XvfbDisplay.start(1440, 900)) {
            WindowRuns.twoStartsMakeThenMapTheArchive(tmp, cache.resolve(NAME), log -> {
                ProcessBuilder pb = new ProcessBuilder(image.resolve("bin").resolve(NAME).toString(), "--data", data.toString());
                pb.environment().remove(DataHome.ENV_VAR);
                pb.environment().put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
                pb.environment().put("XDG_CACHE_HOME", cache.toString());
                pb.environment().put("DISPLAY", xvfb.display());
                // the launcher takes no JVM options on its command line; the window process inherits these too
                pb.environment().put("JAVA_TOOL_OPTIONS", "-Dcrisisconsole.startup.marker=true -Dcrisisconsole.locale=en"
                        + " -Dorg.slf4j.simpleLogger.log.io.crisisconsole=info");
                Process window = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
                WindowRuns.waitForLine(window, log, "Window open on");
                return window;
            }, (run, window, log) -> {
                String title = Messages.forLocale(Locale.ENGLISH).get("app.window.title", data.toAbsolutePath().normalize());
                String id = output(List.of(xdotool.toString(), "search", "--name", "^Crisis Console"), xvfb.display())
                        .strip().lines().findFirst().orElse("");
                assertThat(id).as("a window named Crisis Console on %s", xvfb.display()).matches("\\d+");
                assertThat(output(List.of(xdotool.toString(), "getwindowname", id), xvfb.display()).strip()).isEqualTo(title);
                List<String> commands = window.descendants().map(h -> h.info().command().orElse("")).toList();
                assertThat(commands).as("the window process runs on the image's own runtime")
                        .contains(image.resolve("lib/runtime/bin/java").toAbsolutePath().toString());
                assertThat(WindowRuns.childArguments(window)).as("the class path is the image's jar, so AppCDS applies")
                        .contains(image.resolve("lib/app/" + NAME + ".jar").toAbsolutePath().toString());
            });
        }
        assertThat(data.resolve("store.mv.db")).as("the store is in the data folder given").exists();
        assertThat(files(image)).as("nothing written inside the image (a .deb installs it read-only in /opt)")
                .isEqualTo(imageFiles);
    }

    @Test
    void theDebInstallsTheLauncherTheMenuEntryAndTheIconAtThisVersion() throws Exception {
        Path dpkgDeb = XvfbDisplay.onPath("dpkg-deb");
        Assumptions.assumeTrue(dpkgDeb != null, "dpkg-deb is not installed: not a Debian system");
        Path deb;
        try (Stream<Path> files = Files.list(jpackageDir().toAbsolutePath())) {
            deb = files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst().orElse(null);
        } catch (IOException noFolder) {
            deb = null;
        }
        Assumptions.assumeTrue(deb != null, "no .deb in " + jpackageDir() + " (mvn -B -Ppackage package builds it on Linux)");
        String version = System.getProperty("crisisconsole.version", "0.1.0").replaceFirst("^(\\d+\\.\\d+\\.\\d+).*$", "$1");
        assertThat(deb).hasFileName(NAME + "_" + version + "-1_amd64.deb");

        String info = output(List.of(dpkgDeb.toString(), "-I", deb.toString()), null);
        assertThat(info).contains("Package: " + NAME).contains("Version: " + version + "-1").contains("Section: office")
                .contains("maintainers@crisisconsole.invalid").containsPattern("Depends: .*libgtk-3-0")
                .contains("Installed-Size:");
        String contents = output(List.of(dpkgDeb.toString(), "-c", deb.toString()), null);
        String lib = "./opt/" + NAME + "/lib/";
        assertThat(contents).contains("./opt/" + NAME + "/bin/" + NAME, lib + "app/" + NAME + ".jar",
                lib + "runtime/bin/java", lib + NAME + ".png", lib + NAME + "-" + NAME + ".desktop");

        Path root = tmp.resolve("deb");
        output(List.of(dpkgDeb.toString(), "-x", deb.toString(), root.toString()), null);
        String desktop = Files.readString(root.resolve(lib + NAME + "-" + NAME + ".desktop"), StandardCharsets.UTF_8);
        assertThat(desktop.lines()).contains("Name=Crisis Console", "Categories=Office;Network;", "Terminal=false",
                "Exec=/opt/" + NAME + "/bin/" + NAME, "Icon=/opt/" + NAME + "/lib/" + NAME + ".png")
                .anyMatch(l -> l.startsWith("Comment="));
        assertThat(root.resolve(lib + NAME + ".png")).as("our icon, not jpackage's default")
                .hasSameBinaryContentAs(Path.of("src/main/package/linux/" + NAME + ".png"));
        output(List.of(dpkgDeb.toString(), "-e", deb.toString(), tmp.resolve("control").toString()), null);
        assertThat(tmp.resolve("control/postinst")).content().contains("xdg-desktop-menu install");
    }

    /** jdeps, run again on the jar in the image, names no module that the trimmed runtime lacks (pom.xml's jlink.modules). */
    @Test
    void theTrimmedRuntimeHoldsEveryModuleTheJarNeeds() throws Exception {
        Path image = image();
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        Assumptions.assumeTrue(Files.isExecutable(jdeps), "no jdeps in this JDK");
        String needed = output(List.of(jdeps.toString(), "--print-module-deps", "--ignore-missing-deps", "--multi-release",
                "17", image.resolve("lib/app/" + NAME + ".jar").toString()), null).strip().lines()
                .reduce((first, last) -> last).orElse(""); // the list is the last line, after any warning
        String release = Files.readString(image.resolve("lib/runtime/release"));
        Set<String> modules = release.lines().filter(l -> l.startsWith("MODULES="))
                .flatMap(l -> Arrays.stream(l.substring("MODULES=".length()).replace("\"", "").split(" ")))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(modules).as("the runtime's modules").contains("jdk.localedata", "jdk.charsets", "jdk.zipfs")
                .containsAll(Arrays.asList(needed.split(",")));
    }

    /** Every file below {@code dir}, relative. */
    private static Set<String> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Runs {@code cmd} (on {@code display} when not null) and returns its output; fails on a non-zero exit. */
    private String output(List<String> cmd, String display) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd));
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean ended = p.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String text = Files.readString(out);
        assertThat(ended && p.exitValue() == 0).as("%s ended with 0; output:%n%s", cmd, text).isTrue();
        return text;
    }
}

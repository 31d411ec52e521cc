package io.crisisconsole.playbooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The playbooks that come with the app: every {@code *.yaml} of the top-level {@code playbooks/}
 * folder, packaged under {@value #FOLDER}. They are found by listing that folder where the app's
 * classes are (a directory when run from the build, the jar otherwise), so a new file in the
 * folder needs no code change.
 */
public final class BundledPlaybooks {

    /** The {@code app_flag} set once the bundled playbooks were imported. */
    public static final String FLAG = "bundled-playbooks-imported";
    public static final String AUTHOR = "Crisis Console";
    static final String FOLDER = "io/crisisconsole/playbooks/";

    /** A bundled file: its name (e.g. {@code service-outage.en.yaml}) and text. */
    public record Bundled(String fileName, String yaml) {
    }

    private BundledPlaybooks() {
    }

    /**
     * Imports every bundled playbook, marked bundled, the first time it runs on a store (the flag
     * {@value #FLAG} says it ran); later runs do nothing, so a playbook the person changed or
     * replaced is never touched again. One transaction: all or nothing.
     *
     * @return the playbooks imported now; empty when this already happened
     * @throws PlaybookInvalidException when a bundled file is invalid or not named {@code ID.LANGUAGE.yaml}
     */
    public static List<StoredPlaybook> importOnFirstRun(PlaybookService playbooks, String author) {
        List<Bundled> files = list();
        List<PlaybookProblem> problems = new ArrayList<>();
        PlaybookReader reader = new PlaybookReader();
        for (Bundled f : files) {
            PlaybookReader.Parsed parsed = reader.read(f.fileName(), f.yaml());
            problems.addAll(parsed.problems());
            Playbook p = parsed.playbook();
            if (p != null && !f.fileName().equals(p.id() + "." + p.language() + ".yaml")) {
                problems.add(new PlaybookProblem(f.fileName(), 1, 1, "a bundled playbook file is named ID.LANGUAGE.yaml: "
                        + p.id() + "." + p.language() + ".yaml"));
            }
        }
        if (!problems.isEmpty()) {
            throw new PlaybookInvalidException(problems);
        }
        return playbooks.importBundledOnce(files, author, FLAG);
    }

    /** Every bundled playbook file, by name. */
    public static List<Bundled> list() {
        return listFolder(FOLDER);
    }

    /**
     * Every {@code *.yaml} directly in a resource folder where the app's classes are ({@code
     * io/crisisconsole/playbooks/scenarios/}), by name: for the other bundled YAML files.
     */
    public static List<Bundled> listFolder(String folder) {
        CodeSource source = BundledPlaybooks.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where the app's classes are, to list the bundled playbooks");
        }
        try {
            Path where = Path.of(source.getLocation().toURI());
            List<Bundled> files = Files.isDirectory(where) ? fromDirectory(where.resolve(folder))
                    : fromJar(where, folder);
            files.sort(Comparator.comparing(Bundled::fileName));
            return files;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the bundled playbooks at " + source.getLocation(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the bundled playbooks", e);
        }
    }

    private static List<Bundled> fromDirectory(Path folder) throws IOException {
        List<Bundled> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (isPlaybook(name) && Files.isRegularFile(p)) {
                    files.add(new Bundled(name, Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        }
        return files;
    }

    static List<Bundled> fromJar(Path jar) throws IOException {
        return fromJar(jar, FOLDER);
    }

    static List<Bundled> fromJar(Path jar, String folder) throws IOException {
        List<Bundled> files = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String path = e.getName();
                if (e.isDirectory() || !path.startsWith(folder) || path.indexOf('/', folder.length()) >= 0) {
                    continue;
                }
                String name = path.substring(folder.length());
                if (isPlaybook(name)) {
                    try (InputStream in = zip.getInputStream(e)) {
                        files.add(new Bundled(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return files;
    }

    /** The bytes of a bundled resource ({@code io/crisisconsole/playbooks/...}), or null when there is none. */
    public static byte[] resource(String path) {
        try (InputStream in = BundledPlaybooks.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled file " + path, e);
        }
    }

    private static boolean isPlaybook(String name) {
        return name.endsWith(".yaml") && !name.startsWith(".");
    }
}

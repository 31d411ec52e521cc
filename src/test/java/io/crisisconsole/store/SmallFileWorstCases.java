package io.crisisconsole.store;

import static io.crisisconsole.testsupport.WorstCases.MIB;
import static io.crisisconsole.testsupport.WorstCases.fill;

import io.crisisconsole.testsupport.WorstCases;
import io.crisisconsole.testsupport.WorstCases.Case;
import io.crisisconsole.toolkit.Settings;
import io.crisisconsole.toolkit.SettingsStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Generated backup manifests (inside a backup zip) and settings files of about 1 MiB. */
public final class SmallFileWorstCases {

    private SmallFileWorstCases() {
    }

    public static final WorstCases.Judge MANIFEST = file -> {
        try {
            Backups.readManifest(file);
            return WorstCases.ACCEPTED;
        } catch (StoreException e) {
            return e.getMessage();
        }
    };

    /** Settings never refuse: a bad file falls back to the defaults (and says so in the log). */
    public static final WorstCases.Judge SETTINGS = file -> {
        Settings s = new SettingsStore(file).load();
        return s.equals(Settings.defaults()) ? "defaults" : "read: " + s;
    };

    static Case zip(String name, String fileName, String manifest, String expect) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(Backups.MANIFEST));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(Backups.SCRIPT));
            zip.write("-- script".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Case(name, fileName, bytes.toByteArray(), expect);
    }

    public static List<Case> manifestCases() {
        int size = MIB - 64;
        String head = "{\"format\": 1, \"createdAt\": \"2026-11-24T09:00:00Z\", \"commitSeq\": 1, \"encrypted\": false, "
                + "\"rowCounts\": {\"t\": 1";
        return List.of(
                zip("manifest: many row counts", "counts.zip", fill(head, i -> ", \"t" + i + "\": " + i, "}}", size),
                        WorstCases.ACCEPTED),
                zip("manifest: over 1 MiB", "big.zip", fill(head, i -> ", \"t" + i + "\": " + i, "}}", MIB + 4096),
                        "its manifest is too large"),
                zip("manifest: deep nesting", "nesting.zip", fill("{\"format\": ", i -> "[", "", size),
                        "is not a readable Crisis Console backup"),
                zip("manifest: a huge string", "string.zip", fill("{\"format\": 1, \"x\": \"", i -> "w", "\"}", size),
                        "is not a readable Crisis Console backup"),
                zip("manifest: repeated key", "repeated.zip", fill(head + "}", i -> ", \"format\": 1", "}", size),
                        "is not a readable Crisis Console backup"));
    }

    public static List<Case> settingsCases() {
        int size = MIB - 64;
        return List.of(
                Case.of("settings: 1 MiB", "big.json", fill("{\"authorName\": \"", i -> "w", "\"}", size), "defaults"),
                Case.of("settings: deep nesting", "nesting.json", fill("{\"theme\": ", i -> "[", "", 60_000),
                        "defaults"),
                Case.of("settings: many keys", "keys.json", fill("{\"authorName\": \"Anna\"", i -> ", \"k" + i + "\": 1",
                        "}", 60_000), "read: Settings[authorName=Anna"));
    }
}

package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.services.Services;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsTest {

    @TempDir
    Path tmp;

    DataHome home() {
        return new DataHome(tmp.resolve("data"));
    }

    @Test
    void restoreDrillBringsBackTheBackedUpStateAndKeepsThePreviousFile() throws Exception {
        DataHome home = home();
        Backups backups = new Backups(home);
        long caseId;
        Backups.Backup backup;
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            CrisisCase c = cases.open(new CaseDetails("Outage", 2, "Anna", "#Down", null), "a");
            caseId = c.id();
            cases.addEntry(caseId, EntryKind.NOTE, "before the backup", null, "a");
            backup = backups.backupNow(store);
            cases.addEntry(caseId, EntryKind.NOTE, "after the backup", null, "a");
        }
        assertThat(backup.file()).exists().hasParent(backups.folder());
        assertThat(backup.manifest().rowCounts()).containsEntry("TIMELINE_ENTRY", 2L).containsEntry("CRISIS_CASE", 1L);

        Backups.Restored restored = Backups.restore(home, backup.file(), null);

        assertThat(restored.previousStore()).exists();
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            assertThat(cases.timeline(caseId)).extracting(TimelineEntry::body)
                    .contains("before the backup").doesNotContain("after the backup");
            assertThat(cases.get(caseId).owner()).isEqualTo("Anna");
            // the restored store works normally and counts on from the backup
            cases.addEntry(caseId, EntryKind.NOTE, "after the restore", null, "a");
            assertThat(store.marker().read().orElseThrow().commitSeq()).isEqualTo(backup.manifest().commitSeq() + 1);
            // the append-only trigger came back with the schema
            assertThatThrownBy(() -> store.jdbi().useHandle(h -> h.execute("DELETE FROM timeline_entry")))
                    .hasMessageContaining("append-only");
        }
        try (Store previous = Store.open(new DataHome(tmp.resolve("prev")))) {
            // the kept file is a whole store too
        }
    }

    @Test
    void aBackupWhoseRowsDoNotMatchItsManifestIsRefusedAndTheStoreIsUntouched() throws Exception {
        DataHome home = home();
        Backups.Backup backup;
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            CrisisCase c = cases.open(new CaseDetails("Outage", 2, null, null, null), "a");
            cases.addEntry(c.id(), EntryKind.NOTE, "kept", null, "a");
            backup = new Backups(home).write(store, tmp.resolve("drill.ccbackup"));
        }
        Path tampered = tmp.resolve("tampered.ccbackup");
        try (ZipFile in = new ZipFile(backup.file().toFile());
                OutputStream out = Files.newOutputStream(tampered);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(Backups.MANIFEST));
            zip.write(new String(in.getInputStream(in.getEntry(Backups.MANIFEST)).readAllBytes())
                    .replace("\"TIMELINE_ENTRY\" : 2", "\"TIMELINE_ENTRY\" : 5").getBytes());
            zip.putNextEntry(new ZipEntry(Backups.SCRIPT));
            zip.write(in.getInputStream(in.getEntry(Backups.SCRIPT)).readAllBytes());
        }
        long seqBefore = new CommitMarker(home.dir()).read().orElseThrow().commitSeq();

        assertThatThrownBy(() -> Backups.restore(home, tampered, null))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("TIMELINE_ENTRY came back with 2 rows, the backup recorded 5")
                .hasMessageContaining("The store was not changed");
        try (Store store = Store.open(home)) {
            assertThat(store.marker().read().orElseThrow().commitSeq()).isEqualTo(seqBefore);
            assertThat(Services.create(store, Clock.systemUTC()).cases().list()).hasSize(1);
        }
        assertThat(Files.list(home.dir()).map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.startsWith("restore-"));
    }

    @Test
    void notABackupGetsAClearError() throws Exception {
        Path junk = tmp.resolve("notes.ccbackup");
        Files.writeString(junk, "hello");
        assertThatThrownBy(() -> Backups.restore(home(), junk, null))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(junk + " is not a readable Crisis Console backup");
        assertThatThrownBy(() -> Backups.restore(home(), tmp.resolve("missing.ccbackup"), null))
                .hasMessageContaining("There is no backup file");
    }

    @Test
    void backupFilesAreWholeOrAbsentAndHoldNoTempLeftovers() throws Exception {
        DataHome home = home();
        try (Store store = Store.open(home)) {
            Services.create(store, Clock.systemUTC()).cases().open(new CaseDetails("Outage", 2, null, null, null), "a");
            Backups backups = new Backups(home);
            backups.backupNow(store);
            backups.backupNow(store);
            assertThat(backups.list()).hasSize(2);
            try (var files = Files.walk(backups.folder())) {
                assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .allMatch(n -> n.endsWith(Backups.EXTENSION));
            }
        }
    }

    @Test
    void aBackupIntoAFolderThePersonChoseLeavesItsPermissionsAlone() throws Exception {
        Path desktop = Files.createDirectories(tmp.resolve("Desktop"));
        Files.setPosixFilePermissions(desktop, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Store store = Store.open(home())) {
            new Backups(home()).write(store, desktop.resolve("before-the-call.ccbackup"));
        }
        assertThat(desktop.resolve("before-the-call.ccbackup")).exists();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(desktop)))
                .isEqualTo("rwxr-xr-x");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home().dir()))).isEqualTo("rwx------");
    }

    @Test
    void rotationKeepsTenRecentAndOnePerDayForAWeek() {
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        List<Backups.Backup> newestFirst = new ArrayList<>();
        // 12 backups today, every 10 minutes, then 2 a day for the 9 days before
        for (int i = 0; i < 12; i++) {
            newestFirst.add(fake("today-" + i, now.minus(Duration.ofMinutes(10L * i))));
        }
        for (int d = 1; d <= 9; d++) {
            newestFirst.add(fake("day-" + d + "-late", now.minus(Duration.ofDays(d)).plus(Duration.ofHours(6))));
            newestFirst.add(fake("day-" + d + "-early", now.minus(Duration.ofDays(d))));
        }
        Set<Path> keep = Backups.toKeep(newestFirst, ZoneOffset.UTC);

        assertThat(keep).hasSize(16).contains(Path.of("today-0"), Path.of("today-9"))
                .doesNotContain(Path.of("today-10"), Path.of("today-11"));
        assertThat(keep).contains(Path.of("day-1-late"), Path.of("day-6-late"))
                .doesNotContain(Path.of("day-1-early"), Path.of("day-7-late"), Path.of("day-9-late"));
    }

    private static Backups.Backup fake(String name, Instant at) {
        return new Backups.Backup(Path.of(name), new Backups.Manifest(1, at, 1, false, Map.of()));
    }
}

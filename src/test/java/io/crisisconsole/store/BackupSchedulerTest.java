package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.services.Services;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupSchedulerTest {

    @TempDir
    Path tmp;

    @Test
    void backsUpOnlyWhenSomethingChangedAndOnceMoreOnExit() {
        DataHome home = new DataHome(tmp.resolve("data"));
        Backups backups = new Backups(home);
        List<String> failures = new ArrayList<>();
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            BackupScheduler scheduler = new BackupScheduler(store, backups, Duration.ofHours(1), failures::add);

            cases.open(new CaseDetails("Outage", 2, null, null, null), "a");
            assertThat(scheduler.backupIfChanged()).isTrue();
            assertThat(scheduler.backupIfChanged()).as("nothing changed since").isFalse();
            assertThat(backups.list()).hasSize(1);

            cases.open(new CaseDetails("Second", 3, null, null, null), "a");
            scheduler.close();
            assertThat(backups.list()).hasSize(2);
            assertThat(backups.newest().orElseThrow().manifest().rowCounts()).containsEntry("CRISIS_CASE", 2L);
        }
        try (Store store = Store.open(home)) {
            BackupScheduler restarted = new BackupScheduler(store, backups, Duration.ofHours(1), failures::add);
            assertThat(restarted.backupIfChanged()).as("the newest backup already has this state").isFalse();
            restarted.close();
        }
        assertThat(failures).isEmpty();
    }
}

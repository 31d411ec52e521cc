package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.toolkit.AutosavedText;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaveServiceTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00.123456Z");

    @TempDir
    Path tmp;
    Store store;
    AutosaveService autosave;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        autosave = new AutosaveService(store.jdbi(), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long aCase() {
        return store.jdbi().withHandle(h -> h.createUpdate("""
                INSERT INTO crisis_case (title, severity, status, opened_at, updated_at)
                VALUES ('Outage', 2, 'OPEN', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Test
    void daoUpsertReplacesTheRowForTheSameKeyAndFindsIt() {
        long caseId = aCase();
        AutosaveDao dao = store.jdbi().onDemand(AutosaveDao.class);
        dao.upsert("timeline-composer:case:" + caseId, caseId, "NOTE", "first", T0);
        dao.upsert("timeline-composer:case:" + caseId, caseId, "DECISION", "second", T0.plusSeconds(1));
        dao.upsert("message-draft:7", null, null, "other editor", T0);

        assertThat(dao.find("timeline-composer:case:" + caseId)).contains(
                new AutosavedText("timeline-composer:case:" + caseId, caseId, "DECISION", "second", T0.plusSeconds(1)));
        assertThat(dao.list()).extracting(AutosavedText::editorKey)
                .containsExactly("timeline-composer:case:" + caseId, "message-draft:7");
        assertThat(dao.delete("message-draft:7")).isEqualTo(1);
        assertThat(dao.delete("message-draft:7")).isZero();
        assertThat(dao.find("message-draft:7")).isEmpty();
    }

    @Test
    void serviceSavesFindsAndDiscardsWithTheClocksTime() {
        long caseId = aCase();
        String text = "Holding statement draft:\n  \u201cWe know checkout is failing\u201d \uD83D\uDE4F\t";
        assertThat(autosave.save("k", caseId, "MESSAGE_PUBLISHED", text)).isPresent();

        AutosavedText found = autosave.find("k").orElseThrow();
        assertThat(found.content()).as("stored exactly, not stripped").isEqualTo(text);
        assertThat(found.caseId()).isEqualTo(caseId);
        assertThat(found.kind()).isEqualTo("MESSAGE_PUBLISHED");
        assertThat(found.savedAt()).isEqualTo(Instant.parse("2026-11-24T09:00:00.123Z"));

        autosave.discard("k");
        assertThat(autosave.find("k")).isEmpty();
        autosave.discard("k"); // nothing there: fine
    }

    @Test
    void blankContentDeletesTheRow() {
        autosave.save("k", null, "NOTE", "something");
        assertThat(autosave.save("k", null, "NOTE", " \n\t ")).isEmpty();
        assertThat(autosave.find("k")).isEmpty();
        assertThat(autosave.list()).isEmpty();
    }

    @Test
    void aMillionCharactersFitAndMoreIsRefusedBeforeTouchingTheStore() {
        String max = "x".repeat(AutosaveService.MAX_CONTENT);
        autosave.save("k", null, "NOTE", max);
        assertThat(autosave.find("k").orElseThrow().content()).hasSize(AutosaveService.MAX_CONTENT);

        assertThatThrownBy(() -> autosave.save("k", null, "NOTE", max + "y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(autosave.find("k").orElseThrow().content()).as("old row untouched").isEqualTo(max);
    }

    @Test
    void theRowGoesWithItsCase() {
        long caseId = aCase();
        autosave.save("k", caseId, "NOTE", "text");
        store.jdbi().useHandle(h -> h.execute("DELETE FROM crisis_case WHERE id = ?", caseId));
        assertThat(autosave.find("k")).isEmpty();
    }

    @Test
    void aFailedWriteSaysWhyWithoutRepeatingTheText() {
        store.close();
        assertThatThrownBy(() -> autosave.save("k", null, "NOTE", "secret statement text"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("the store could not be written (")
                .hasMessageNotContaining("secret statement text");
        store = TestStores.openIn(tmp);
    }

    @Test
    void autosavesSurviveReopeningTheStore() {
        autosave.save("k", null, "NOTE", "typed before the crash");
        store.close();
        store = TestStores.openIn(tmp);
        autosave = new AutosaveService(store.jdbi(), Clock.systemUTC());
        assertThat(autosave.find("k")).map(AutosavedText::content).contains("typed before the crash");
    }
}

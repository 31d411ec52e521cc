package io.crisisconsole.contacts;

import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.WorstCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9.8 for contact files: every generated 1 MiB CSV and vCard is judged in under a second. */
class ContactFileWorstCaseTest {

    @TempDir
    Path tmp;

    @Test
    void everyOneMebibyteContactFileIsJudgedInUnderASecond() throws Exception {
        Path files = Files.createDirectories(tmp.resolve("files"));
        try (Store store = TestStores.openIn(tmp.resolve("store"))) {
            ContactTransfer transfer = Services.create(store, Clock.systemUTC()).contactTransfer();
            // accepted files are imported, once per run: the judge for those is the reader alone
            WorstCases.assertAllJudgedInTime(files, ContactFileWorstCases.cases().stream()
                    .filter(c -> !c.expect().equals(WorstCases.ACCEPTED)).toList(),
                    ContactFileWorstCases.judge(transfer));
            WorstCases.assertAllJudgedInTime(files, ContactFileWorstCases.cases().stream()
                    .filter(c -> c.expect().equals(WorstCases.ACCEPTED)).toList(), ContactFileWorstCases.READ_ONLY);
        }
    }
}

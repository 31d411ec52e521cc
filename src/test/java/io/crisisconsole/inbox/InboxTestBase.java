package io.crisisconsole.inbox;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real store with the services on a clock set to {@link #startAt()}, and a case with the test playbook. */
abstract class InboxTestBase {

    @TempDir
    Path tmp;
    Store store;
    MutableClock clock;
    Services services;
    InboxService inbox;
    CrisisCase outage;

    /** Where the clock starts. */
    abstract Instant startAt();

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        clock = new MutableClock(startAt());
        services = Services.create(store, clock);
        inbox = services.inbox();
        outage = InboxFixture.caseWithPlaybook(services);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }
}

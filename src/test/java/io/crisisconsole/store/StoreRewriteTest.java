package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.crypto.MasterKey;
import io.crisisconsole.timeline.EntryKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, point 12: compaction reuses the free space of the file but cannot give it back while
 * the newest chunks sit at its end, so the open store is rewritten to its data size
 * ({@code SHUTDOWN COMPACT} and open again) once it is more than twice that: in a quiet moment,
 * or in a burst while the data is small. Commits wait for it and none fails; an encrypted store's
 * copy is encrypted; a connection in use puts it off.
 */
class StoreRewriteTest {

    static final long KB = 1024;
    static final long MB = 1024 * KB;

    @TempDir
    Path tmp;

    @AfterEach
    void defaults() {
        StoreMaintenance.settings = StoreMaintenance.Settings.DEFAULT;
    }

    /** Rewrites whenever the file is larger than twice its data plus 16 KB, checked every 20 ms. */
    static StoreMaintenance.Settings eager() {
        return new StoreMaintenance.Settings(20, 3_000, 64 * KB, 300, 1_000, 16 * KB, 64 * MB);
    }

    @Test
    void aWastefulFileIsRewrittenToItsDataSizeInAQuietMomentAndKeepsEverything() throws Exception {
        // never in a burst: only the quiet moment after the commits rewrites it
        StoreMaintenance.settings = new StoreMaintenance.Settings(50, 500, 64 * KB, 300, 1_000, 256 * KB, 0);
        DataHome home = new DataHome(tmp.resolve("data"));
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            long caseId = cases.open(new CaseDetails("Quiet", 2, null, null, null), "ola").id();
            for (int i = 0; i < 1_500; i++) {
                cases.addEntry(caseId, EntryKind.NOTE, "entry " + i, null, "ola");
            }
            long busy = Files.size(home.storeFile());
            assertThat(store.maintenanceRewrites()).as("no rewrite in the burst").isZero();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (store.maintenanceRewrites() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(store.maintenanceRewrites()).as("rewrites after the quiet moment").isPositive();
            long quiet = Files.size(home.storeFile());
            assertThat(quiet).as("file after the rewrite (%d bytes before)", busy).isLessThan(busy / 2);

            if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(home.storeFile())))
                        .as("the rewritten file is its owner's only").isEqualTo("rw-------");
            }
            // the store goes on as before on the reopened database
            cases.addEntry(caseId, EntryKind.NOTE, "after the rewrite", null, "ola");
            assertThat(cases.timeline(caseId)).hasSize(1_500 + 2); // + the case-opened entry
        }
        assertThat(Files.exists(Path.of(home.storeFile() + ".tempFile"))).isFalse();
        try (Store store = Store.open(home)) {
            assertThat(Services.create(store, Clock.systemUTC()).cases().timeline(1)).hasSize(1_502);
        }
    }

    @Test
    void commitsFromManyThreadsWaitForTheRewritesAndNoneFails() throws Exception {
        StoreMaintenance.settings = eager();
        DataHome home = new DataHome(tmp.resolve("data"));
        int threads = 4;
        int each = 200;
        try (Store store = Store.open(home)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            long caseId = cases.open(new CaseDetails("Busy", 2, null, null, null), "ola").id();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        cases.addEntry(caseId, EntryKind.NOTE, "t" + thread + " #" + i, null, "ola");
                        if (i % 50 == 0) {
                            cases.timeline(caseId); // reads, too
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS); // rethrows a failed commit
            }
            pool.shutdown();
            assertThat(store.maintenanceRewrites()).as("rewrites while the threads wrote").isGreaterThan(2);
            assertThat(cases.timeline(caseId)).hasSize(threads * each + 1);
        }
    }

    @Test
    void anEncryptedStoreIsRewrittenIntoAnEncryptedCopy() throws Exception {
        DataHome home = new DataHome(tmp.resolve("data"));
        try (Store store = Store.open(home)) {
            Services.create(store, Clock.systemUTC()).cases().open(new CaseDetails("Secret", 1, null, null, null), "ola");
        }
        char[] passphrase = "correct horse battery".toCharArray();
        Encryption.encrypt(home, passphrase);
        MasterKey key = Encryption.unlock(home, passphrase);
        StoreMaintenance.settings = eager();
        Path temp = Path.of(home.storeFile() + ".tempFile");
        Set<Boolean> tempEncrypted = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (writing.get()) {
                // the first bytes H2 writes to the copy are its header (FileEncrypt); a copy seen
                // before that is empty, and one seen after is the next rewrite's
                try (java.io.InputStream in = Files.newInputStream(temp)) {
                    byte[] head = in.readNBytes(10);
                    if (head.length == 10) {
                        tempEncrypted.add(new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("H2encrypt\n"));
                    }
                } catch (java.io.IOException e) {
                    // not there now
                }
            }
        });
        watcher.start();
        try (Store store = Store.open(home, key, false)) {
            CaseService cases = Services.create(store, Clock.systemUTC()).cases();
            for (int i = 0; i < 400; i++) {
                cases.addEntry(1, EntryKind.NOTE, "Call the DPO on +48 600 100 200, entry " + i, null, "ola");
            }
            assertThat(store.maintenanceRewrites()).isGreaterThan(2);
        } finally {
            writing.set(false);
            watcher.join();
        }
        assertThat(tempEncrypted).as("the rewrite's copy was seen, and only encrypted").containsExactly(true);
        assertThat(Store.isEncryptedFile(home.storeFile())).isTrue();
        assertThat(EncryptionTest.contentsUnder(home.dir())).noneMatch(s -> s.contains("+48 600 100 200"));
        try (Store store = Store.open(home, Encryption.unlock(home, passphrase), false)) {
            assertThat(Services.create(store, Clock.systemUTC()).cases().timeline(1)).hasSize(401);
        }
    }

    @Test
    void aConnectionInUsePutsTheRewriteOffAndNewOnesWaitForIt() throws Exception {
        Path base = tmp.resolve("plain");
        String url = Store.jdbcUrl(base, false);
        StoreConnections connections = new StoreConnections(() -> JdbcConnectionPool.create(url, "sa", ""), base);
        try {
            try (Connection c = connections.openConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(200))");
                for (int i = 0; i < 2_000; i++) {
                    st.execute("INSERT INTO t VALUES(" + i + ", 'row " + i + "')");
                }
            }
            Connection held = connections.openConnection();
            assertThat(connections.rewrite(50)).as("rewrite with a connection in use").isFalse();
            assertThat(count(held)).as("the held connection still works").isEqualTo(2_000);

            List<Integer> seenWhileRewriting = new CopyOnWriteArrayList<>();
            Thread releaser = new Thread(() -> {
                try {
                    Thread.sleep(100);
                    held.close();
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread late = new Thread(() -> {
                try {
                    Thread.sleep(50);
                    try (Connection c = connections.openConnection()) { // waits for the rewrite
                        seenWhileRewriting.add(count(c));
                    }
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            releaser.start();
            late.start();
            long before = Files.size(Path.of(base + ".mv.db"));
            assertThat(connections.rewrite(5_000)).as("rewrite once the connection is back").isTrue();
            releaser.join();
            late.join();
            assertThat(seenWhileRewriting).containsExactly(2_000);
            assertThat(connections.rewrites()).isEqualTo(1);
            assertThat(connections.reconnects()).isZero();
            assertThat(Files.size(Path.of(base + ".mv.db"))).isLessThanOrEqualTo(before);
            try (Connection c = connections.openConnection()) {
                assertThat(count(c)).isEqualTo(2_000);
            }
        } finally {
            connections.close();
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("plain.mv.db");
        }
    }

    private static int count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

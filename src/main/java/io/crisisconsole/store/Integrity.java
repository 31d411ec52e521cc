package io.crisisconsole.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.h2.mvstore.MVStore;
import org.h2.security.SHA256;

/**
 * Checks a freshly opened store: it must hold at least the changes its {@link CommitMarker} says
 * were acknowledged (a damaged file tail opens silently with older data), and every row must be
 * readable (damage in the middle of the file only shows when the page is read).
 */
final class Integrity {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss z", Locale.ENGLISH);

    private Integrity() {
    }

    static void check(DataHome home, Connection c, CommitMarker marker, boolean acceptLostChanges)
            throws SQLException {
        check(home, c, marker, acceptLostChanges, true);
    }

    /**
     * @param mayWrite whether the marker may be brought in line with the store (false for a
     *        read-only store: it is only compared). A marker that cannot be written does not stop
     *        the store from opening: it is {@linkplain CommitMarker#lagging() lagging} and tried again.
     */
    static void check(DataHome home, Connection c, CommitMarker marker, boolean acceptLostChanges, boolean mayWrite)
            throws SQLException {
        long seq;
        Instant at;
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT commit_seq, committed_at FROM store_meta WHERE id = 1")) {
            r.next();
            seq = r.getLong(1);
            Timestamp t = r.getTimestamp(2);
            at = t == null ? null : t.toInstant();
        }
        Optional<CommitMarker.Mark> mark = marker.read();
        if (mark.isPresent() && mark.get().commitSeq() > seq && !acceptLostChanges) {
            throw new StoreException(StoreException.Problem.LOST_CHANGES,
                    "The store in " + home.dir() + " is missing its newest changes: it ends at change " + seq
                            + (at == null ? "" : " (saved " + when(at) + ")") + " but change " + mark.get().commitSeq()
                            + " was saved " + when(mark.get().committedAt())
                            + ". The end of the file is probably damaged. " + Backups.newestDescription(home)
                            + " Restore it, or open the store as it is.",
                    null);
        }
        readEveryRow(c);
        if (mayWrite && (mark.isEmpty() || mark.get().commitSeq() != seq)) {
            marker.catchUp(seq, at == null ? Instant.now() : at);
        }
    }

    /**
     * A file without tables and larger than this held data: one H2 created and closed without
     * writing anything is 12-28 KB (measured with 2.3.232); a store with its tables and a case,
     * rewritten to its data size, is 45 KB with 300 entries.
     */
    static final long EMPTY_FILE_BYTES = 40 * 1024;

    /**
     * Refuses a store file H2 would open as an empty database ({@link #opensEmpty}) although it held
     * data: H2 opens a file whose only chunk is damaged (a file rewritten to its data size has one)
     * that way, without an error, cutting the file to the size of that, and the migrations would then
     * build an empty store in it. A file that is small and was never committed to is one whose first
     * start stopped before its migrations: it opens as new.
     *
     * @param bytesBefore the file's size before it was opened
     */
    static void refuseIfItHeldData(DataHome home, CommitMarker marker, long bytesBefore) {
        long saved = marker.read().map(CommitMarker.Mark::commitSeq).orElse(0L);
        if (saved == 0 && bytesBefore < EMPTY_FILE_BYTES) {
            return;
        }
        throw new StoreException(StoreException.Problem.DAMAGED, "The store " + home.storeFile()
                + " is damaged and cannot be read: it opens without any of its tables, although it holds "
                + bytesBefore + " bytes" + (saved > 0 ? " and " + saved + " changes were saved" : "")
                + ". It was not changed. " + Backups.newestDescription(home), null);
    }

    /**
     * Whether H2 would open the file as a new, empty database: read-only, without H2's database
     * layer, it holds no map at all (a file H2 created holds its own maps, "table.0" and others).
     * False when it cannot be read this way (locked, wrong key, damaged header): opening it says why.
     *
     * @param filePassword the file password of an encrypted store, or null
     */
    static boolean opensEmpty(Path file, char[] filePassword) {
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString()).readOnly();
        char[] key = null;
        if (filePassword != null) {
            // as H2 derives it from CIPHER=AES and the file password (ConnectionInfo, mvstore.db.Store)
            byte[] hash = SHA256.getKeyPasswordHash("file", filePassword);
            key = new char[hash.length / 2];
            for (int i = 0; i < key.length; i++) {
                key[i] = (char) (((hash[i + i] & 255) << 16) | (hash[i + i + 1] & 255));
            }
            Arrays.fill(hash, (byte) 0);
            builder.encryptionKey(key);
        }
        try (MVStore mv = builder.open()) {
            return mv.getMapNames().isEmpty();
        } catch (RuntimeException e) {
            return false;
        } finally {
            if (key != null) {
                Arrays.fill(key, '\0');
            }
        }
    }

    static String when(Instant at) {
        return at == null ? "at an unknown time" : WHEN.format(at.atZone(ZoneId.systemDefault()));
    }

    /** The tables of the store, by name. */
    static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        return tables;
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Reads every value of every table so that damaged pages fail now, not in the middle of an incident. */
    static long readEveryRow(Connection c) throws SQLException {
        long values = 0;
        for (String table : tables(c)) {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT * FROM " + quoted(table))) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    for (int i = 1; i <= columns; i++) {
                        r.getObject(i);
                        values++;
                    }
                }
            }
        }
        return values;
    }
}

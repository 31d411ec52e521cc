package io.crisisconsole.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

package io.crisisconsole.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * Makes a table append-only at the database level: any UPDATE or DELETE of a row fails, whoever
 * issues it. Installed by the migrations on the case timeline; corrections are new rows.
 */
public final class AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName,
            boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null) {
            throw new SQLException(table + " is append-only: add a correction instead of changing or deleting an entry",
                    "45000");
        }
    }
}

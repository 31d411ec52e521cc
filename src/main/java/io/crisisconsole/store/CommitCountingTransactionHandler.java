package io.crisisconsole.store;

import java.sql.Timestamp;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.LocalTransactionHandler;

/**
 * Counts every committed transaction that changed data: the count is raised inside the transaction
 * (so it is exactly as durable as the data) and copied to the {@link CommitMarker} after the commit
 * (when that copy fails the change is still saved: the marker is {@linkplain CommitMarker#lagging() lagging}).
 * Read-only transactions cost nothing: H2's {@code TRANSACTION_ID()} is null when nothing changed.
 */
final class CommitCountingTransactionHandler extends DelegatingTransactionHandler {

    private final CommitMarker marker;

    CommitCountingTransactionHandler(CommitMarker marker) {
        super(new LocalTransactionHandler());
        this.marker = marker;
    }

    @Override
    public void commit(Handle handle) {
        boolean changed = handle.createQuery("SELECT TRANSACTION_ID()").mapTo(String.class).findOne().isPresent();
        if (!changed) {
            super.commit(handle);
            return;
        }
        Instant now = Instant.now();
        handle.createUpdate("UPDATE store_meta SET commit_seq = commit_seq + 1, committed_at = :now WHERE id = 1")
                .bind("now", Timestamp.from(now)).execute();
        long seq = handle.createQuery("SELECT commit_seq FROM store_meta WHERE id = 1").mapTo(Long.class).one();
        super.commit(handle);
        // the data is saved now: a marker that cannot follow is a warning, not a failure (a retry would duplicate it)
        marker.recordAfterCommit(seq, now);
    }
}

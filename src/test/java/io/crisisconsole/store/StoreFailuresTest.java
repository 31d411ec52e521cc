package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.message.DbException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How failures are told apart, without privileges: a real "No space left on device" from /dev/full,
 * wrapped the way H2 and Jdbi wrap it; real H2 errors; the file-system exceptions the JDK throws.
 */
class StoreFailuresTest {

    @TempDir
    Path tmp;

    DataHome home() {
        return new DataHome(tmp.resolve("data"));
    }

    static IOException fromDevFull() {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full here");
        Throwable t = catchThrowable(() -> Files.write(full, new byte[4096]));
        assertThat(t).isInstanceOf(IOException.class);
        return (IOException) t;
    }

    @Test
    void aFullDiskUnderH2AndJdbiIsAFullDiskWithNoRestoreHint() {
        IOException enospc = fromDevFull();
        // what H2 does with it (a general error 50000, as seen on a full tmpfs), and Jdbi around that
        SQLException h2 = DbException.convertIOException(enospc, "store.mv.db").getSQLException();
        RuntimeException jdbi = new UnableToExecuteStatementException(h2, null);
        assertThat(StoreFailures.problemOf(jdbi)).contains(StoreException.Problem.DISK_FULL);
        StoreException plain = StoreFailures.classify(home(), jdbi).orElseThrow();
        assertThat(plain.getMessage()).isEqualTo("The disk holding " + home().dir() + " is full: the change was not"
                + " saved. Free some space on that disk, then try again; nothing in the store is damaged.");
        assertThat(StoreOpener.Refused.restoreHelps(plain.problem())).isFalse();
        assertThat(Store.translate(home(), h2).problem()).as("at open, too").isEqualTo(StoreException.Problem.DISK_FULL);
    }

    @Test
    void aFullDiskOnlyInASuppressedExceptionStillCounts() {
        RuntimeException commit = new RuntimeException("Failed to commit transaction");
        SQLException closed = DbException.get(org.h2.api.ErrorCode.DATABASE_IS_CLOSED).getSQLException();
        commit.addSuppressed(closed);
        assertThat(StoreFailures.problemOf(commit)).contains(StoreException.Problem.CLOSED_AFTER_FAILURE);
        commit.addSuppressed(fromDevFull());
        assertThat(StoreFailures.problemOf(commit)).as("the full disk explains the closed database")
                .contains(StoreException.Problem.DISK_FULL);
        assertThat(StoreFailures.databaseClosed(commit)).isTrue();
    }

    @Test
    void readOnlyAndPermissionProblemsHaveTheirOwnWords() {
        SQLException readOnly = DbException.get(org.h2.api.ErrorCode.DATABASE_IS_READ_ONLY).getSQLException();
        assertThat(StoreFailures.problemOf(new UnableToExecuteStatementException(readOnly, null)))
                .contains(StoreException.Problem.READ_ONLY);
        assertThat(StoreFailures.problemOf(new FileSystemException("/x", null, "Read-only file system")))
                .contains(StoreException.Problem.READ_ONLY);
        assertThat(StoreFailures.problemOf(new AccessDeniedException("/x"))).contains(StoreException.Problem.PERMISSION_DENIED);
        assertThat(StoreFailures.problemOf(new FileSystemException("/x", null, "Operation not permitted")))
                .as("chattr +i").contains(StoreException.Problem.PERMISSION_DENIED);
        assertThat(StoreFailures.classify(home(), new AccessDeniedException("/x")).orElseThrow().getMessage())
                .startsWith("Crisis Console may not write in " + home().dir() + " (permission denied");
    }

    @Test
    void aDamagedStoreIsNotAFileSystemProblem() {
        SQLException corrupted = DbException.get(org.h2.api.ErrorCode.FILE_CORRUPTED_1, "store.mv.db").getSQLException();
        assertThat(StoreFailures.problemOf(corrupted)).isEmpty();
        assertThat(Store.translate(home(), corrupted).problem()).isEqualTo(StoreException.Problem.DAMAGED);
        assertThat(StoreFailures.problemOf(new IllegalStateException("No space left on device"))).as("only I/O and"
                + " driver exceptions are read for their words").isEmpty();
    }
}

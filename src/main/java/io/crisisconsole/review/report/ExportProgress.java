package io.crisisconsole.review.report;

import java.util.concurrent.CancellationException;

/**
 * How an export tells how far it is and learns that it should stop (the window's progress bar and
 * Cancel; the CLI prints nothing).
 */
public interface ExportProgress {

    /** {@code done} from 0 to 1; {@code step} names the part being written (English, for logs). */
    void progress(double done, String step);

    boolean cancelled();

    /** Throws {@link CancellationException} when cancelled: called between parts and every few hundred rows. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException("the export was cancelled");
        }
    }

    static ExportProgress none() {
        return new ExportProgress() {
            @Override
            public void progress(double done, String step) {
                // nobody watches
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }
}

package io.crisisconsole.toolkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and hands the result back on it. View-models depend on this
 * interface only; tests of view-models can run it synchronously.
 */
public interface TaskRunner {

    <T> void run(String description, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onError);

    /**
     * Runs {@code work} on the same background thread, after everything queued before it, and
     * blocks the caller until it is done. Only for shutdown, where the FX thread must not return
     * before pending text is written.
     *
     * @throws Exception what {@code work} threw, or a timeout / rejection when it could not run
     */
    <T> T runAndWait(String description, Callable<T> work, Duration timeout) throws Exception;
}

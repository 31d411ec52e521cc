package io.crisisconsole.app;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and hands the result back on it. View-models depend on this
 * interface only; tests of view-models can run it synchronously.
 */
public interface TaskRunner {

    <T> void run(String description, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onError);
}

package io.crisisconsole.toolkit.ui;

import io.crisisconsole.toolkit.TaskRunner;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs store work on one named daemon thread (writes stay in order) and publishes results on the
 * FX thread. {@link #runningProperty()} drives the busy indicator in the status bar.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService executor;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper("");

    /** The runner of the store's writes, on the thread {@code crisis-console-store}. */
    public FxTaskRunner() {
        this("crisis-console-store");
    }

    /** A runner of its own thread, named {@code threadName}. */
    public FxTaskRunner(String threadName) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void run(String description, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            Throwable error = task.getException();
            LOG.warn("{} failed", description, error);
            onError.accept(error);
        });
        started(description);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closing) {
            // a callback of work that finished while the app closes queued more: nothing runs after close
            onFx(this::finished);
            LOG.warn("{} was not run: the app is closing", description);
        }
    }

    @Override
    public <T> T runAndWait(String description, Callable<T> work, java.time.Duration timeout) throws Exception {
        Future<T> future = executor.submit(work);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        } catch (TimeoutException e) {
            LOG.warn("{} did not finish within {}", description, timeout);
            throw e;
        }
    }

    private void started(String description) {
        onFx(() -> {
            running.set(running.get() + 1);
            current.set(description);
        });
    }

    private void finished() {
        running.set(running.get() - 1);
        if (running.get() == 0) {
            current.set("");
        }
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Lets queued writes finish (bounded) before the store closes. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Background work did not finish within 10 s of shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

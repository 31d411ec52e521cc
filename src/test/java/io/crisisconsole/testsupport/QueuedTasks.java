package io.crisisconsole.testsupport;

import io.crisisconsole.toolkit.TaskRunner;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link TaskRunner} for view-model tests: work waits in a queue until {@link #runAll()}, then
 * runs in order with its callback right after it, like the app's single store thread.
 */
public final class QueuedTasks implements TaskRunner {

    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public <T> void run(String description, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onError) {
        queue.add(() -> {
            T value;
            try {
                value = work.call();
            } catch (Exception e) {
                onError.accept(e);
                return;
            }
            onSuccess.accept(value);
        });
    }

    @Override
    public <T> T runAndWait(String description, Callable<T> work, Duration timeout) throws Exception {
        runAll();
        return work.call();
    }

    public void runAll() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    public int queued() {
        return queue.size();
    }
}

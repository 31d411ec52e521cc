package io.crisisconsole.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One Messages serves the FX thread and the store thread at once: every text comes out whole. */
class MessagesConcurrencyTest {

    @Test
    void theSameTextFormattedOnSeveralThreadsAtOnceIsRightEveryTime() throws Exception {
        Messages en = Messages.forLocale(Locale.ENGLISH);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        int n = (i + offset) % 3;
                        String expected = n == 1 ? "1 entry" : n + " entries";
                        if (!en.get("cases.detail.timeline.count", Map.of("count", n)).equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

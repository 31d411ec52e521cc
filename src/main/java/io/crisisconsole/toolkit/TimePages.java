package io.crisisconsole.toolkit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a big query in pages, each from a time on: the query orders its rows by a time and then by
 * columns that make the order total (or that leave only rows equal in everything read), and pages
 * are asked for as "rows from {@code from} on, skipping the first {@code skip}, at most {@code size}".
 * Every row is handed on once, in the query's order.
 *
 * <p>Why: H2 keeps a query's whole result in memory before the first row is read, and writes it to
 * a temporary file once it has more rows than 40,000 per GB of the JVM's heap. Read whole, the
 * 200,000 mentions of a big case took 130–210 ms with a 1 GB heap instead of 52–100 ms, and the
 * 50,000 entries of its timeline 160–200 ms instead of 45 ms; in pages of a few thousand, read
 * along an index (so H2 neither sorts nor writes anything), 65–90 ms and 52 ms whatever the heap.
 * Pages are keyed by time, not counted from the start, so each is one index seek.
 */
public final class TimePages {

    /** Rows in a page: under H2's in-memory limit even for a 128 MB heap. */
    public static final int PAGE = 5_000;

    private TimePages() {
    }

    /** One page: at most {@code size} rows from {@code from} on, the first {@code skip} of them left out. */
    @FunctionalInterface
    public interface Page<T> {
        List<T> read(Instant from, int skip, int size);
    }

    /**
     * Hands every row to {@code sink} in order, reading pages of {@code size} from {@code first}
     * (the earliest time there is; null: there are no rows).
     *
     * @param timeOf the time a row is ordered by (never null)
     * @return how many rows were handed on
     */
    public static <T> long forEach(Instant first, int size, Page<T> page, Function<? super T, Instant> timeOf,
            Consumer<? super T> sink) {
        if (size < 1) {
            throw new IllegalArgumentException("page size " + size);
        }
        Objects.requireNonNull(page, "page");
        if (first == null) {
            return 0;
        }
        Instant from = first;
        int skip = 0;
        long total = 0;
        while (true) {
            List<T> rows = page.read(from, skip, size);
            Instant last = null;
            int sameAsLast = 0;
            for (T row : rows) {
                sink.accept(row);
                Instant t = timeOf.apply(row);
                if (t.equals(last)) {
                    sameAsLast++;
                } else {
                    last = t;
                    sameAsLast = 1;
                }
            }
            total += rows.size();
            if (rows.size() < size) {
                return total;
            }
            if (last.equals(from)) {
                // the whole page had the time the page began at: the next one skips these too
                skip += sameAsLast;
            } else {
                from = last;
                skip = sameAsLast;
            }
        }
    }
}

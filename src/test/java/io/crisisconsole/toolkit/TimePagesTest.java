package io.crisisconsole.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimePagesTest {

    static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");

    record Row(Instant at, int n) {
    }

    /** What the database does: rows from {@code from} on, in order, {@code skip} left out, at most {@code size}. */
    static final class Table {
        final List<Row> rows;
        int reads;

        Table(List<Row> rows) {
            this.rows = rows.stream().sorted(Comparator.comparing(Row::at).thenComparingInt(Row::n)).toList();
        }

        List<Row> page(Instant from, int skip, int size) {
            reads++;
            return rows.stream().filter(r -> !r.at().isBefore(from)).skip(skip).limit(size).toList();
        }

        Instant first() {
            return rows.isEmpty() ? null : rows.get(0).at();
        }
    }

    static List<Row> read(Table t, int size) {
        List<Row> out = new ArrayList<>();
        long n = TimePages.forEach(t.first(), size, t::page, Row::at, out::add);
        assertThat(n).isEqualTo(out.size());
        return out;
    }

    @Test
    void everyRowOnceInOrderWhateverThePageSizeAndTheTies() {
        Random random = new Random(13);
        for (int round = 0; round < 200; round++) {
            List<Row> rows = new ArrayList<>();
            int count = random.nextInt(60);
            int distinct = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                rows.add(new Row(T0.plusSeconds(random.nextInt(distinct)), i));
            }
            Table t = new Table(rows);
            int size = 1 + random.nextInt(9);
            assertThat(read(t, size)).as("round %d, %d rows, page %d", round, count, size).isEqualTo(t.rows);
        }
    }

    @Test
    void aRunOfEqualTimesLongerThanSeveralPagesIsReadOnce() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            rows.add(new Row(T0, i));
        }
        rows.add(new Row(T0.plusSeconds(1), 99));
        Table t = new Table(rows);
        assertThat(read(t, 5)).isEqualTo(t.rows);
        assertThat(t.reads).isEqualTo(5);
    }

    @Test
    void pagesAreAskedForFromTheLastTimeSeen() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(new Row(T0.plusSeconds(i), i));
        }
        Table t = new Table(rows);
        List<String> asked = new ArrayList<>();
        TimePages.forEach(t.first(), 4, (from, skip, size) -> {
            asked.add(from.getEpochSecond() - T0.getEpochSecond() + "+" + skip);
            return t.page(from, skip, size);
        }, Row::at, r -> { });
        // a full last page needs one more (empty) read to know it was the last
        assertThat(asked).containsExactly("0+0", "3+1", "7+1", "11+1");
    }

    @Test
    void noRowsNoRead() {
        Table t = new Table(List.of());
        assertThat(read(t, 3)).isEmpty();
        assertThat(t.reads).isZero();
    }

    @Test
    void aPageSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> TimePages.forEach(T0, 0, (f, s, n) -> List.of(), (Row r) -> r.at(), r -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page size 0");
    }
}

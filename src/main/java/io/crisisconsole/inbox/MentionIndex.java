package io.crisisconsole.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The in-memory search index of one case's inbox: per mention (a row, in id order) its state,
 * type, sentiment, platform, priority, published and due time in compact arrays, and per folded
 * word ({@link Fold}) of its text, author and tags the sorted rows that have it. A word of a query
 * matches every indexed word it starts (binary search in the sorted words). Sort orders are
 * computed once and kept until a change touches what they sort by. Thread-safe (one lock).
 */
final class MentionIndex {

    /** A growable sorted list of rows. */
    private static final class Rows {
        int[] a = new int[2];
        int n;

        void add(int row) {
            if (n > 0 && a[n - 1] == row) {
                return; // the same word twice in one mention
            }
            if (n == a.length) {
                a = Arrays.copyOf(a, n + (n >> 1) + 2);
            }
            a[n++] = row;
        }
    }

    private final ToIntFunction<InboxType> replyMinutes;
    private int size;
    private long[] ids = new long[1024];
    private byte[] state = new byte[1024];
    private byte[] type = new byte[1024];
    private byte[] sentiment = new byte[1024];
    private short[] platform = new short[1024];
    private short[] priority = new short[1024];
    private long[] published = new long[1024];
    /** Epoch milliseconds of the first response, or {@link Long#MIN_VALUE} for none. */
    private long[] responded = new long[1024];
    private final List<String> platforms = new ArrayList<>();
    private final Map<String, Rows> postings = new HashMap<>();
    private String[] words;
    private int[] byPublished;
    private int[] byDue;
    private int[] byPriority;

    MentionIndex(ToIntFunction<InboxType> replyMinutes) {
        this.replyMinutes = replyMinutes;
    }

    synchronized void add(MentionDao.IndexRow r) {
        if (size > 0 && r.id() <= ids[size - 1]) {
            throw new IllegalArgumentException("rows are added in id order");
        }
        if (size == ids.length) {
            int cap = size + (size >> 1);
            ids = Arrays.copyOf(ids, cap);
            state = Arrays.copyOf(state, cap);
            type = Arrays.copyOf(type, cap);
            sentiment = Arrays.copyOf(sentiment, cap);
            platform = Arrays.copyOf(platform, cap);
            priority = Arrays.copyOf(priority, cap);
            published = Arrays.copyOf(published, cap);
            responded = Arrays.copyOf(responded, cap);
        }
        int row = size++;
        ids[row] = r.id();
        state[row] = (byte) r.state().ordinal();
        type[row] = (byte) r.mentionType().ordinal();
        sentiment[row] = (byte) r.sentiment().ordinal();
        int p = platforms.indexOf(r.platform());
        if (p < 0) {
            p = platforms.size();
            platforms.add(r.platform());
        }
        platform[row] = (short) p;
        priority[row] = (short) r.priority();
        published[row] = r.publishedAt().toEpochMilli();
        responded[row] = r.firstResponseAt() == null ? Long.MIN_VALUE : r.firstResponseAt().toEpochMilli();
        Fold.words(r.text(), w -> word(w, row));
        Fold.words(r.author(), w -> word(w, row));
        Fold.words(r.tags(), w -> word(w, row));
        byPublished = null;
        byDue = null;
        byPriority = null;
    }

    private void word(String w, int row) {
        Rows rows = postings.get(w);
        if (rows == null) {
            rows = new Rows();
            postings.put(w, rows);
            words = null;
        }
        rows.add(row);
    }

    synchronized int size() {
        return size;
    }

    synchronized void state(long id, MentionState to) {
        int row = row(id);
        if (row >= 0) {
            state[row] = (byte) to.ordinal();
            byDue = null;
        }
    }

    synchronized void type(long id, InboxType to) {
        int row = row(id);
        if (row >= 0) {
            type[row] = (byte) to.ordinal();
            byDue = null;
        }
    }

    synchronized void responded(long id, Instant at) {
        int row = row(id);
        if (row >= 0 && (responded[row] == Long.MIN_VALUE || responded[row] > at.toEpochMilli())) {
            responded[row] = at.toEpochMilli();
            byDue = null;
        }
    }

    /** The ids that match {@code q}, in its order. */
    synchronized long[] search(InboxQuery q) {
        BitSet hits = null;
        if (q.text() != null) {
            for (String w : Fold.words(q.text())) {
                BitSet b = rowsStartingWith(w);
                if (hits == null) {
                    hits = b;
                } else {
                    hits.and(b);
                }
                if (hits.isEmpty()) {
                    return new long[0];
                }
            }
        }
        int stateMask = mask(q.states().stream().mapToInt(Enum::ordinal).toArray());
        int typeMask = mask(q.types().stream().mapToInt(Enum::ordinal).toArray());
        int sentimentMask = mask(q.sentiments().stream().mapToInt(Enum::ordinal).toArray());
        long platformMask = 0;
        for (String p : q.platforms()) {
            int i = platforms.indexOf(p);
            if (i >= 0 && i < 64) {
                platformMask |= 1L << i;
            }
        }
        if (!q.platforms().isEmpty() && platformMask == 0) {
            return new long[0];
        }
        int[] order = order(q.sort());
        long[] out = new long[hits == null ? size : Math.min(size, hits.cardinality())];
        int n = 0;
        for (int i = 0; i < size; i++) {
            int row = q.sort() == InboxSort.NEWEST ? order[size - 1 - i] : order[i];
            if ((hits == null || hits.get(row))
                    && (stateMask == 0 || (stateMask & (1 << state[row])) != 0)
                    && (typeMask == 0 || (typeMask & (1 << type[row])) != 0)
                    && (sentimentMask == 0 || (sentimentMask & (1 << sentiment[row])) != 0)
                    && (platformMask == 0 || (platform[row] < 64 && (platformMask & (1L << platform[row])) != 0))) {
                out[n++] = ids[row];
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static int mask(int[] ordinals) {
        int m = 0;
        for (int o : ordinals) {
            m |= 1 << o;
        }
        return m;
    }

    private BitSet rowsStartingWith(String prefix) {
        if (words == null) {
            words = postings.keySet().toArray(new String[0]);
            Arrays.sort(words);
        }
        BitSet b = new BitSet(size);
        int i = Arrays.binarySearch(words, prefix);
        if (i < 0) {
            i = -i - 1;
        }
        for (; i < words.length && words[i].startsWith(prefix); i++) {
            Rows r = postings.get(words[i]);
            for (int k = 0; k < r.n; k++) {
                b.set(r.a[k]);
            }
        }
        return b;
    }

    /** Rows in the order of {@code sort} (newest is read from the end of the oldest-first order). */
    private int[] order(InboxSort sort) {
        return switch (sort) {
            case NEWEST, OLDEST -> {
                if (byPublished == null) {
                    byPublished = sorted((x, y) -> {
                        int c = Long.compare(published[x], published[y]);
                        return c != 0 ? c : Integer.compare(x, y);
                    });
                }
                yield byPublished;
            }
            case DUE_SOONEST -> {
                if (byDue == null) {
                    long[] key = new long[size];
                    for (int r = 0; r < size; r++) {
                        key[r] = running(r) ? due(r) : Long.MAX_VALUE;
                    }
                    byDue = sorted((x, y) -> {
                        int c = Long.compare(key[x], key[y]);
                        if (c != 0) {
                            return c;
                        }
                        if (key[x] == Long.MAX_VALUE) {
                            c = Long.compare(published[y], published[x]);
                            if (c != 0) {
                                return c;
                            }
                        }
                        return Integer.compare(x, y);
                    });
                }
                yield byDue;
            }
            case PRIORITY -> {
                if (byPriority == null) {
                    byPriority = sorted((x, y) -> {
                        int c = Integer.compare(priority[y], priority[x]);
                        if (c == 0) {
                            c = Long.compare(published[y], published[x]);
                        }
                        return c != 0 ? c : Integer.compare(x, y);
                    });
                }
                yield byPriority;
            }
        };
    }

    /** The figures of {@link InboxSummary} at {@code nowMillis}. */
    synchronized InboxSummary summary(long nowMillis) {
        long[] byState = new long[MentionState.values().length];
        long waiting = 0;
        long amber = 0;
        long breached = 0;
        for (int r = 0; r < size; r++) {
            byState[state[r]]++;
            if (running(r)) {
                waiting++;
                long due = due(r);
                long quarter = replyMinutes.applyAsInt(InboxType.values()[type[r]]) * 15_000L;
                if (due <= nowMillis) {
                    breached++;
                } else if (due - nowMillis <= quarter) {
                    amber++;
                }
            }
        }
        Map<MentionState, Long> states = new java.util.EnumMap<>(MentionState.class);
        for (MentionState st : MentionState.values()) {
            states.put(st, byState[st.ordinal()]);
        }
        return new InboxSummary(size, states, waiting, amber, breached, platforms);
    }

    private boolean running(int row) {
        return responded[row] == Long.MIN_VALUE && MentionState.values()[state[row]].awaitsAnswer();
    }

    private long due(int row) {
        return published[row] + replyMinutes.applyAsInt(InboxType.values()[type[row]]) * 60_000L;
    }

    private interface RowOrder {
        int compare(int x, int y);
    }

    private int[] sorted(RowOrder order) {
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, order::compare);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    private int row(long id) {
        return Arrays.binarySearch(ids, 0, size, id);
    }
}

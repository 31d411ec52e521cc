package io.crisisconsole.inbox.ui;

import javafx.collections.ObservableListBase;

/**
 * The ids of the mentions a query found, as the items of a virtualised list: one {@code long[]}
 * (no boxed copy of 200,000 ids), replaced whole when the query changes.
 */
final class IdList extends ObservableListBase<Long> {

    private long[] ids = new long[0];

    @Override
    public Long get(int index) {
        return ids[index];
    }

    long id(int index) {
        return ids[index];
    }

    long[] ids() {
        return ids;
    }

    @Override
    public int size() {
        return ids.length;
    }

    /** Replaces every id (one change: all removed, all added). */
    void setAll(long[] next) {
        long[] before = ids;
        beginChange();
        ids = next;
        if (before.length > 0) {
            java.util.List<Long> removed = new java.util.AbstractList<>() {
                @Override
                public Long get(int i) {
                    return before[i];
                }

                @Override
                public int size() {
                    return before.length;
                }
            };
            nextRemove(0, removed);
        }
        if (next.length > 0) {
            nextAdd(0, next.length);
        }
        endChange();
    }

    /** The position of {@code id}, or -1. */
    int indexOf(long id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }
}

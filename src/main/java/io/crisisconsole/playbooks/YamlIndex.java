package io.crisisconsole.playbooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each node of a YAML document starts, as a tree that mirrors the document, looked up by
 * readable path ({@code when.severity_levels[2].level}; the empty string is the document root). A
 * mapping entry is located at its key, a sequence item at the item. Filled by {@link YamlScan} so
 * that semantic problems can point at the exact key.
 *
 * <p>Linear in the size of the document: a node holds its own key (not its whole path), its
 * children by key or by position, and at most 60 characters of its text; paths are only
 * built for the nodes a problem is reported at.
 */
final class YamlIndex {

    /** What kind of node a path holds. */
    enum Kind {
        SCALAR("text"), MAPPING("a mapping of keys"), SEQUENCE("a list");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /**
     * A node: where its key starts (for a list item: the item), where its value starts, and its kind
     * (null until the value has been seen). {@link #line()} and {@link #column()} are where a problem
     * about it is reported: the value for text, the key for a mapping or list (the whole entry is
     * meant).
     */
    static final class Node {
        private final String key;
        private final int keyLine;
        private final int keyColumn;
        private int valueLine;
        private int valueColumn;
        private Kind kind;
        private boolean plain;
        private boolean nullish;
        private String text;
        private Map<String, Node> keyed;
        private List<Node> items;

        Node(String key, int line, int column) {
            this.key = key;
            this.keyLine = line;
            this.keyColumn = column;
            this.valueLine = line;
            this.valueColumn = column;
        }

        int keyLine() {
            return keyLine;
        }

        int keyColumn() {
            return keyColumn;
        }

        int valueLine() {
            return valueLine;
        }

        int valueColumn() {
            return valueColumn;
        }

        Kind kind() {
            return kind;
        }

        /** The key of a mapping entry; null for a list item or the root. */
        String key() {
            return key;
        }

        /** Written without quotes (a scalar). */
        boolean plain() {
            return plain;
        }

        /** For text, the text cut to 60 characters (for messages); else null. */
        String text() {
            return text;
        }

        int line() {
            return kind == Kind.SCALAR ? valueLine : keyLine;
        }

        int column() {
            return kind == Kind.SCALAR ? valueColumn : keyColumn;
        }

        /** The entries of a mapping, in file order; empty for anything else. */
        Collection<Node> entries() {
            return keyed == null ? List.of() : keyed.values();
        }

        Node child(String k) {
            return keyed == null ? null : keyed.get(k);
        }

        Node item(int i) {
            return items == null || i < 0 || i >= items.size() ? null : items.get(i);
        }

        /** Adds a mapping entry; returns the entry already there under that key (nothing is added then). */
        Node addEntry(String k, int line, int column) {
            if (keyed == null) {
                keyed = new LinkedHashMap<>();
            }
            Node n = new Node(k, line, column);
            Node first = keyed.putIfAbsent(k, n);
            return first != null ? first : n;
        }

        Node addItem(int line, int column) {
            if (items == null) {
                items = new ArrayList<>();
            }
            Node n = new Node(null, line, column);
            items.add(n);
            return n;
        }

        /**
         * Records where the value starts and what it is; for text, the text itself (cut to 60
         * characters, for messages) and whether it was written plain (not quoted).
         */
        void value(int line, int column, Kind k, String value, boolean isPlain) {
            valueLine = line;
            valueColumn = column;
            kind = k;
            text = value == null || value.length() <= 60 ? value : value.substring(0, 57) + "...";
            plain = isPlain;
            nullish = isPlain && value != null
                    && (value.isEmpty() || value.equals("~") || value.equalsIgnoreCase("null"));
        }
    }

    private Node root = new Node(null, 1, 1);

    /** Starts the document's root node at {@code line} and {@code column}. */
    Node root(int line, int column) {
        root = new Node(null, line, column);
        return root;
    }

    Node root() {
        return root;
    }

    /** A plain empty value, {@code ~} or {@code null}: YAML's null. */
    boolean isNull(String path) {
        Node n = get(path);
        return n != null && n.kind == Kind.SCALAR && n.nullish;
    }

    /** The node at {@code path}, or null when there is none. */
    Node get(String path) {
        Node n = root;
        int i = 0;
        int len = path.length();
        while (n != null && i < len) {
            char c = path.charAt(i);
            if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    return null;
                }
                try {
                    n = n.item(Integer.parseInt(path, i + 1, close, 10));
                } catch (NumberFormatException e) {
                    return null;
                }
                i = close + 1;
            } else {
                if (c == '.') {
                    i++;
                }
                int next = i;
                while (next < len && path.charAt(next) != '.' && path.charAt(next) != '[') {
                    next++;
                }
                n = n.child(path.substring(i, next));
                i = next;
            }
        }
        return n;
    }

    /** The node at {@code path}, else at the nearest enclosing path that exists, else line 1, column 1. */
    Node locate(String path) {
        String p = path;
        while (true) {
            Node n = get(p);
            if (n != null) {
                return n;
            }
            if (p.isEmpty()) {
                return root;
            }
            p = parent(p);
        }
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}

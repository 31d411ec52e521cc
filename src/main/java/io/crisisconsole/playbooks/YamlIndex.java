package io.crisisconsole.playbooks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each node of a YAML document starts, by readable path ({@code when.severity_levels[2].level};
 * the empty string is the document root). A mapping entry is located at its key, a sequence item at
 * the item. Filled by {@link YamlScan} so that semantic problems can point at the exact key.
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
     * A node: where its key starts (for a list item: the item), where its value starts, and its kind.
     * {@link #line()} and {@link #column()} are where a problem about it is reported: the value for
     * text, the key for a mapping or list (the whole entry is meant).
     */
    record Node(int keyLine, int keyColumn, int valueLine, int valueColumn, Kind kind, String text, boolean plain) {
        int line() {
            return kind == Kind.SCALAR ? valueLine : keyLine;
        }

        int column() {
            return kind == Kind.SCALAR ? valueColumn : keyColumn;
        }
    }

    static final YamlIndex EMPTY = new YamlIndex();

    private final Map<String, Node> nodes = new LinkedHashMap<>();

    /** Records where the key of {@code path} starts (for a list item or the root: the item). */
    void key(String path, int line, int column) {
        nodes.put(path, new Node(line, column, line, column, null, null, false));
    }

    /**
     * Records where the value of {@code path} starts and what it is; for text, the text itself
     * (cut to 60 characters, for messages) and whether it was written plain (not quoted).
     */
    void value(String path, int line, int column, Kind kind, String text, boolean plain) {
        String t = text == null || text.length() <= 60 ? text : text.substring(0, 57) + "...";
        Node n = nodes.get(path);
        nodes.put(path, n == null ? new Node(line, column, line, column, kind, t, plain)
                : new Node(n.keyLine(), n.keyColumn(), line, column, kind, t, plain));
    }

    /** Every path, in file order. */
    Iterable<String> paths() {
        return nodes.keySet();
    }

    /** A plain empty value, {@code ~} or {@code null}: YAML's null. */
    boolean isNull(String path) {
        Node n = nodes.get(path);
        return n != null && n.kind() == Kind.SCALAR && n.plain()
                && (n.text().isEmpty() || n.text().equals("~") || n.text().equalsIgnoreCase("null"));
    }

    Node get(String path) {
        return nodes.get(path);
    }

    /** The node at {@code path}, else at the nearest enclosing path that exists, else line 1, column 1. */
    Node locate(String path) {
        String p = path;
        while (true) {
            Node n = nodes.get(p);
            if (n != null) {
                return n;
            }
            if (p.isEmpty()) {
                return new Node(1, 1, 1, 1, null, null, false);
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

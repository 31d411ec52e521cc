package io.crisisconsole.playbooks;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The first pass over a playbook file: reads the YAML as a stream of SnakeYAML events (no objects
 * are built, so nothing can blow up) and refuses what the format forbids before Jackson sees it:
 * anchors and aliases (Jackson would silently read {@code *a} as the text "a"), explicit tags,
 * duplicate keys, keys that are not plain text, nesting deeper than {@value #MAX_DEPTH}, and more
 * than one document. Records where every key and list item starts, for located semantic errors.
 * Linear: one pass over the events, a hash lookup per key.
 */
final class YamlScan {

    static final int MAX_DEPTH = 64;

    /** A problem without its file name yet. */
    record Found(int line, int column, String message) {
    }

    private static final class Frame {
        final boolean mapping;
        final YamlIndex.Node node;
        boolean expectKey = true;
        /** The entry whose value comes next (a mapping). */
        YamlIndex.Node entry;

        Frame(boolean mapping, YamlIndex.Node node) {
            this.mapping = mapping;
            this.node = node;
        }
    }

    final YamlIndex index = new YamlIndex();
    final List<Found> problems = new ArrayList<>();
    /** Whether the file holds a document with content (not an empty file or only comments). */
    boolean hasContent;

    private YamlScan() {
    }

    static YamlScan scan(String yaml) {
        return scan(yaml, "playbook");
    }

    /** {@code noun}: what one file holds, for "one playbook per file". */
    static YamlScan scan(String yaml, String noun) {
        YamlScan s = new YamlScan();
        s.run(yaml, noun);
        return s;
    }

    /**
     * The longest word, run of spaces or comment SnakeYAML is given. Its reader copies its whole
     * look-ahead window for every 1024 characters it reads, so one token of n characters costs n²/1024:
     * 30 s for a 1 MiB comment or word. 16 Ki characters cost a millisecond; a playbook has no
     * word that long (long texts have spaces, and may be written over several lines).
     */
    static final int MAX_RUN = 16 * 1024;

    /** The first word, run of spaces or comment longer than {@link #MAX_RUN}, as a problem; null when none. */
    static Found longRun(String yaml) {
        int line = 1;
        int lineStart = 0;
        int runStart = 0;
        int kind = -1; // 0 blank, 1 word, 2 comment
        for (int i = 0, n = yaml.length(); i <= n; i++) {
            char c = i < n ? yaml.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                if (kind >= 0 && i - runStart > MAX_RUN) {
                    break;
                }
                kind = -1;
                if (c == '\n' || i + 1 >= n || yaml.charAt(i + 1) != '\n') {
                    line++;
                    lineStart = i + 1;
                }
                continue;
            }
            int k = kind == 2 ? 2 : c == ' ' || c == '\t' ? 0 : c == '#' && kind != 1 ? 2 : 1;
            if (k != kind) {
                if (kind >= 0 && i - runStart > MAX_RUN) {
                    break;
                }
                kind = k;
                runStart = i;
            }
        }
        if (kind < 0) {
            return null;
        }
        String what = kind == 2 ? "a comment longer than " + MAX_RUN + " characters on one line"
                : kind == 0 ? "more than " + MAX_RUN + " spaces in a row"
                : "a word longer than " + MAX_RUN + " characters (no space or line break)";
        return new Found(line, runStart - lineStart + 1, what + " is not allowed; break it up");
    }

    private void run(String yaml, String noun) {
        Found tooLong = longRun(yaml);
        if (tooLong != null) {
            problems.add(tooLong);
            return;
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        Deque<Frame> stack = new ArrayDeque<>();
        int documents = 0;
        try {
            for (Event e : new Yaml(options).parse(new StringReader(yaml))) {
                if (e instanceof DocumentStartEvent) {
                    documents++;
                    if (documents > 1) {
                        add(e.getStartMark(), "one " + noun + " per file: a second YAML document starts here");
                        return;
                    }
                    continue;
                }
                if (e instanceof NodeEvent node) {
                    hasContent |= !(stack.isEmpty() && e instanceof ScalarEvent s && s.getValue().isEmpty());
                    if (!refused(node) || !place(node, stack)) {
                        return;
                    }
                    if (e instanceof CollectionStartEvent) {
                        if (stack.size() >= MAX_DEPTH) {
                            add(e.getStartMark(), "nesting deeper than " + MAX_DEPTH + " levels is not allowed");
                            return;
                        }
                        stack.push(new Frame(e instanceof MappingStartEvent, lastNode));
                    }
                } else if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
                    stack.pop();
                }
            }
        } catch (MarkedYAMLException ex) {
            Mark m = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
            String what = ex.getProblem() != null ? ex.getProblem() : "not valid YAML";
            String context = ex.getContext() != null ? " (" + ex.getContext() + ")" : "";
            if (m == null) {
                problems.add(new Found(1, 1, "YAML syntax error: " + what + context));
            } else {
                add(m, "YAML syntax error: " + what + context);
            }
        } catch (YAMLException ex) {
            problems.add(new Found(1, 1, "YAML syntax error: " + ex.getMessage()));
        }
    }

    private YamlIndex.Node lastNode;

    /** False (with a problem) for anchors, aliases and explicit tags. */
    private boolean refused(NodeEvent node) {
        if (node instanceof AliasEvent alias) {
            add(node.getStartMark(), "YAML aliases (*" + cut(alias.getAnchor()) + ") are not allowed; write the value out");
            return false;
        }
        if (node.getAnchor() != null) {
            add(node.getStartMark(), "YAML anchors (&" + cut(node.getAnchor()) + ") are not allowed");
            return false;
        }
        String tag = node instanceof ScalarEvent s ? s.getTag()
                : node instanceof CollectionStartEvent c ? c.getTag() : null;
        if (tag != null) {
            add(node.getStartMark(), "YAML tags (" + cut(tag) + ") are not allowed");
            return false;
        }
        return true;
    }

    /** Places the node in the index and records where it starts; false (with a problem) for bad or duplicate keys. */
    private boolean place(NodeEvent node, Deque<Frame> stack) {
        Mark start = node.getStartMark();
        int line = start.getLine() + 1;
        int column = start.getColumn() + 1;
        YamlIndex.Kind kind = node instanceof ScalarEvent ? YamlIndex.Kind.SCALAR
                : node instanceof MappingStartEvent ? YamlIndex.Kind.MAPPING : YamlIndex.Kind.SEQUENCE;
        Frame top = stack.peek();
        if (top == null) {
            lastNode = index.root(line, column);
        } else if (top.mapping && top.expectKey) {
            if (!(node instanceof ScalarEvent key)) {
                add(start, "keys must be plain text");
                return false;
            }
            YamlIndex.Node entry = top.node.addEntry(key.getValue(), line, column);
            if (entry.keyLine() != line || entry.keyColumn() != column) {
                add(start, "duplicate key '" + cut(key.getValue()) + "' (first at line " + entry.keyLine() + ")");
                return false;
            }
            top.entry = entry;
            top.expectKey = false;
            return true;
        } else if (top.mapping) {
            top.expectKey = true;
            lastNode = top.entry;
        } else {
            lastNode = top.node.addItem(line, column);
        }
        ScalarEvent scalar = node instanceof ScalarEvent sc ? sc : null;
        lastNode.value(line, column, kind, scalar == null ? null : scalar.getValue(), scalar != null && scalar.isPlain());
        return true;
    }

    /** A key or value quoted in a message: at most 60 characters. */
    static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private void add(Mark m, String message) {
        problems.add(new Found(m.getLine() + 1, m.getColumn() + 1, message));
    }
}

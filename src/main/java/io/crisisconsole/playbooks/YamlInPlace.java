package io.crisisconsole.playbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a form edit into the playbook's YAML in place: the values that changed are found by
 * comparing the playbook before and after (as the writer would write them), located in the file by
 * their SnakeYAML node positions, and only their text is replaced (a scalar; an item added to or
 * removed from a list; a key added or removed). Comments, key order, quoting and folded or literal
 * blocks of everything else stay byte for byte; a changed folded text stays folded where the new
 * text allows it. The result is read back and must be exactly the edited playbook; where it is not
 * (or the file cannot be edited this way) the caller writes the whole file instead.
 */
final class YamlInPlace {

    private static final Resolver RESOLVER = new Resolver();
    private static final int WRAP = 100;

    /** One replacement of {@code [start, end)} (char offsets into the original text). */
    private record Change(int start, int end, String text) {
    }

    private final String text;
    private final List<Change> changes = new ArrayList<>();
    private final Map<Integer, Integer> charOfCodePoint = new HashMap<>();

    private YamlInPlace(String text) {
        this.text = text;
    }

    /** Thrown inside when a change cannot be made in place. */
    private static final class NotInPlace extends RuntimeException {
        NotInPlace(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * The YAML with the changes from {@code before} to {@code after} made in place, or null when that is
     * not possible (then write the whole file).
     */
    static String edit(String yaml, Playbook before, Playbook after) {
        if (before == null || after == null) {
            return null;
        }
        JsonNode was = PlaybookWriter.tree(before);
        JsonNode now = PlaybookWriter.tree(after);
        if (was.equals(now)) {
            return yaml;
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setProcessComments(false);
            root = new Yaml(options).compose(new StringReader(yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml));
        } catch (YAMLException e) {
            return null;
        }
        if (root == null) {
            return null;
        }
        YamlInPlace e = new YamlInPlace(yaml);
        try {
            e.node(root, was, now, false);
        } catch (NotInPlace notHere) {
            return null;
        }
        return e.apply();
    }

    private String apply() {
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparingInt(Change::start).reversed());
        StringBuilder sb = new StringBuilder(text);
        int last = Integer.MAX_VALUE;
        for (Change c : sorted) {
            if (c.end() > last) {
                throw new IllegalStateException("overlapping edits");
            }
            sb.replace(c.start(), c.end(), c.text());
            last = c.start();
        }
        return sb.toString();
    }

    // ----- where things are

    /** The char offset of a SnakeYAML mark (which counts code points). */
    private int at(org.yaml.snakeyaml.error.Mark m) {
        int cp = m.getIndex();
        int bom = text.startsWith("\uFEFF") ? 1 : 0;
        return charOfCodePoint.computeIfAbsent(cp, i -> {
            int limit = text.codePointCount(bom, text.length());
            return i >= limit ? text.length() : text.offsetByCodePoints(bom, i);
        });
    }

    private int start(Node n) {
        return at(n.getStartMark());
    }

    /** Where the node's own text ends (a block's trailing line breaks and what follows not included). */
    private int contentEnd(Node n) {
        if (n instanceof ScalarNode s) {
            int end = at(s.getEndMark());
            if (s.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED
                    || s.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL) {
                while (end > start(s) && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
            }
            return end;
        }
        if (isFlow(n)) {
            return at(n.getEndMark());
        }
        if (n instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
            return contentEnd(seq.getValue().get(seq.getValue().size() - 1));
        }
        if (n instanceof MappingNode map && !map.getValue().isEmpty()) {
            return contentEnd(map.getValue().get(map.getValue().size() - 1).getValueNode());
        }
        return at(n.getEndMark());
    }

    private int lineStart(int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /** After the line break ending the line {@code offset} is on (or the end of the text). */
    private int nextLine(int offset) {
        int nl = text.indexOf('\n', offset);
        return nl < 0 ? text.length() : nl + 1;
    }

    private int column(int offset) {
        return offset - lineStart(offset);
    }

    private static boolean isFlow(Node n) {
        return n instanceof SequenceNode s ? s.getFlowStyle() == DumperOptions.FlowStyle.FLOW
                : n instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
    }

    // ----- comparing

    private void node(Node n, JsonNode was, JsonNode now, boolean inFlow) {
        if (Objects.equals(was, now)) {
            return;
        }
        if (now.isObject() && n instanceof MappingNode map && !isFlow(map)) {
            mapping(map, was, now);
        } else if (now.isArray() && n instanceof SequenceNode seq && !isFlow(seq) && was != null && was.isArray()
                && !now.isEmpty()) {
            sequence(seq, was, now);
        } else if (now.isArray() && n instanceof SequenceNode seq && isFlow(seq)) {
            changes.add(new Change(start(seq), at(seq.getEndMark()), flow(now)));
        } else if (now.isValueNode() && n instanceof ScalarNode s) {
            scalar(s, now, inFlow);
        } else {
            throw new NotInPlace("the shape of " + n.getNodeId() + " changed");
        }
    }

    private void mapping(MappingNode map, JsonNode was, JsonNode now) {
        Map<String, NodeTuple> byKey = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new NotInPlace("a key that is not text");
            }
            byKey.put(k.getValue(), t);
        }
        List<String> added = new ArrayList<>();
        for (Iterator<String> it = now.fieldNames(); it.hasNext();) {
            String key = it.next();
            JsonNode before = was == null ? null : was.get(key);
            JsonNode after = now.get(key);
            if (Objects.equals(before, after)) {
                continue;
            }
            NodeTuple t = byKey.get(key);
            if (t == null) {
                if (!after.isNull()) {
                    added.add(key);
                }
            } else if (after.isNull()) {
                // the key goes: from its line to the end of its value's last line
                int from = lineStart(start(t.getKeyNode()));
                if (text.substring(from, start(t.getKeyNode())).isBlank()) {
                    changes.add(new Change(from, nextLine(contentEnd(t.getValueNode())), ""));
                } else {
                    throw new NotInPlace("a key on a list item's line");
                }
            } else if (isNullScalar(t.getValueNode())) {
                // "key:" with nothing: the value goes right after the colon
                int end = contentEnd(t.getKeyNode());
                int colon = text.indexOf(':', end);
                changes.add(new Change(colon + 1, colon + 1 + spacesAfter(colon + 1), " " + block(after,
                        column(start(t.getKeyNode())) + 2)));
            } else {
                node(t.getValueNode(), before, after, false);
            }
        }
        if (!added.isEmpty()) {
            if (map.getValue().isEmpty()) {
                throw new NotInPlace("an empty mapping");
            }
            int indent = column(start(map.getValue().get(0).getKeyNode()));
            StringBuilder sb = new StringBuilder();
            for (String key : added) {
                sb.append(" ".repeat(indent)).append(entry(key, now.get(key), indent));
            }
            int after = nextLine(contentEnd(map));
            changes.add(new Change(after, after, (after == text.length() && !text.endsWith("\n") ? "\n" : "") + sb));
        }
    }

    private int spacesAfter(int offset) {
        int i = offset;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i - offset;
    }

    private static boolean isNullScalar(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    private void sequence(SequenceNode seq, JsonNode was, JsonNode now) {
        List<Node> items = seq.getValue();
        int oldN = was.size();
        int newN = now.size();
        if (items.size() != oldN) {
            throw new NotInPlace("the list does not match the file");
        }
        int prefix = 0;
        while (prefix < oldN && prefix < newN && was.get(prefix).equals(now.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < oldN - prefix && suffix < newN - prefix
                && was.get(oldN - 1 - suffix).equals(now.get(newN - 1 - suffix))) {
            suffix++;
        }
        int removed = oldN - prefix - suffix;
        int inserted = newN - prefix - suffix;
        int pairs = Math.min(removed, inserted);
        for (int i = 0; i < pairs; i++) {
            node(items.get(prefix + i), was.get(prefix + i), now.get(prefix + i), false);
        }
        if (oldN == 0) {
            throw new NotInPlace("an empty block list");
        }
        int dashColumn = column(start(seq));
        for (int i = prefix + pairs; i < prefix + removed; i++) {
            Node item = items.get(i);
            int from = lineStart(start(item));
            if (!text.substring(from, start(item)).strip().equals("-")) {
                throw new NotInPlace("a list item that does not start its own line");
            }
            int to = i + 1 < items.size() ? lineStart(start(items.get(i + 1))) : nextLine(contentEnd(item));
            changes.add(new Change(from, to, ""));
        }
        if (inserted > pairs) {
            int from = prefix + pairs;
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < prefix + inserted; i++) {
                sb.append(blockItem(now.get(i), dashColumn));
            }
            int where;
            if (from < oldN) {
                where = lineStart(start(items.get(from)));
                if (!text.substring(where, start(items.get(from))).strip().equals("-")) {
                    throw new NotInPlace("a list item that does not start its own line");
                }
            } else {
                where = nextLine(contentEnd(items.get(oldN - 1)));
            }
            changes.add(new Change(where, where, (where == text.length() && !text.endsWith("\n") ? "\n" : "") + sb));
        }
    }

    // ----- writing values

    private void scalar(ScalarNode s, JsonNode now, boolean inFlow) {
        int from = start(s);
        int to = contentEnd(s);
        String value = now.isTextual() ? now.textValue() : now.isNull() ? null : now.asText();
        if (value == null) {
            throw new NotInPlace("a value became empty");
        }
        DumperOptions.ScalarStyle style = s.getScalarStyle();
        String written = null;
        if (!now.isTextual()) {
            written = value; // a number or yes/no value, written plain
        } else if (style == DumperOptions.ScalarStyle.FOLDED || style == DumperOptions.ScalarStyle.LITERAL) {
            written = blockScalar(style, value, from, to);
        } else if (style == DumperOptions.ScalarStyle.SINGLE_QUOTED && singleQuotable(value)) {
            written = "'" + value.replace("'", "''") + "'";
        } else if (style == DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
            written = doubleQuoted(value);
        }
        if (written == null) {
            written = single(value, inFlow);
        }
        changes.add(new Change(from, to, written));
    }

    /**
     * The text as a folded or literal block like the one it replaces (same indicator and indentation),
     * or null when the text cannot be written that way.
     */
    private String blockScalar(DumperOptions.ScalarStyle style, String value, int from, int to) {
        String old = text.substring(from, to);
        int nl = old.indexOf('\n');
        if (nl < 0) {
            return null;
        }
        String header = old.substring(0, nl).strip();
        if (!header.equals(">-") && !header.equals(">") && !header.equals("|-") && !header.equals("|")) {
            return null;
        }
        boolean keep = !header.endsWith("-");
        String body = value;
        if (keep) {
            if (!body.endsWith("\n") || body.endsWith("\n\n")) {
                return null;
            }
            body = body.substring(0, body.length() - 1);
        } else if (body.endsWith("\n")) {
            return null;
        }
        if (body.isEmpty() || body.startsWith(" ") || body.startsWith("\t") || body.contains("\r")) {
            return null;
        }
        String rest = old.substring(nl + 1);
        int indentWidth = 0;
        while (indentWidth < rest.length() && rest.charAt(indentWidth) == ' ') {
            indentWidth++;
        }
        if (indentWidth == 0) {
            return null;
        }
        String indent = " ".repeat(indentWidth);
        StringBuilder sb = new StringBuilder(old.substring(0, nl + 1));
        if (style == DumperOptions.ScalarStyle.LITERAL) {
            String[] lines = body.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].endsWith(" ") && i == lines.length - 1) {
                    return null;
                }
                sb.append(lines[i].isEmpty() ? "" : indent + lines[i]);
                if (i < lines.length - 1) {
                    sb.append('\n');
                }
            }
            return sb.toString();
        }
        // folded: one paragraph, broken at single spaces between words
        if (body.contains("\n") || body.endsWith(" ") || body.contains("\t")) {
            return null;
        }
        int width = Math.max(40, WRAP - indentWidth);
        int lineFrom = 0;
        int lastBreak = -1;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == ' ' && i > 0 && body.charAt(i - 1) != ' ' && i + 1 < body.length()
                    && body.charAt(i + 1) != ' ') {
                if (i - lineFrom > width && lastBreak > lineFrom) {
                    lines.add(body.substring(lineFrom, lastBreak));
                    lineFrom = lastBreak + 1;
                }
                lastBreak = i;
            }
        }
        if (body.length() - lineFrom > width && lastBreak > lineFrom) {
            lines.add(body.substring(lineFrom, lastBreak));
            lineFrom = lastBreak + 1;
        }
        lines.add(body.substring(lineFrom));
        for (int i = 0; i < lines.size(); i++) {
            sb.append(indent).append(lines.get(i));
            if (i < lines.size() - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** A value on one line: plain where YAML reads it back as the same text, else in double quotes. */
    static String single(String value, boolean inFlow) {
        return plainOk(value, inFlow) ? value : doubleQuoted(value);
    }

    static boolean plainOk(String v, boolean inFlow) {
        if (v.isEmpty() || !v.strip().equals(v) || v.contains(": ") || v.contains(" #") || v.endsWith(":")) {
            return false;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(v.charAt(0)) >= 0) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                    || (inFlow && ",[]{}".indexOf(c) >= 0)) {
                return false;
            }
        }
        // 3, 1.5, yes, null, 2026-11-24 would be read as something else than text
        return RESOLVER.resolve(NodeId.scalar, v, true).equals(Tag.STR);
    }

    private static boolean singleQuotable(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    static String doubleQuoted(String v) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A list written as a flow list, {@code [a, "b, c"]}: items must be plain values. */
    private static String flow(JsonNode list) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isValueNode() || item.isNull()) {
                throw new NotInPlace("a flow list of records");
            }
            sb.append(i == 0 ? "" : ", ").append(item.isTextual() ? single(item.textValue(), true) : item.asText());
        }
        return sb.append(']').toString();
    }

    /** A value after "key: " (a scalar on the line, or a block on the lines below at {@code indent}). */
    private static String block(JsonNode value, int indent) {
        if (value.isValueNode()) {
            return (value.isTextual() ? single(value.textValue(), false) : value.asText()) + "";
        }
        if (value.isArray() && value.isEmpty()) {
            return "[]";
        }
        String yaml = PlaybookWriter.fragment(value);
        return "\n" + indented(yaml, indent).stripTrailing();
    }

    /** {@code key: value} and its line break, the value's lines indented under the key at {@code indent}. */
    private static String entry(String key, JsonNode value, int indent) {
        ObjectNodeHolder one = new ObjectNodeHolder(key, value);
        String yaml = PlaybookWriter.fragment(one.node);
        return indented(yaml, indent).substring(indent);
    }

    /** A new list item ({@code - ...} and its lines) with its dash at {@code dashColumn}. */
    private static String blockItem(JsonNode value, int dashColumn) {
        com.fasterxml.jackson.databind.node.ArrayNode one = JsonNodeFactory.instance.arrayNode();
        one.add(value);
        return indented(PlaybookWriter.fragment(one), dashColumn);
    }

    /** The writer's lines moved to start at {@code indent} (its own leading indentation taken off first). */
    private static String indented(String yaml, int indent) {
        String pad = " ".repeat(indent);
        int common = Integer.MAX_VALUE;
        for (String line : yaml.split("\n", -1)) {
            if (!line.isBlank()) {
                common = Math.min(common, line.length() - line.stripLeading().length());
            }
        }
        int cut = common == Integer.MAX_VALUE ? 0 : common;
        StringBuilder sb = new StringBuilder();
        for (String line : yaml.split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append(pad).append(line.length() >= cut ? line.substring(cut) : line.stripLeading()).append('\n');
            } else {
                sb.append('\n');
            }
        }
        // split leaves one empty piece after the last line break
        String s = sb.toString();
        return s.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static final class ObjectNodeHolder {
        final JsonNode node;

        ObjectNodeHolder(String key, JsonNode value) {
            com.fasterxml.jackson.databind.node.ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.set(key, value);
            node = o;
        }
    }
}

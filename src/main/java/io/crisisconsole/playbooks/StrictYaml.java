package io.crisisconsole.playbooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.crisisconsole.toolkit.StrictText;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one strict YAML format into a root record and says exactly where the file is wrong: the
 * machinery behind {@link PlaybookReader}, and the scenario reader's too.
 *
 * <p>Three passes: (1) size, at most {@value #MAX_BYTES} bytes, checked before anything is read or
 * parsed; (2) {@link YamlScan} over SnakeYAML events: anchors, aliases, tags, duplicate keys, nesting
 * deeper than 64, several documents; it also records where every key starts; (3) Jackson maps the
 * YAML to the root record: unknown keys (all of them are reported), wrong types, missing keys and
 * empty values; then the format's rules are checked and every broken one is reported at its key.
 * Every problem has a 1-based line and column; at most {@value #MAX_PROBLEMS} are listed. Thread-safe.
 *
 * @param <T> the root record of the format
 */
public final class StrictYaml<T> {

    /** Files are at most 1 MiB. */
    public static final int MAX_BYTES = 1024 * 1024;

    /**
     * At most {@value #MAX_PROBLEMS} problems are reported, in line order; when there are more, a
     * last one at the first left out says how many more there are.
     */
    public static final int MAX_PROBLEMS = 100;

    /** The format's rules: hands each broken one, at a readable path ({@code injects[2].persona}), to {@code found}. */
    @FunctionalInterface
    public interface Rules<T> {
        void check(T value, BiConsumer<String, String> found);
    }

    /**
     * What was read: {@code value} is null when the file could not be mapped at all (hostile YAML,
     * wrong types, missing keys); set, with the problems, when only unknown keys or broken rules
     * were found. Problems are in line order.
     */
    public record Read<T>(T value, List<PlaybookProblem> problems) {
        public Read {
            problems = List.copyOf(problems);
        }
    }

    private final Class<T> root;
    private final String noun;
    private final InjectableValues absent;
    private final Rules<T> rules;

    /**
     * @param root the root record
     * @param noun what one file holds, in problems ("playbook": "one playbook per file", "playbooks are limited to 1 MiB")
     * @param absent what an optional key left out reads as (the record's {@code @JacksonInject} ids)
     * @param rules the format's rules, run when the file could be mapped
     */
    public StrictYaml(Class<T> root, String noun, InjectableValues absent, Rules<T> rules) {
        this.root = root;
        this.noun = noun;
        this.absent = absent;
        this.rules = rules;
    }

    private static final YAMLMapper MAPPER = mapper();
    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing (?:required )?creator property '([^']+)'");

    private static YAMLMapper mapper() {
        YAMLMapper m = YAMLMapper.builder(YAMLFactory.builder()
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .build())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // an empty value ("escalate_to:") or ~ is an error, in records, lists and maps alike
                .defaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL))
                .build();
        // "2" (quoted) is not a number, and an empty text is not zero
        m.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // "true" (quoted), 1 or "yes" are not a true/false value
        m.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        // and 3, 1.5 or true are not text (write "3" when the text is a number); nor are they a channel,
        // a stage or a mention type, which are read from text
        for (LogicalType text : new LogicalType[] {LogicalType.Textual, LogicalType.Enum}) {
            m.coercionConfigFor(text)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        return m;
    }

    /** Reads a file: refused at 1:1 when missing, unreadable, over 1 MiB (checked before reading) or not UTF-8. */
    public Read<T> read(Path file) {
        String text;
        try {
            text = text(file);
        } catch (PlaybookInvalidException e) {
            return new Read<>(null, e.problems());
        }
        return read(file.toString(), text);
    }

    /**
     * The text of a file, read once and strictly.
     *
     * @throws PlaybookInvalidException at 1:1 when the file is missing, unreadable, a folder, over
     *         1 MiB (checked before reading) or not UTF-8
     */
    public String text(Path file) {
        try {
            return StrictText.readUtf8(file, MAX_BYTES);
        } catch (StrictText.Refused r) {
            throw new PlaybookInvalidException(failed(file.toString(), switch (r.reason()) {
                case FOLDER -> "is a folder, not a " + noun + " file";
                case TOO_LARGE -> tooLarge(r.size());
                default -> r.getMessage();
            }).problems());
        }
    }

    /** Reads YAML text; {@code fileName} is only used in the problems. A leading byte-order mark is ignored. */
    public Read<T> read(String fileName, String yaml) {
        long size = utf8Length(yaml);
        if (size > MAX_BYTES) {
            return failed(fileName, tooLarge(size));
        }
        if (yaml.startsWith("\uFEFF")) {
            yaml = yaml.substring(1);
        }
        YamlScan scan = YamlScan.scan(yaml, noun);
        if (!scan.problems.isEmpty()) {
            return new Read<>(null, scan.problems.stream()
                    .map(f -> new PlaybookProblem(fileName, f.line(), f.column(), f.message())).toList());
        }
        if (!scan.hasContent) {
            return failed(fileName, "the file is empty; a " + noun + " starts with 'format: 1'");
        }
        YamlIndex index = scan.index;
        Kept problems = new Kept();
        unknownKeys(fileName, index.root(), "", root, problems);
        ObjectReader reader = MAPPER.readerFor(root).withHandler(SKIP_UNKNOWN).with(absent);
        T value = null;
        try {
            value = reader.readValue(yaml);
        } catch (JsonProcessingException e) {
            problems.add(fromJackson(fileName, e, index));
        }
        if (value != null) {
            rules.check(value, (path, message) -> {
                YamlIndex.Node at = index.locate(path);
                problems.add(new PlaybookProblem(fileName, at.line(), at.column(),
                        path.isEmpty() ? message : path + ": " + message));
            });
        }
        return new Read<>(value, problems.list());
    }

    /**
     * The first, structural pass alone (see {@link PlaybookReader#structuralProblems}). A leading
     * byte-order mark is ignored.
     */
    public static List<PlaybookProblem> structuralProblems(String fileName, String yaml) {
        if (yaml.startsWith("\uFEFF")) {
            yaml = yaml.substring(1);
        }
        YamlScan scan = YamlScan.scan(yaml);
        return scan.problems.stream()
                .map(f -> new PlaybookProblem(fileName, f.line(), f.column(), f.message())).toList();
    }

    /**
     * The first {@value #MAX_PROBLEMS} problems in line order (problems at the same place in the order
     * they were found), and how many there are in all: a file with a million problems keeps a
     * hundred in memory, not a million.
     */
    private static final class Kept {
        private record Numbered(PlaybookProblem problem, int seq) {
        }

        private static final Comparator<Numbered> ORDER = Comparator.comparingInt((Numbered n) -> n.problem().line())
                .thenComparingInt(n -> n.problem().column()).thenComparingInt(Numbered::seq);

        /** The last of the kept ones on top, to be dropped when a problem earlier in the file comes. */
        private final java.util.PriorityQueue<Numbered> first = new java.util.PriorityQueue<>(ORDER.reversed());
        private int total;

        void add(PlaybookProblem p) {
            first.add(new Numbered(p, total++));
            if (first.size() > MAX_PROBLEMS + 1) {
                first.poll();
            }
        }

        List<PlaybookProblem> list() {
            List<PlaybookProblem> sorted = first.stream().sorted(ORDER).map(Numbered::problem).toList();
            if (total <= MAX_PROBLEMS) {
                return sorted;
            }
            List<PlaybookProblem> shown = new ArrayList<>(sorted.subList(0, MAX_PROBLEMS));
            PlaybookProblem next = sorted.get(MAX_PROBLEMS);
            int more = total - MAX_PROBLEMS;
            shown.add(new PlaybookProblem(next.file(), next.line(), next.column(), "and " + more + " more problem"
                    + (more == 1 ? "" : "s") + " from here on (only the first " + MAX_PROBLEMS + " are listed)"));
            return shown;
        }
    }

    /**
     * Every key the format does not know, in file order (Jackson would stop at the first). Keys
     * inside an unknown key are not reported again. One walk over the index, beside the types the
     * format expects: linear in the size of the file.
     */
    private static void unknownKeys(String file, YamlIndex.Node node, String path, Type expected, Kept problems) {
        if (expected instanceof Class<?> record && record.isRecord()) {
            Map<String, Type> components = components(record);
            for (YamlIndex.Node entry : node.entries()) {
                Type type = components.get(entry.key());
                if (type == null) {
                    problems.add(new PlaybookProblem(file, entry.keyLine(), entry.keyColumn(),
                            (path.isEmpty() ? "" : path + ": ") + "unknown key '" + YamlScan.cut(entry.key()) + "'"
                                    + known(record)));
                } else if (descends(type)) {
                    unknownKeys(file, entry, YamlIndex.child(path, entry.key()), type, problems);
                }
            }
        } else if (expected instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            Type element = pt.getActualTypeArguments()[0];
            if (descends(element)) {
                int i = 0;
                YamlIndex.Node item;
                while ((item = node.item(i)) != null) {
                    unknownKeys(file, item, YamlIndex.item(path, i), element, problems);
                    i++;
                }
            }
        } else if (expected instanceof ParameterizedType pt && pt.getRawType() == Map.class) {
            Type value = pt.getActualTypeArguments()[1];
            if (descends(value)) {
                for (YamlIndex.Node entry : node.entries()) {
                    unknownKeys(file, entry, YamlIndex.child(path, entry.key()), value, problems);
                }
            }
        }
    }

    /** Whether keys below a value of this type can be unknown (a record somewhere inside). */
    private static boolean descends(Type t) {
        if (t instanceof Class<?> c) {
            return c.isRecord();
        }
        return t instanceof ParameterizedType pt && Arrays.stream(pt.getActualTypeArguments()).anyMatch(
                StrictYaml::descends);
    }

    private static final ClassValue<Map<String, Type>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Type> computeValue(Class<?> type) {
            Map<String, Type> m = new java.util.LinkedHashMap<>();
            for (RecordComponent rc : type.getRecordComponents()) {
                m.put(yamlName(rc), rc.getGenericType());
            }
            return Map.copyOf(m);
        }
    };

    private static Map<String, Type> components(Class<?> record) {
        return COMPONENTS.get(record);
    }

    /** Unknown keys are reported from the index; Jackson skips them and goes on. */
    private static final DeserializationProblemHandler SKIP_UNKNOWN = new DeserializationProblemHandler() {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws IOException {
            p.skipChildren();
            return true;
        }
    };

    private PlaybookProblem fromJackson(String file, JsonProcessingException e, YamlIndex index) {
        String path = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        YamlIndex.Node node = index.get(path);
        int line;
        int column;
        if (node != null) {
            line = node.valueLine();
            column = node.valueColumn();
        } else {
            JsonLocation loc = e.getLocation();
            line = loc == null || loc.getLineNr() < 1 ? 1 : loc.getLineNr();
            column = loc == null || loc.getColumnNr() < 1 ? 1 : loc.getColumnNr();
        }
        String where = path.isEmpty() ? "" : path + ": ";
        Type expected = expectedType(root, path);
        String message;
        Matcher missing = MISSING_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
        if (e instanceof MismatchedInputException && missing.find()) {
            // point at the mapping that lacks the key
            String key = missing.group(1);
            String mapping = path.equals(key) || path.endsWith("." + key) ? YamlIndex.parent(path) : path;
            YamlIndex.Node at = index.locate(mapping);
            line = at.keyLine();
            column = at.keyColumn();
            message = (mapping.isEmpty() ? "" : mapping + ": ") + "missing key '" + key + "'";
        } else if (e instanceof InvalidNullException || index.isNull(path)) {
            message = where + "has no value; expected " + describe(expected)
                    + (expected instanceof ParameterizedType pt && pt.getRawType() == List.class
                            ? " (write [] for an empty list)" : "");
        } else if (e instanceof ValueInstantiationException || e.getCause() instanceof IllegalArgumentException) {
            message = where + rootMessage(e);
        } else if (e instanceof MismatchedInputException mi) {
            message = where + "expected " + describe(expected != null ? expected : mi.getTargetType())
                    + (node != null && node.kind() != null ? ", found " + found(node, expected) : "");
        } else {
            message = where + "cannot be read: " + String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        }
        return new PlaybookProblem(file, line, column, message);
    }

    private static final Resolver RESOLVER = new Resolver();

    private static String found(YamlIndex.Node node, Type expected) {
        String quote = expected == String.class ? " (write \"" + node.text() + "\" in quotes if it is text)" : "";
        if (node.kind() != YamlIndex.Kind.SCALAR) {
            return node.kind().description;
        }
        if (!node.plain()) {
            return "the quoted text \"" + node.text() + "\"";
        }
        // what YAML reads an unquoted value as: 3 is a number and yes a yes/no value, not text
        Tag tag = RESOLVER.resolve(NodeId.scalar, node.text(), true);
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return "the number " + node.text() + quote;
        }
        if (Tag.BOOL.equals(tag)) {
            return "the yes/no value " + node.text() + quote;
        }
        return "'" + node.text() + "'";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The Java type the format expects at a readable path below {@code root}, or null when the path leaves the format. */
    static Type expectedType(Class<?> root, String path) {
        Type t = root;
        Matcher m = Pattern.compile("([^.\\[]+)|\\[(\\d+)]").matcher(path);
        while (m.find() && t != null) {
            if (m.group(2) != null) {
                t = t instanceof ParameterizedType pt && pt.getRawType() == List.class
                        ? pt.getActualTypeArguments()[0] : null;
            } else if (t instanceof ParameterizedType pt && pt.getRawType() == Map.class) {
                t = pt.getActualTypeArguments()[1];
            } else if (t instanceof Class<?> c && c.isRecord()) {
                t = Arrays.stream(c.getRecordComponents()).filter(rc -> yamlName(rc).equals(m.group(1)))
                        .map(RecordComponent::getGenericType).findFirst().orElse(null);
            } else {
                t = null;
            }
        }
        return t;
    }

    static String yamlName(RecordComponent rc) {
        // @JsonProperty cannot target record components: it lands on the accessor (and field, parameter)
        JsonProperty p = rc.getAccessor().getAnnotation(JsonProperty.class);
        if (p != null && !p.value().isEmpty()) {
            return p.value();
        }
        return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(rc.getName());
    }

    /** The expected shape in words: "a whole number", "a list", "one of x, facebook, ...". */
    /** What a value of type {@code t} is called in a problem ("text", "a whole number", "a list", ...). */
    public static String describe(Type t) {
        if (t == null) {
            return "something else";
        }
        if (t instanceof ParameterizedType pt) {
            return pt.getRawType() == List.class ? "a list" : "a mapping";
        }
        Class<?> c = (Class<?>) t;
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return "a whole number";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "true or false";
        }
        if (c == double.class || c == Double.class) {
            return "a number";
        }
        if (c == java.time.LocalDate.class) {
            return "a date like 2026-11-24";
        }
        if (c == String.class) {
            return "text";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "true or false";
        }
        if (c.isEnum()) {
            return "one of " + Arrays.stream(c.getEnumConstants())
                    .map(v -> v.toString().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", "));
        }
        if (List.class.isAssignableFrom(c)) {
            return "a list";
        }
        if (c.isRecord() || Map.class.isAssignableFrom(c)) {
            return "a mapping of keys";
        }
        return "something else";
    }

    private static String known(Class<?> type) {
        return type == null || !type.isRecord() ? "" : KNOWN.get(type);
    }

    /** " (expected: format, id, ...)" per record type, built once. */
    private static final ClassValue<String> KNOWN = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return " (expected: " + Arrays.stream(type.getRecordComponents()).map(StrictYaml::yamlName)
                    .collect(Collectors.joining(", ")) + ")";
        }
    };

    private Read<T> failed(String file, String message) {
        return new Read<>(null, List.of(new PlaybookProblem(file, 1, 1, message)));
    }

    private String tooLarge(long bytes) {
        return "the file is " + bytes + " bytes; " + noun + "s are limited to 1 MiB (" + MAX_BYTES + " bytes)";
    }

    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}

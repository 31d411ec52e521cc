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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads playbook YAML strictly (playbooks/FORMAT.md) and says exactly where it is wrong.
 *
 * <p>Three passes: (1) size, at most {@value #MAX_BYTES} bytes, checked before anything is read or
 * parsed; (2) {@link YamlScan} over SnakeYAML events: anchors, aliases, tags, duplicate keys, nesting
 * deeper than 64, several documents; it also records where every key starts; (3) Jackson maps the
 * YAML to {@link Playbook}: unknown keys (all of them are reported), wrong types, missing keys and
 * empty values; then {@link PlaybookValidator} checks the rules and reports every broken one. Every
 * problem has a 1-based line and column. Thread-safe.
 */
public final class PlaybookReader {

    /** Playbook files are at most 1 MiB. */
    public static final int MAX_BYTES = 1024 * 1024;

    /**
     * What was read. {@code playbook} is null when the file could not be mapped at all (hostile YAML,
     * wrong types, missing keys); it is set, with the problems, when only unknown keys or broken
     * rules were found (an editor can still show it). Problems are in line order.
     */
    public record Parsed(Playbook playbook, List<PlaybookProblem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }

        /** Readable and breaks no rule. */
        public boolean ok() {
            return playbook != null && problems.isEmpty();
        }
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
        return m;
    }

    /** Reads a file: refused at 1:1 when missing, unreadable, over 1 MiB (checked before reading) or not UTF-8. */
    public Parsed read(Path file) {
        String name = file.toString();
        String text;
        try {
            text = StrictText.readUtf8(file, MAX_BYTES);
        } catch (StrictText.Refused r) {
            return failed(name, switch (r.reason()) {
                case FOLDER -> "is a folder, not a playbook file";
                case TOO_LARGE -> tooLarge(r.size());
                default -> r.getMessage();
            });
        }
        return read(name, text);
    }

    /** Reads YAML text; {@code fileName} is only used in the problems. */
    public Parsed read(String fileName, String yaml) {
        long size = utf8Length(yaml);
        if (size > MAX_BYTES) {
            return failed(fileName, tooLarge(size));
        }
        if (yaml.startsWith("\uFEFF")) {
            yaml = yaml.substring(1);
        }
        YamlScan scan = YamlScan.scan(yaml);
        if (!scan.problems.isEmpty()) {
            return new Parsed(null, scan.problems.stream()
                    .map(f -> new PlaybookProblem(fileName, f.line(), f.column(), f.message())).toList());
        }
        if (!scan.hasContent) {
            return failed(fileName, "the file is empty; a playbook starts with 'format: 1'");
        }
        YamlIndex index = scan.index;
        List<PlaybookProblem> problems = unknownKeys(fileName, index);
        ObjectReader reader = MAPPER.readerFor(Playbook.class).withHandler(SKIP_UNKNOWN);
        Playbook playbook = null;
        try {
            playbook = reader.readValue(yaml);
        } catch (JsonProcessingException e) {
            problems.add(fromJackson(fileName, e, index));
        }
        if (playbook != null) {
            for (PlaybookValidator.Violation v : PlaybookValidator.validate(playbook)) {
                YamlIndex.Node at = index.locate(v.path());
                problems.add(new PlaybookProblem(fileName, at.line(), at.column(), v.describe()));
            }
        }
        problems.sort(Comparator.comparingInt(PlaybookProblem::line).thenComparingInt(PlaybookProblem::column));
        return new Parsed(playbook, problems);
    }

    /**
     * The first, structural pass alone, for other strict YAML readers (the composer's limits, cue lists
     * and drafts): anchors, aliases, tags, duplicate keys, keys that are not plain text, nesting deeper
     * than 64 and more than one document, each located at a 1-based line and column. Empty when none;
     * says nothing about keys or types. A leading byte-order mark is ignored.
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
     * Every key the format does not know, in file order (Jackson would stop at the first). Keys
     * inside an unknown key are not reported again.
     */
    private static List<PlaybookProblem> unknownKeys(String file, YamlIndex index) {
        List<PlaybookProblem> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String path : index.paths()) {
            if (path.isEmpty() || path.endsWith("]")
                    || unknown.stream().anyMatch(u -> path.startsWith(u + ".") || path.startsWith(u + "["))) {
                continue;
            }
            String parent = YamlIndex.parent(path);
            if (expectedType(parent) instanceof Class<?> record && record.isRecord() && expectedType(path) == null) {
                unknown.add(path);
                YamlIndex.Node at = index.get(path);
                String key = path.substring(parent.isEmpty() ? 0 : parent.length() + 1);
                problems.add(new PlaybookProblem(file, at.keyLine(), at.keyColumn(),
                        (parent.isEmpty() ? "" : parent + ": ") + "unknown key '" + key + "'" + known(record)));
            }
        }
        return problems;
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

    private static PlaybookProblem fromJackson(String file, JsonProcessingException e, YamlIndex index) {
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
        Type expected = expectedType(path);
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
                    + (node != null && node.kind() != null ? ", found " + found(node) : "");
        } else {
            message = where + "cannot be read: " + String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        }
        return new PlaybookProblem(file, line, column, message);
    }

    private static String found(YamlIndex.Node node) {
        if (node.kind() != YamlIndex.Kind.SCALAR) {
            return node.kind().description;
        }
        return node.plain() ? "'" + node.text() + "'" : "the quoted text \"" + node.text() + "\"";
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

    /** The Java type the format expects at a readable path, or null when the path leaves the format. */
    static Type expectedType(String path) {
        Type t = Playbook.class;
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
    static String describe(Type t) {
        if (t == null) {
            return "something else";
        }
        if (t instanceof ParameterizedType pt) {
            return pt.getRawType() == List.class ? "a list" : "a mapping";
        }
        Class<?> c = (Class<?>) t;
        if (c == int.class || c == Integer.class) {
            return "a whole number";
        }
        if (c == String.class) {
            return "text";
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
        if (type == null || !type.isRecord()) {
            return "";
        }
        return " (expected: " + Arrays.stream(type.getRecordComponents()).map(PlaybookReader::yamlName)
                .collect(Collectors.joining(", ")) + ")";
    }

    private static Parsed failed(String file, String message) {
        return new Parsed(null, List.of(new PlaybookProblem(file, 1, 1, message)));
    }

    private static String tooLarge(long bytes) {
        return "the file is " + bytes + " bytes; playbooks are limited to 1 MiB (" + MAX_BYTES + " bytes)";
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

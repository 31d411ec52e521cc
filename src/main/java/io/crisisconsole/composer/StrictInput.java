package io.crisisconsole.composer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.crisisconsole.playbooks.PlaybookProblem;
import io.crisisconsole.playbooks.PlaybookReader;
import io.crisisconsole.toolkit.StrictText;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the composer's small YAML and JSON files as strictly as playbooks are read: size capped
 * before reading, UTF-8 only, YAML anchors, aliases, tags, duplicate keys and deep nesting refused
 * ({@link PlaybookReader#structuralProblems}), then Jackson with unknown keys, duplicate keys,
 * trailing content and type coercions refused. Every problem is a {@link ComposerInputException}
 * with line and column.
 */
final class StrictInput {

    private static final YAMLMapper YAML = configure(YAMLMapper.builder(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build());
    private static final JsonMapper JSON = configure(JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private StrictInput() {
    }

    private static <M extends ObjectMapper> M configure(M m) {
        m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        m.registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.configure(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION, false);
        return m;
    }

    /** The file as text: missing, unreadable, a folder, over {@code maxBytes} (checked before reading) or not UTF-8 is refused at 1:1. */
    static String readFile(Path file, int maxBytes) {
        try {
            return StrictText.readUtf8(file, maxBytes);
        } catch (StrictText.Refused r) {
            throw new ComposerInputException(file.toString(), 1, 1, r.getMessage());
        }
    }

    /** Maps YAML text to {@code type}, strictly. */
    static <T> T yaml(String name, String text, Class<T> type) {
        List<PlaybookProblem> problems = PlaybookReader.structuralProblems(name, text);
        if (!problems.isEmpty()) {
            PlaybookProblem p = problems.get(0);
            throw new ComposerInputException(name, p.line(), p.column(), p.message());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new ComposerInputException(name, 1, 1, "the file is empty");
        }
        return map(YAML, name, text, type);
    }

    /** Maps JSON text to {@code type}, strictly. */
    static <T> T json(String name, String text, Class<T> type) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new ComposerInputException(name, 1, 1, "the file is empty");
        }
        return map(JSON, name, text, type);
    }

    private static <T> T map(ObjectMapper mapper, String name, String text, Class<T> type) {
        T value;
        try {
            value = mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null || at.getLineNr() < 1 ? 1 : at.getLineNr();
            int col = at == null || at.getColumnNr() < 1 ? 1 : at.getColumnNr();
            if (e instanceof UnrecognizedPropertyException u) {
                // records are built from buffered values: Jackson points at the end of the object, not the key
                int[] key = findKey(text, u.getPropertyName(), mapper == JSON);
                if (key != null) {
                    line = key[0];
                    col = key[1];
                }
            }
            throw new ComposerInputException(name, line, col, describe(e));
        }
        if (value == null) {
            throw new ComposerInputException(name, 1, 1, "the file is empty");
        }
        return value;
    }

    /** Where a key is first written (1-based line and column), or null. */
    static int[] findKey(String text, String key, boolean json) {
        java.util.regex.Pattern p = json
                ? java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(key) + "\"\\s*:")
                : java.util.regex.Pattern.compile("(?m)^[ \\t]*(?:-[ \\t]+)*(" + java.util.regex.Pattern.quote(key)
                        + ")[ \\t]*:");
        java.util.regex.Matcher m = p.matcher(text);
        if (!m.find()) {
            return null;
        }
        int at = json ? m.start() : m.start(1);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, at - lineStart + 1};
    }

    /** ", found ..." for the value the parser stood on when the type did not fit, or "". */
    private static String found(MismatchedInputException e) {
        if (!(e.getProcessor() instanceof JsonParser p) || p.currentToken() == null) {
            return "";
        }
        JsonToken t = p.currentToken();
        String text;
        try {
            text = p.getText();
        } catch (java.io.IOException unreadable) {
            text = "";
        }
        String shown = text == null ? "" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
        switch (t) {
            case START_ARRAY:
                return ", found a list";
            case START_OBJECT:
            case FIELD_NAME:
                return ", found a mapping of keys";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return ", found the number " + shown + (e.getTargetType() == String.class
                        ? " (write \"" + shown + "\" in quotes if it is text)" : "");
            case VALUE_TRUE:
            case VALUE_FALSE:
                return ", found the yes/no value " + shown + (e.getTargetType() == String.class
                        ? " (write \"" + shown + "\" in quotes if it is text)" : "");
            case VALUE_STRING:
                return ", found the text \"" + shown + "\"";
            case VALUE_NULL:
                return ", found no value";
            default:
                return "";
        }
    }

    private static String describe(JsonProcessingException e) {
        String path = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[") + ": ";
        }
        String msg = e.getOriginalMessage();
        if (msg == null) {
            msg = "not valid";
        }
        if (e instanceof MismatchedInputException mi && !(e instanceof UnrecognizedPropertyException)
                && mi.getTargetType() != null) {
            // a wrong type: say what the key wants and what it found, never Jackson's own words
            return path + "expected " + PlaybookReader.describe(mi.getTargetType()) + found(mi);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            msg = "unknown key '" + u.getPropertyName() + "'" + (u.getKnownPropertyIds() == null ? ""
                    : " (known: " + u.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", ")) + ")");
        } else if (msg.startsWith("Duplicate field")) {
            msg = "duplicate key " + msg.substring("Duplicate field".length()).strip();
        }
        msg = msg.replaceAll("\\s*\\R\\s*", " ").strip();
        if (msg.length() > 200) {
            msg = msg.substring(0, 200) + "…";
        }
        return path + msg.substring(0, 1).toLowerCase(Locale.ROOT) + msg.substring(1);
    }
}

package io.crisisconsole.composer;

import static io.crisisconsole.testsupport.WorstCases.ACCEPTED;
import static io.crisisconsole.testsupport.WorstCases.MIB;
import static io.crisisconsole.testsupport.WorstCases.fill;

import io.crisisconsole.testsupport.WorstCases;
import io.crisisconsole.testsupport.WorstCases.Case;
import java.util.List;

/** Generated draft files ({@code draft check FILE}), YAML and JSON, of about 1 MiB. */
public final class DraftFileWorstCases {

    private DraftFileWorstCases() {
    }

    public static final WorstCases.Judge JUDGE = file -> {
        try {
            DraftFile.read(file);
            return ACCEPTED;
        } catch (ComposerInputException e) {
            return e.getMessage();
        }
    };

    static final String YAML_HEAD = "language: en\nhashtag: \"#Ex\"\nhub_url: https://status.example.com\ncore:\n"
            + "  what_happened: Payments failed.\n  what_we_are_doing: Fixing.\n  what_you_should_do: Wait.\n"
            + "  next_update: \"16:30\"\n  apology: true\n";
    static final String JSON_HEAD = "{\"language\": \"en\", \"core\": {\"what_happened\": \"Payments failed.\", "
            + "\"what_we_are_doing\": \"Fixing.\", \"what_you_should_do\": \"Wait.\", \"next_update\": \"16:30\"";

    public static List<Case> cases() {
        int size = MIB - 64;
        String variants = "variants:\n  x: We know. Updates soon.\n";
        return List.of(
                Case.of("YAML: many unknown keys", "unknown.yaml",
                        fill(YAML_HEAD + variants, i -> "extra" + i + ": 1\n", "", size), "unknown.yaml:12:1: extra0: unknown key 'extra0'"),
                Case.of("YAML: many key facts", "facts.yaml",
                        fill(YAML_HEAD + "  key_facts:\n", i -> "    - fact number " + i + "\n", variants, size),
                        ACCEPTED),
                Case.of("YAML: integers as key facts", "int-facts.yaml",
                        fill(YAML_HEAD + "  key_facts: [0", i -> ", " + i, "]\n" + variants, size),
                        "int-facts.yaml:10:"),
                Case.of("YAML: a huge variant text", "huge-variant.yaml",
                        fill(YAML_HEAD + "variants:\n  x: ", i -> "words ", "\n", size), ACCEPTED),
                Case.of("YAML: a huge word", "huge-word.yaml",
                        fill(YAML_HEAD + "variants:\n  x: ", i -> "w", "\n", size),
                        "huge-word.yaml:11:6: a word longer than 16384 characters"),
                Case.of("YAML: deep flow nesting", "nesting.yaml",
                        fill(YAML_HEAD + variants + "x: ", i -> "[ ", "", size), "nesting deeper than 64 levels"),
                Case.of("YAML: many variants, unknown channels", "channels.yaml",
                        fill(YAML_HEAD + "variants:\n", i -> "  c" + i + ": text\n", "", size),
                        "channels.yaml:1:1: variants.c0: unknown channel 'c0'"),
                Case.of("YAML: unterminated quote", "unterminated.yaml",
                        fill(YAML_HEAD + "variants:\n  x: \"", i -> "words ", "", size), "YAML syntax error"),
                Case.of("YAML: repeated key", "repeated.yaml",
                        fill(YAML_HEAD + variants, i -> "language: en\n", "", size), "duplicate key 'language'"),
                Case.of("JSON: many unknown keys", "unknown.json",
                        fill(JSON_HEAD + "}, \"variants\": {\"x\": \"Hi\"}", i -> ", \"extra" + i + "\": 1", "}", size),
                        "unknown.json:1:"),
                Case.of("JSON: many key facts", "facts.json",
                        fill(JSON_HEAD + ", \"key_facts\": [\"f\"", i -> ", \"fact " + i + "\"",
                                "]}, \"variants\": {\"x\": \"Hi\"}}", size), ACCEPTED),
                Case.of("JSON: deep nesting", "nesting.json",
                        fill("{\"x\": ", i -> "[", "", size), "nesting.json:1:"),
                Case.of("JSON: a huge string", "huge-string.json",
                        fill(JSON_HEAD + "}, \"variants\": {\"x\": \"", i -> "w", "\"}}", size), ACCEPTED),
                Case.of("JSON: a huge number", "huge-number.json",
                        fill(JSON_HEAD + "}, \"variants\": {\"x\": ", i -> "1", "}}", size), "huge-number.json:1:"),
                Case.of("JSON: unterminated string", "unterminated.json",
                        fill(JSON_HEAD + "}, \"variants\": {\"x\": \"", i -> "w", "", size), "unterminated.json:1:"),
                Case.of("JSON: repeated key", "repeated.json",
                        fill(JSON_HEAD + "}, \"variants\": {\"x\": \"Hi\"}", i -> ", \"language\": \"en\"", "}", size),
                        "repeated.json:1:"));
    }
}

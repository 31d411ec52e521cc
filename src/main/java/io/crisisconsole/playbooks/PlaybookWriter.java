package io.crisisconsole.playbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;

/**
 * Writes a playbook as clean YAML: snake_case keys in the order of the reference file (the order
 * of the record components), quotes only where YAML needs them, multi-line text as literal blocks.
 * What it writes reads back ({@link PlaybookReader}) to an equal record.
 */
public final class PlaybookWriter {

    private static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private PlaybookWriter() {
    }

    public static String toYaml(Playbook playbook) {
        try {
            return MAPPER.writeValueAsString(playbook);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a form edit did to the YAML: the new text, and whether only the changed values were rewritten. */
    public record Edited(String yaml, boolean inPlace) {
    }

    /**
     * The YAML {@code yaml} (which reads as {@code before}) changed to read as {@code after}: in place
     * where possible (only the changed values' text replaced; comments, quoting, folded text and the
     * rest of the file kept byte for byte), checked by reading it back; else the whole file written
     * anew ({@link #toYaml}), with {@code inPlace} false.
     */
    public static Edited edit(String yaml, Playbook before, Playbook after) {
        String inPlace = YamlInPlace.edit(yaml, before, after);
        if (inPlace != null) {
            PlaybookReader.Parsed back = new PlaybookReader().read("playbook.yaml", inPlace);
            if (after.equals(back.playbook())) {
                return new Edited(inPlace, true);
            }
        }
        return new Edited(toYaml(after), false);
    }

    /** The playbook as the tree this writer writes (snake_case keys). */
    static JsonNode tree(Playbook playbook) {
        return MAPPER.valueToTree(playbook);
    }

    /** A part of a playbook as YAML at indentation 0, ending with a line break. */
    static String fragment(JsonNode node) {
        try {
            String s = MAPPER.writeValueAsString(node);
            return s.endsWith("\n") ? s : s + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

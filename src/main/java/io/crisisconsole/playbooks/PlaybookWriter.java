package io.crisisconsole.playbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
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
}

package io.crisisconsole.rehearsal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.crisisconsole.playbooks.PlaybookProblem;
import java.util.List;
import java.util.Map;

/** TEMPORARY (replaced by the strict reader of the scenarios branch): reads scenario YAML. */
public final class ScenarioReader {

    public record Parsed(Scenario scenario, List<PlaybookProblem> problems) {
        public boolean ok() {
            return scenario != null && problems.isEmpty();
        }
    }

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public Parsed read(String fileName, String yaml) {
        try {
            Scenario s = MAPPER.readerFor(Scenario.class).with(new InjectableValues.Std()
                    .addValue(Scenario.ABSENT_NUMBER, Scenario.ABSENT_NUMBER_VALUE)
                    .addValue(Scenario.ABSENT_TEXT, Scenario.ABSENT_TEXT_VALUE)
                    .addValue(Scenario.ABSENT_MAP, Map.of())
                    .addValue(Scenario.ABSENT_LIST, List.of())).readValue(yaml);
            return new Parsed(s, List.of());
        } catch (Exception e) {
            return new Parsed(null, List.of(new PlaybookProblem(fileName, 1, 1, String.valueOf(e.getMessage()))));
        }
    }
}

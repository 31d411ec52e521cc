package io.crisisconsole.review.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.toolkit.Formats;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportWriterTest {

    @TempDir
    Path tmp;
    Store store;
    ReviewReportFixture seeded;
    ReviewReport report;
    String written;
    final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void write() throws Exception {
        store = TestStores.openIn(tmp);
        seeded = ReviewReportFixture.seed(store);
        report = seeded.report(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(report, English.MESSAGES, ReviewReportFixture.FORMATS, out, ExportProgress.none());
        written = out.toString(StandardCharsets.UTF_8);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private JsonNode schema() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(JsonReportWriter.SCHEMA)) {
            return mapper.readTree(in);
        }
    }

    @Test
    void theOutputValidatesAgainstTheSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema());
        JsonNode json = mapper.readTree(written);
        Set<ValidationMessage> problems = schema.validate(json);
        assertThat(problems).isEmpty();
        // instants as ISO-8601 text, the figures as they are
        assertThat(json.get("generatedAt").asText()).isEqualTo(ReviewReportFixture.at(
                ReviewReportFixture.NOW_MINUTE).toString());
        assertThat(json.at("/impact/mentions").asLong()).isEqualTo(ReviewReportFixture.MENTIONS.size());
        assertThat(json.at("/improvementPlan/0/due").asText()).isEqualTo("2026-12-15");
        assertThat(json.get("timeline")).hasSize(report.timeline().size());
        assertThat(json.get("exercise").isNull()).isTrue();

        // a file missing a figure, or with a wrong type, is refused
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("impact")).remove("reach");
        assertThat(schema.validate(json)).isNotEmpty();
    }

    @Test
    void theSchemaDescribesEveryFieldOfTheRecordAndNoOther() throws Exception {
        JsonNode schema = schema();
        List<String> problems = new ArrayList<>();
        compare(ReviewReport.class, schema, schema, "", problems);
        assertThat(problems).isEmpty();
    }

    private static void compare(Class<?> record, JsonNode node, JsonNode root, String path, List<String> problems) {
        JsonNode props = node.get("properties");
        List<String> names = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            names.add(c.getName());
            JsonNode p = props.get(c.getName());
            if (p == null) {
                problems.add(path + "/" + c.getName() + " is missing from the schema");
                continue;
            }
            if (!p.hasNonNull("description") || p.get("description").asText().isBlank()) {
                problems.add(path + "/" + c.getName() + " has no description");
            }
            Class<?> nested = nestedRecord(c.getGenericType());
            if (nested != null) {
                JsonNode target = resolve(p.has("items") ? p.get("items") : p, root);
                compare(nested, target, root, path + "/" + c.getName(), problems);
            }
        }
        for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                problems.add(path + "/" + name + " is in the schema but not in " + record.getSimpleName());
            }
        }
    }

    private static Class<?> nestedRecord(Type type) {
        if (type instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() == List.class
                && pt.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
            return item;
        }
        return null;
    }

    private static JsonNode resolve(JsonNode node, JsonNode root) {
        JsonNode n = node;
        if (n.has("anyOf")) {
            n = n.get("anyOf").get(0);
        }
        if (n.has("$ref")) {
            return root.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    @Test
    void anExerciseReportValidatesToo() throws Exception {
        long id = ReviewReportFixture.runDrill(seeded.services);
        Formats formats = new Formats(English.MESSAGES, ZoneOffset.UTC);
        ReviewReport exercise = seeded.services.reviewReports().build(id, English.MESSAGES, formats,
                ExportProgress.none());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(exercise, English.MESSAGES, formats, out, ExportProgress.none());
        JsonNode json = mapper.readTree(out.toByteArray());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema());
        assertThat(schema.validate(json)).isEmpty();
        assertThat(json.at("/exercise/state").asText()).isEqualTo("ENDED");
        assertThat(json.at("/exercise/objectives")).isNotEmpty();
    }
}

package io.crisisconsole;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.toolkit.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The FXML files and the code name only message keys that exist, FXML holds no literal text, and the
 * bundle holds no key nothing uses. Read from the sources, so a typo fails the build instead of
 * showing ⟦key⟧ in the window.
 */
class MessageKeysTest {

    private static final Path FXML = Path.of("fxml");
    private static final Path JAVA = Path.of("src/main/java/io/crisisconsole");
    /**
     * Keys built in code from a prefix and a name ({@code playbooks.form.field.} + record component;
     * {@code timeline.} + event code, whose every pattern TimelineServiceTest checks).
     */
    private static final List<String> BUILT_PREFIXES = List.of("playbooks.form.field.", "playbooks.form.tab.",
            "timeline.", "inbox.type.", "inbox.state.", "inbox.sentiment.", "inbox.sort.", "inbox.key.",
            "inbox.action.state.", "workspace.clock.basis.", "review.format.", "review.keyTime.");
    private static final Pattern FXML_KEY = Pattern.compile("=\"%([^\"]+)\"");
    private static final Pattern FXML_LITERAL = Pattern.compile(
            "\\b(text|promptText|title|headerText|contentText)=\"([^%$\"][^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(fxml|css|yaml|yml|properties|json|csv|vcf)");
    private static final Pattern STRING = Pattern.compile("\"((?:[a-z][a-zA-Z0-9]*)(?:\\.[a-zA-Z0-9]+)+)\"");

    private final ResourceBundle bundle = Messages.forLocale(Locale.ENGLISH).bundle();
    private final Set<String> groups = bundle.keySet().stream().map(k -> k.substring(0, k.indexOf('.')))
            .collect(Collectors.toSet());

    @Test
    void everyFxmlKeyExistsAndNoFxmlTextIsLiteral() {
        Set<String> missing = new TreeSet<>();
        Set<String> literal = new TreeSet<>();
        for (Path f : files(FXML, ".fxml")) {
            String xml = read(f);
            keys(FXML_KEY, xml).stream().filter(k -> !bundle.containsKey(k)).forEach(k -> missing.add(f + ": " + k));
            Matcher m = FXML_LITERAL.matcher(xml);
            while (m.find()) {
                literal.add(f + ": " + m.group());
            }
        }
        assertThat(missing).as("FXML keys missing from messages.properties").isEmpty();
        assertThat(literal).as("literal texts in FXML (use text=\"%%key\")").isEmpty();
    }

    @Test
    void everyKeyTheCodeNamesExists() {
        Set<String> missing = new TreeSet<>();
        for (Path f : files(JAVA, ".java")) {
            codeKeys(read(f)).stream().filter(k -> !bundle.containsKey(k)).forEach(k -> missing.add(f + ": " + k));
        }
        assertThat(missing).as("keys named in code but missing from messages.properties").isEmpty();
    }

    @Test
    void everyKeyIsUsed() {
        Set<String> used = new TreeSet<>();
        files(FXML, ".fxml").forEach(f -> used.addAll(keys(FXML_KEY, read(f))));
        files(JAVA, ".java").forEach(f -> used.addAll(codeKeys(read(f))));
        Set<String> unused = new TreeSet<>(bundle.keySet());
        unused.removeAll(used);
        unused.removeIf(k -> BUILT_PREFIXES.stream().anyMatch(k::startsWith));
        assertThat(unused).as("keys nothing uses").isEmpty();
    }

    /** String literals that look like keys of the bundle's groups ({@code "cases.list.count"}). */
    private Set<String> codeKeys(String source) {
        Set<String> out = new TreeSet<>();
        for (String k : keys(STRING, source)) {
            if (groups.contains(k.substring(0, k.indexOf('.'))) && !FILE_NAME.matcher(k).matches()) {
                out.add(k);
            }
        }
        return out;
    }

    private static Set<String> keys(Pattern p, String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

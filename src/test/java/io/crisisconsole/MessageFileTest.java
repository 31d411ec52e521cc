package io.crisisconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message files themselves: a key written twice is silently the later one in a properties
 * file, so two features adding the same key would overwrite each other's text.
 */
class MessageFileTest {

    @Test
    void noKeyIsWrittenTwice() throws IOException {
        List<String> twice = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) {
                Map<String, Integer> seen = new HashMap<>();
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                boolean continued = false;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    boolean startsEntry = !continued;
                    continued = endsWithContinuation(line);
                    String t = line.strip();
                    if (!startsEntry || t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                        continue;
                    }
                    String key = t.split("\\s*[=:]", 2)[0];
                    Integer first = seen.putIfAbsent(key, i + 1);
                    if (first != null) {
                        twice.add(f.getFileName() + ":" + (i + 1) + ": " + key + " (first on line " + first + ")");
                    }
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    /** A line ending in an odd number of backslashes continues on the next one. */
    private static boolean endsWithContinuation(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}

package io.crisisconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Team mode will run the same DAOs on PostgreSQL: SQL outside store/ uses only what H2 and
 * PostgreSQL both have. H2's own commands (MERGE ... KEY, CHECKPOINT, SCRIPT, TRANSACTION_ID(),
 * SET ... on the database) stay behind the store. SQL keywords are written in capitals in this code
 * base, which keeps a thread named "...-shutdown" from counting.
 */
class PortableSqlTest {

    private static final Pattern H2_ONLY = Pattern.compile(
            "MERGE\\s+INTO\\s+\\w+\\s*\\([^)]*\\)\\s*KEY|\\bCHECKPOINT\\b|\\bSCRIPT\\s+(TO|NOPASSWORDS|DROP)\\b|"
                    + "TRANSACTION_ID\\s*\\(|\\bRUNSCRIPT\\b|\\bSHUTDOWN\\b|\\bVARCHAR_IGNORECASE\\b|\\bIFNULL\\s*\\(|"
                    + "\\bNVL2?\\s*\\(|\\bLIMIT\\s+\\d+\\s*,");
    /** Java string literals and text blocks: where SQL lives (comments and names are not looked at). */
    private static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"(\\\\.|[^\"\\\\\n])*\"",
            Pattern.DOTALL);

    @Test
    void sqlOutsideTheStoreIsPortable() throws IOException {
        Path root = Path.of("src/main/java/io/crisisconsole");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (root.relativize(f).startsWith("store")) {
                    continue;
                }
                String source = Files.readString(f);
                Matcher literal = STRING_LITERAL.matcher(source);
                while (literal.find()) {
                    Matcher m = H2_ONLY.matcher(literal.group());
                    if (m.find()) {
                        int line = (int) source.substring(0, literal.start()).chars().filter(c -> c == '\n').count() + 1;
                        found.add(f + ":" + line + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsH2OnlySql() {
        assertThat(H2_ONLY.matcher("MERGE INTO app_flag (name, v) KEY (name) VALUES (:n, :v)").find()).isTrue();
        assertThat(H2_ONLY.matcher("h.execute(\"CHECKPOINT SYNC\")").find()).isTrue();
        assertThat(H2_ONLY.matcher("UPDATE app_flag SET v = :v WHERE name = :n").find()).isFalse();
        Matcher m = STRING_LITERAL.matcher("// shutdown\nh.execute(\"SHUTDOWN\"); x(\"\"\"\n  CHECKPOINT SYNC\n  \"\"\");");
        List<String> literals = new ArrayList<>();
        while (m.find()) {
            literals.add(m.group());
        }
        assertThat(literals).containsExactly("\"SHUTDOWN\"", "\"\"\"\n  CHECKPOINT SYNC\n  \"\"\"");
    }
}

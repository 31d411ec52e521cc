package io.crisisconsole.review.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.toolkit.Formats;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportWriterTest {

    /** Markup that only an unescaped character makes: a tag, a link, emphasis, a table pipe. */
    private static final Pattern RAW_LINK = Pattern.compile("(?<!\\\\)\\]\\(");
    private static final Pattern RAW_PIPE_TEXT = Pattern.compile("(?<!\\\\)\\| pipe");

    @TempDir
    Path tmp;
    Store store;
    ReviewReportFixture seeded;
    String md;

    @BeforeEach
    void write() throws Exception {
        store = TestStores.openIn(tmp);
        seeded = ReviewReportFixture.seed(store);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MarkdownReportWriter().write(seeded.report("Rita"), English.MESSAGES, ReviewReportFixture.FORMATS, out,
                ExportProgress.none());
        md = out.toString(StandardCharsets.UTF_8);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everySectionOfTheIssueInOrder() {
        List<String> headings = md.lines().filter(l -> l.startsWith("## ")).toList();
        assertThat(headings).containsExactly("## Executive summary", "## Key times", "## Impact", "## Timeline",
                "## Published messages per channel", "## Service levels", "## Charts", "## Improvement plan",
                "## Proposed playbook changes", "## External summary");
        assertThat(md).startsWith("# Review of case #" + seeded.outage.id() + ": Checkout outage ");
        assertThat(md.lines().filter(l -> l.startsWith("### "))).contains("### Contributing factors",
                "### Changes of the key times", "### Sentiment before, during and after", "### 24 Nov 2026",
                "### X", "### Facebook", "### Website / hub", "### Update rhythm per channel",
                "### First responses to mentions", "### Checklist steps late or skipped",
                "### Mentions per 15 minutes, with the publications", "### What happened", "### What we did",
                "### What changes");
        assertThat(md).contains("```diff\n").contains("\n+    update_interval_minutes: 15\n");
        assertThat(md).contains("| Impact began | 24 Nov 2026 08:55 | 24 Nov 2026 08:50 | 0 min | piotr, ");
        assertThat(md).contains("- a bad deploy\n- no canary\n");
        assertThat(md).contains("Lena Legal").contains("over-limit");
        // the publications are marked in their quarter hour of the chart
        assertThat(md).contains("09:12 Website / hub: Holding statement; 09:12 X: Holding statement");
    }

    @Test
    void hostileTextComesOutInert() {
        assertThat(md).doesNotContain("<script>").doesNotContain("</script>").doesNotContain("**bold**");
        assertThat(RAW_LINK.matcher(md).find()).as("an unescaped ](").isFalse();
        assertThat(RAW_PIPE_TEXT.matcher(md).find()).as("an unescaped pipe from user text").isFalse();
        // in a mention, a note, a review text, a lesson, a skipped step's reason and the case title alike
        assertThat(md).contains("\\<script\\>alert(1)\\</script\\> \\| pipe \\*\\*bold\\*\\* \\[link\\](javascript:x)");
    }

    @Test
    void everyTableRowHasTheColumnsOfItsHeader() {
        List<List<String>> tables = new ArrayList<>();
        List<String> current = null;
        for (String line : md.lines().toList()) {
            if (line.startsWith("| ")) {
                if (current == null) {
                    current = new ArrayList<>();
                    tables.add(current);
                }
                current.add(line);
            } else {
                current = null;
            }
        }
        assertThat(tables).hasSizeGreaterThan(10);
        for (List<String> t : tables) {
            long columns = pipes(t.get(0));
            assertThat(t.get(1)).matches("\\|( --- \\|)+");
            for (String row : t) {
                assertThat(pipes(row)).as(row).isEqualTo(columns);
            }
        }
    }

    private static long pipes(String row) {
        long n = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '\\') {
                i++;
            } else if (row.charAt(i) == '|') {
                n++;
            }
        }
        return n;
    }
}

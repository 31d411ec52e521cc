package io.crisisconsole.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The one control-character rule for input and the one escaper for terminal output. */
class PlainTextTest {

    @Test
    void oneLineFieldsRefuseEveryControlCharacterWithFieldCodeAndPosition() {
        assertThatThrownBy(() -> PlainText.line("title", "the title", "Out\u001b[2J"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("the title contains a control character (U+001B at position 4); remove it")
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("title");
        for (int c = 0; c < 0x20; c++) {
            String value = "ab" + (char) c;
            assertThat(PlainText.lineProblem("x", value)).as("U+%04X", c).contains("at position 3");
        }
        for (int c : new int[] {0x7F, 0x80, 0x85, 0x9B, 0x9F, 0x202A, 0x202E, 0x2066, 0x2069, 0x2028, 0x2029}) {
            assertThat(PlainText.lineProblem("x", "a" + (char) c)).as("U+%04X", c).isNotNull();
        }
        assertThat(PlainText.lineProblem("the name", "ab\u202Ecd"))
                .isEqualTo("the name contains a bidirectional control character (U+202E at position 3), which can show "
                        + "the text in another order than it is stored; remove it");
        assertThat(PlainText.lineProblem("the name", "a\tb")).startsWith("the name contains a tab (U+0009");
        // the position counts characters as a person sees them: an emoji before is one
        assertThat(PlainText.lineProblem("t", "\uD83D\uDE00\u0007")).contains("position 2");
        // letters of every script, marks, emoji and the ordinary bidi marks are fine
        for (String ok : new String[] {"Ольга Смирнова", "José Ñúñez", "שלום עולם", "مرحبا", "日本語", "a\u200Fb",
                "\uD83D\uDE00 ok", "", "-5", "=SUM(1)"}) {
            assertThat(PlainText.line("f", "f", ok)).isEqualTo(ok);
        }
        assertThat(PlainText.line("f", "f", null)).isNull();
    }

    @Test
    void multiLineTextsKeepLineBreaksAndTabsOnly() {
        assertThat(PlainText.text("body", "the text", "one\r\ntwo\rthree\n\tfour")).isEqualTo("one\ntwo\nthree\n\tfour");
        assertThat(PlainText.text("body", "the text", "Arabic \u202Bمرحبا\u202C")).as("bidi kept in prose")
                .isEqualTo("Arabic \u202Bمرحبا\u202C");
        for (int c : new int[] {0, 7, 8, 0x0B, 0x0C, 0x1B, 0x7F, 0x85, 0x9B}) {
            assertThatThrownBy(() -> PlainText.text("body", "the text", "ok\n" + (char) c))
                    .as("U+%04X", c).isInstanceOf(ValidationException.class).hasMessageContaining("position 4");
        }
    }

    @Test
    void escapesShowEveryControlCharacterVisibly() {
        assertThat(PlainText.cell("a\u001b[2J\u001b]0;t\u0007\n\r\t\u0000\u007f\u009b\u202e\u2028z"))
                .isEqualTo("a\\e[2J\\e]0;t\\x07\\n\\r\\t\\x00\\u007f\\u009b\\u202e\\u2028z");
        assertThat(PlainText.lines("a\nb\r\nc\rd\u001b")).isEqualTo("a\nb\r\nc\\rd\\e");
        String plain = "Ольга, +48 601 234 567 \uD83D\uDE00";
        assertThat(PlainText.cell(plain)).isSameAs(plain);
        assertThat(PlainText.cell(null)).isNull();
    }

    @Test
    void terminalSafeWritersEscapeWhatIsPrintedButNotTheirOwnLineEnds() {
        StringWriter out = new StringWriter();
        PrintWriter safe = PlainText.terminalSafe(new PrintWriter(out));
        safe.println("row\u001b[2J");
        safe.printf("%s|%n", "x\u0007");
        safe.print("multi\nline");
        safe.write(new char[] {'c', 0x1b}, 0, 2);
        safe.flush();
        String nl = System.lineSeparator();
        assertThat(out.toString()).isEqualTo("row\\e[2J" + nl + "x\\x07|" + nl + "multi\nline" + "c\\e");

        StringWriter err = new StringWriter();
        PrintWriter lines = PlainText.terminalSafeLines(new PrintWriter(err));
        lines.println("error: 'a\nb\u001b'");
        lines.println("second");
        lines.flush();
        assertThat(err.toString()).isEqualTo("error: 'a\\nb\\e'" + nl + "second" + nl);
    }
}

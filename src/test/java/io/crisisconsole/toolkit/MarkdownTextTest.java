package io.crisisconsole.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void htmlLinksEmphasisAndPipesAreEscaped() {
        assertThat(MarkdownText.inline("<script>alert(1)</script>")).isEqualTo("\\<script\\>alert(1)\\</script\\>");
        assertThat(MarkdownText.inline("[link](javascript:x)")).isEqualTo("\\[link\\](javascript:x)");
        assertThat(MarkdownText.inline("**bold** _it_ `code` | pipe")).isEqualTo(
                "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\| pipe");
        assertThat(MarkdownText.inline("&lt;b&gt; ![img](x) ~~s~~")).isEqualTo(
                "\\&lt;b\\&gt; \\!\\[img\\](x) \\~\\~s\\~\\~");
        assertThat(MarkdownText.inline("back\\slash")).isEqualTo("back\\\\slash");
    }

    @Test
    void inlineTextIsOneLine() {
        assertThat(MarkdownText.inline("one\ntwo\r\n\tthree")).isEqualTo("one two three");
        assertThat(MarkdownText.inline(null)).isEmpty();
    }

    @Test
    void lineStartsThatMakeBlocksAreEscaped() {
        assertThat(MarkdownText.inline("# heading")).isEqualTo("\\# heading");
        assertThat(MarkdownText.inline("- item")).isEqualTo("\\- item");
        assertThat(MarkdownText.inline("1. first")).isEqualTo("1\\. first");
        assertThat(MarkdownText.block("a\n> quote\n\n+ b\n===")).isEqualTo("a\\\n\\> quote\n\n\\+ b\\\n\\===");
        assertThat(MarkdownText.inline("well - said 2.5")).isEqualTo("well - said 2.5");
    }

    @Test
    void aFenceIsLongerThanAnyBacktickRunInside() {
        assertThat(MarkdownText.fenced("+ a\n``` b", "diff")).isEqualTo("````diff\n+ a\n``` b\n````");
        assertThat(MarkdownText.fenced("x\n", "diff")).isEqualTo("```diff\nx\n```");
    }
}

package io.crisisconsole.composer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.playbooks.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelLimitsTest {

    @TempDir
    Path tmp;

    @Test
    void bundledLimitsWithSourceAndDate() {
        ChannelLimits l = ChannelLimits.bundled();
        assertThat(l.get(Channel.X).limit()).isEqualTo(280);
        assertThat(l.get(Channel.X).unit()).isEqualTo(ChannelLimits.Unit.WEIGHTED);
        assertThat(l.get(Channel.X).source()).contains("twitter-text");
        assertThat(l.get(Channel.INSTAGRAM).limit()).isEqualTo(2200);
        assertThat(l.get(Channel.LINKEDIN).limit()).isEqualTo(3000);
        assertThat(l.get(Channel.FACEBOOK).limit()).isEqualTo(63206);
        assertThat(l.get(Channel.SMS).limit()).isEqualTo(3);
        assertThat(l.get(Channel.SMS).unit()).isEqualTo(ChannelLimits.Unit.SEGMENTS);
        for (Channel c : new Channel[] {Channel.EMAIL, Channel.WEBSITE, Channel.PRESS, Channel.STAFF_MEMO, Channel.CALL_CENTRE}) {
            assertThat(l.get(c).limit()).as(c.name()).isZero();
        }
        assertThat(l.all()).hasSize(10).allSatisfy(x -> assertThat(x.checked()).isEqualTo(LocalDate.of(2026, 11, 24)));
    }

    @Test
    void overrideReplacesOnlyItsChannels() throws Exception {
        Path f = tmp.resolve("limits.yaml");
        Files.writeString(f, "format: 1\nlimits:\n  - channel: sms\n    limit: 2\n    unit: segments\n"
                + "    source: our gateway contract\n    checked: 2026-12-01\n");
        ChannelLimits l = ChannelLimits.load(f);
        assertThat(l.get(Channel.SMS).limit()).isEqualTo(2);
        assertThat(l.get(Channel.SMS).source()).isEqualTo("our gateway contract");
        assertThat(l.get(Channel.X).limit()).isEqualTo(280);
    }

    @Test
    void strict() {
        String entry = "  - channel: x\n    limit: 280\n    unit: weighted\n    source: docs\n    checked: 2026-11-24\n";
        assertThatThrownBy(() -> ChannelLimits.parse("f.yaml", "format: 1\nlimits:\n" + entry.replace("source", "sauce")))
                .isInstanceOf(ComposerInputException.class).hasMessageContaining("f.yaml:").hasMessageContaining("unknown key 'sauce'");
        assertThatThrownBy(() -> ChannelLimits.parse("f.yaml", "format: 1\nlimits:\n" + entry + entry))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> ChannelLimits.parse("f.yaml", "format: 1\nformat: 1\nlimits:\n" + entry))
                .hasMessage("f.yaml:2:1: duplicate key 'format' (first at line 1)");
        assertThatThrownBy(() -> ChannelLimits.parse("f.yaml", "format: 1\nlimits:\n" + entry.replace("limit: 280", "limit: &a 280")))
                .hasMessageContaining("anchors");
        assertThatThrownBy(() -> ChannelLimits.parse("f.yaml", "format: 1\nlimits:\n" + entry.replace("channel: x", "channel: tiktok")))
                .hasMessageContaining("unknown channel 'tiktok'");
        assertThatThrownBy(() -> ChannelLimits.parse("f.yaml", "format: 1\nlimits:\n" + entry.replace("weighted", "characters")))
                .hasMessageContaining("does not fit x");
        assertThatThrownBy(() -> ChannelLimits.parse("f.yaml", "format: 1\nlimits:\n" + entry.replace("280", "\"280\"")))
                .isInstanceOf(ComposerInputException.class);
        assertThatThrownBy(() -> ChannelLimits.parse("f.yaml", "#" + "x".repeat(ChannelLimits.MAX_BYTES)))
                .hasMessageContaining("over");
    }

    @Test
    void oversizeAndMissingFiles() throws Exception {
        Path big = tmp.resolve("big.yaml");
        Files.writeString(big, "#" + "x".repeat(ChannelLimits.MAX_BYTES));
        assertThatThrownBy(() -> ChannelLimits.load(big)).hasMessageContaining(":1:1: the file is");
        assertThatThrownBy(() -> ChannelLimits.load(tmp.resolve("none.yaml"))).hasMessageEndingWith(":1:1: no such file");
    }
}

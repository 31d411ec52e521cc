package io.crisisconsole.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictTextTest {

    @TempDir
    Path dir;

    @Test
    void readsUtf8TextUpToTheLimit() throws Exception {
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, "кризис ąę ñ", StandardCharsets.UTF_8);
        long size = Files.size(f);
        assertThat(StrictText.readUtf8(f, size)).isEqualTo("кризис ąę ñ");
    }

    @Test
    void refusesAFileOverTheLimitBeforeReadingIt() throws IOException {
        Path f = dir.resolve("big.yaml");
        Files.write(f, new byte[101]);
        assertThatThrownBy(() -> StrictText.readBytes(f, 100))
                .isInstanceOfSatisfying(StrictText.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(StrictText.Reason.TOO_LARGE);
                    assertThat(r.size()).isEqualTo(101);
                    assertThat(r.getMessage()).isEqualTo("the file is 101 bytes; the limit is 100");
                });
    }

    @Test
    void refusesTextThatIsNotUtf8() throws IOException {
        Path f = dir.resolve("cp1251.csv");
        Files.write(f, "имя".getBytes(java.nio.charset.Charset.forName("windows-1251")));
        assertThatThrownBy(() -> StrictText.readUtf8(f, 1000))
                .isInstanceOfSatisfying(StrictText.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(StrictText.Reason.NOT_UTF8);
                    assertThat(r.getMessage()).isEqualTo("not UTF-8 text");
                });
    }

    @Test
    void namesAMissingFileAndAFolder() throws IOException {
        assertThatThrownBy(() -> StrictText.readUtf8(dir.resolve("nope.yaml"), 10))
                .isInstanceOfSatisfying(StrictText.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(StrictText.Reason.NO_SUCH_FILE));
        Path folder = Files.createDirectory(dir.resolve("folder.yaml"));
        assertThatThrownBy(() -> StrictText.readUtf8(folder, 10))
                .isInstanceOfSatisfying(StrictText.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(StrictText.Reason.FOLDER);
                    assertThat(r.getMessage()).isEqualTo("is a folder, not a file");
                });
    }
}

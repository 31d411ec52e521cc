package io.crisisconsole.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.store.StoreException;
import io.crisisconsole.store.crypto.KeyFileFormat.Contents;
import io.crisisconsole.store.crypto.KeyWrapping.Wrapped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON contents of the key file on their own: no key derivation, so these run in milliseconds. */
class KeyFileFormatTest {

    @TempDir
    Path dir;

    static Contents contents() {
        return new Contents(KeyWrapping.MIN_ITERATIONS,
                new Wrapped(filled(16, 1), filled(12, 2), filled(48, 3)),
                new Wrapped(filled(16, 4), filled(12, 5), filled(48, 6)),
                filled(32, 7), Instant.parse("2026-11-24T09:00:00Z"));
    }

    static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        Path file = dir.resolve(KeyFile.FILE_NAME);
        Contents written = contents();

        KeyFileFormat.write(file, written);
        Contents read = KeyFileFormat.read(file);

        assertThat(read.iterations()).isEqualTo(written.iterations());
        assertThat(read.createdAt()).isEqualTo(written.createdAt());
        assertThat(read.passphrase().salt()).isEqualTo(written.passphrase().salt());
        assertThat(read.passphrase().iv()).isEqualTo(written.passphrase().iv());
        assertThat(read.passphrase().ciphertext()).isEqualTo(written.passphrase().ciphertext());
        assertThat(read.recovery().ciphertext()).isEqualTo(written.recovery().ciphertext());
        assertThat(read.keyCheck()).isEqualTo(written.keyCheck());
    }

    @Test
    void theJsonHasTheDocumentedFieldsInOrder() {
        String json = new String(KeyFileFormat.toJson(contents()), StandardCharsets.UTF_8);

        assertThat(json).containsSubsequence("\"format\" : 1", "\"kdf\" : \"PBKDF2WithHmacSHA256\"",
                "\"iterations\" : 600000", "\"passphraseSalt\"", "\"passphraseIv\"", "\"passphraseWrapped\"",
                "\"recoverySalt\"", "\"recoveryIv\"", "\"recoveryWrapped\"", "\"keyCheck\"",
                "\"createdAt\" : \"2026-11-24T09:00:00Z\"");
    }

    @Test
    void theAdditionalDataNamesFormatAndPurpose() {
        assertThat(new String(KeyFileFormat.additionalData(KeyFileFormat.PURPOSE_RECOVERY), StandardCharsets.US_ASCII))
                .isEqualTo("crisis-console store.key.json format=1 purpose=recovery");
        assertThat(KeyFileFormat.additionalData(KeyFileFormat.PURPOSE_PASSPHRASE))
                .isNotEqualTo(KeyFileFormat.additionalData(KeyFileFormat.PURPOSE_RECOVERY));
    }

    @Test
    void aProblemNamesTheFileAndIsDamage() throws IOException {
        Path file = dir.resolve(KeyFile.FILE_NAME);
        Files.writeString(file, "{\"format\": 1}");

        assertThatThrownBy(() -> KeyFileFormat.read(file))
                .isInstanceOf(KeyFileException.class)
                .hasMessage("The key file " + file + " is damaged: the field \"kdf\" is missing")
                .satisfies(e -> assertThat(((StoreException) e).problem()).isEqualTo(StoreException.Problem.DAMAGED));
    }
}

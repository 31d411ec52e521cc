package io.crisisconsole.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.store.crypto.KeyWrapping.Wrapped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The key wrapping on its own, with real PBKDF2 (600000 iterations: a few derivations in all). */
class KeyWrappingTest {

    static final byte[] AAD = "test purpose".getBytes(StandardCharsets.US_ASCII);
    static final char[] SECRET = "correct horse battery".toCharArray();

    static byte[] key() {
        byte[] k = new byte[MasterKey.BYTES];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @Test
    void wrapsWithFreshSaltAndIvAndOpensOnlyWithTheSameSecretAndAdditionalData() {
        byte[] key = key();
        Wrapped w = KeyWrapping.wrap(key, SECRET, KeyWrapping.MIN_ITERATIONS, AAD);

        assertThat(w.salt()).hasSize(KeyWrapping.SALT_BYTES);
        assertThat(w.iv()).hasSize(KeyWrapping.IV_BYTES);
        assertThat(w.ciphertext()).hasSize(KeyWrapping.WRAPPED_BYTES);
        assertThat(KeyWrapping.unwrap(w, SECRET, KeyWrapping.MIN_ITERATIONS, AAD)).isEqualTo(key);
        assertThat(KeyWrapping.unwrap(w, "correct horse battery!".toCharArray(), KeyWrapping.MIN_ITERATIONS, AAD))
                .as("another secret").isNull();
        assertThat(KeyWrapping.unwrap(w, SECRET, KeyWrapping.MIN_ITERATIONS, "other".getBytes(StandardCharsets.US_ASCII)))
                .as("other additional data").isNull();
    }

    @Test
    void refusesToWrapWithFewerIterationsThanTheMinimum() {
        assertThatThrownBy(() -> KeyWrapping.wrap(key(), SECRET, KeyWrapping.MIN_ITERATIONS - 1, AAD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Refusing to write fewer than 600000 iterations");
    }

    @Test
    void theKeyCheckIsStablePerKeyAndDiffersBetweenKeys() {
        byte[] a = key();
        assertThat(KeyWrapping.keyCheck(a)).hasSize(KeyWrapping.KEY_CHECK_BYTES).isEqualTo(KeyWrapping.keyCheck(a.clone()));
        assertThat(KeyWrapping.keyCheck(a)).isNotEqualTo(KeyWrapping.keyCheck(key()));
    }
}

package io.crisisconsole.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Crockford base32 and the recovery-key text; no key derivation, so fast. */
class RecoveryKeyTest {

    @Test
    void encodesWithTheCrockfordAlphabet() {
        // 5 bytes = 40 bits = 8 symbols.
        assertThat(CrockfordBase32.encode(new byte[5])).containsExactly("00000000".toCharArray());
        assertThat(CrockfordBase32.encode(new byte[] {-1, -1, -1, -1, -1})).containsExactly("ZZZZZZZZ".toCharArray());
        // "f" = 0x66 = 01100 110(00): "CR"
        assertThat(new String(CrockfordBase32.encode("f".getBytes(StandardCharsets.US_ASCII)))).isEqualTo("CR");
        assertThat(new String(CrockfordBase32.encode(new byte[] {0x08, 0x42, 0x10, (byte) 0x84, 0x21})))
                .isEqualTo("11111111");
        assertThat(CrockfordBase32.ALPHABET).doesNotContain("I", "L", "O", "U").hasSize(32);
    }

    @Test
    void roundTripsRandomBytesOfEveryLength() {
        SecureRandom random = new SecureRandom();
        for (int len = 0; len <= 40; len++) {
            byte[] b = new byte[len];
            random.nextBytes(b);
            assertThat(CrockfordBase32.decode(CrockfordBase32.encode(b))).isEqualTo(b);
        }
    }

    @Test
    void decodingRefusesStrayBitsAndNonSymbols() {
        assertThatThrownBy(() -> CrockfordBase32.decode("CS".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stray bits");
        assertThatThrownBy(() -> CrockfordBase32.decode("AU".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("character 2");
    }

    @Test
    void formatIsEightGroupsOfFour() {
        byte[] key = RecoveryKey.generate(new SecureRandom());
        assertThat(key).hasSize(20);

        String text = RecoveryKey.format(key);

        assertThat(text).hasSize(39).matches("([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(RecoveryKey.parse(text)).isEqualTo(key);
    }

    @Test
    void knownKeyFormatsAsExpected() {
        // Cross-checked with Python: base64.b32encode(bytes(range(20))) mapped to Crockford's alphabet.
        byte[] key = new byte[20];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        assertThat(RecoveryKey.format(key)).isEqualTo("000G-40R4-0M30-E209-185G-R38E-1W81-24GK");
    }

    @Test
    void parsingForgivesWhatPeopleDo() {
        byte[] key = RecoveryKey.generate(new SecureRandom());
        String text = RecoveryKey.format(key);

        assertThat(RecoveryKey.parse(text.toLowerCase())).isEqualTo(key);
        assertThat(RecoveryKey.parse(text.replace('-', ' '))).isEqualTo(key);
        assertThat(RecoveryKey.parse(text.replace("-", ""))).isEqualTo(key);
        assertThat(RecoveryKey.parse(" " + text.replace("-", " - ") + "\n")).isEqualTo(key);
        assertThat(RecoveryKey.parse(text.replace('-', '\u2013'))).isEqualTo(key);
        assertThat(RecoveryKey.parse(text.replace('0', 'O'))).isEqualTo(key);
        assertThat(RecoveryKey.parse(text.replace('0', 'o'))).isEqualTo(key);
        assertThat(RecoveryKey.parse(text.replace('1', 'I'))).isEqualTo(key);
        assertThat(RecoveryKey.parse(text.replace('1', 'l'))).isEqualTo(key);
        assertThat(RecoveryKey.parse(text.replace('1', 'L'))).isEqualTo(key);
    }

    @Test
    void theLookAlikesAreReadAsDigits() {
        String zeros = "0000-0000-0000-0000-0000-0000-0000-0000";
        assertThat(RecoveryKey.parse(zeros.replace('0', 'O'))).isEqualTo(new byte[20]);
        String ones = "1111-1111-1111-1111-1111-1111-1111-1111";
        assertThat(RecoveryKey.parse(ones.replace('1', 'I')))
                .isEqualTo(RecoveryKey.parse(ones))
                .isEqualTo(RecoveryKey.parse(ones.replace('1', 'l')));
    }

    @Test
    void everySpellingDerivesFromOneCanonicalForm() {
        byte[] key = RecoveryKey.generate(new SecureRandom());
        String text = RecoveryKey.format(key);

        assertThat(new String(RecoveryKey.canonical(RecoveryKey.parse(text.toLowerCase().replace('-', ' ')))))
                .isEqualTo(text.replace("-", ""));
    }

    @Test
    void parsingRejectsWrongLengthsAndCharactersWithoutRepeatingTheText() {
        String text = RecoveryKey.format(RecoveryKey.generate(new SecureRandom()));

        assertThatThrownBy(() -> RecoveryKey.parse(text + "A"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a recovery key has 32 letters and digits, this one has 33");
        assertThatThrownBy(() -> RecoveryKey.parse(""))
                .hasMessage("a recovery key has 32 letters and digits, this one has 0");
        assertThatThrownBy(() -> RecoveryKey.parse("U" + text.substring(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("character 1 cannot be part of a recovery key")
                .hasMessageNotContaining(text.substring(1, 4));
        assertThatThrownBy(() -> RecoveryKey.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}

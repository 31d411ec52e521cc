package io.crisisconsole.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    @Test
    void h2FilePasswordIsTheKeyAsLowercaseHex() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37 + 200);
        }
        MasterKey key = MasterKey.of(bytes);

        assertThat(new String(key.h2FilePassword())).isEqualTo(HexFormat.of().formatHex(bytes)).hasSize(64);
    }

    @Test
    void generatedKeysAre256RandomBits() {
        SecureRandom random = new SecureRandom();
        String a = new String(MasterKey.generate(random).h2FilePassword());
        String b = new String(MasterKey.generate(random).h2FilePassword());

        assertThat(a).matches("[0-9a-f]{64}").isNotEqualTo(b);
    }

    @Test
    void ofCopiesTheBytesAndRefusesOtherLengths() {
        byte[] bytes = new byte[32];
        MasterKey key = MasterKey.of(bytes);
        bytes[0] = 1;

        assertThat(key.copyBytes()[0]).isZero();
        assertThatThrownBy(() -> MasterKey.of(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsTheKey() {
        MasterKey key = MasterKey.generate(new SecureRandom());
        String hex = new String(key.h2FilePassword());

        assertThat(key.toString()).doesNotContain(hex).doesNotContain(hex.substring(0, 8))
                .isEqualTo("MasterKey[256 bits, not shown]");
    }

    @Test
    void destroyZeroesAndForbidsFurtherUse() {
        MasterKey key = MasterKey.generate(new SecureRandom());

        key.destroy();

        assertThat(key.isDestroyed()).isTrue();
        assertThat(key.toString()).isEqualTo("MasterKey[destroyed]");
        assertThatThrownBy(key::h2FilePassword).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(key::copyBytes).isInstanceOf(IllegalStateException.class);
    }
}

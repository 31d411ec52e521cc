package io.crisisconsole.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void aSecretIsClearedAfterUseAndNeverShown() {
        char[] typed = "correct horse".toCharArray();
        Credentials.Secret passphrase = (Credentials.Secret) Credentials.passphrase(typed);
        assertThat(passphrase).hasToString("Credentials.Passphrase[not shown]");
        assertThat(Credentials.recoveryKey("ABCD-EFGH".toCharArray())).hasToString("Credentials.RecoveryKey[not shown]");
        passphrase.clear();
        assertThat(typed).containsOnly('\0');
        assertThat(passphrase.chars()).isSameAs(typed);
    }
}

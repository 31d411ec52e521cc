package io.crisisconsole.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crisisconsole.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key file with real PBKDF2 (600000 iterations, most of a second per derivation). One key
 * file is created for the class and copied into each test's folder, so the whole class derives
 * about a dozen keys.
 *
 * <p>Damage policy under test: a problem with the JSON or a field is a {@link KeyFileException}
 * (DAMAGED); a GCM failure, even one caused by a flipped bit in the wrapped key, is a wrong
 * passphrase, because GCM cannot tell the two apart.
 */
class KeyFileTest {

    static final String PASSPHRASE = "correct horse battery";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path original;
    static String masterHex;
    static String recoveryKey;

    @TempDir
    Path dir;

    static char[] passphrase() {
        return PASSPHRASE.toCharArray();
    }

    @BeforeAll
    static void createOnce() {
        original = shared.resolve("original");
        try {
            Files.createDirectories(original);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        KeyFile.Created created = KeyFile.create(original, passphrase());
        masterHex = new String(created.masterKey().h2FilePassword());
        recoveryKey = created.recoveryKey();
    }

    /** A copy of the class's key file in this test's folder. */
    KeyFile copy() throws IOException {
        Files.copy(KeyFile.path(original), KeyFile.path(dir), StandardCopyOption.COPY_ATTRIBUTES,
                StandardCopyOption.REPLACE_EXISTING);
        return KeyFile.read(dir);
    }

    void editJson(Consumer<ObjectNode> edit) throws IOException {
        copy();
        ObjectNode o = (ObjectNode) JSON.readTree(KeyFile.path(dir).toFile());
        edit.accept(o);
        JSON.writeValue(KeyFile.path(dir).toFile(), o);
    }

    static String hex(MasterKey key) {
        return new String(key.h2FilePassword());
    }

    // ---- create and unlock ----

    @Test
    void createThenUnlockWithTheRightPassphraseGivesTheSameKey() throws IOException {
        assertThat(masterHex).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(KeyFile.exists(original)).isTrue();

        MasterKey unlocked = copy().unlock(passphrase());

        assertThat(hex(unlocked)).isEqualTo(masterHex);
    }

    @Test
    void createReturnsARecoveryKeyOf32SymbolsInGroupsOfFour() {
        assertThat(recoveryKey).matches("([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}");
    }

    @Test
    void createRefusesAPassphraseShorterThan8Characters() throws IOException {
        Path d = dir.resolve("fresh");
        Files.createDirectories(d);

        assertThatThrownBy(() -> KeyFile.create(d, "short12".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The passphrase must have at least 8 characters");
        assertThatThrownBy(() -> KeyFile.create(d, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(KeyFile.exists(d)).isFalse();
    }

    @Test
    void createdToStringShowsNoSecret() {
        KeyFile.Created created = new KeyFile.Created(null, MasterKey.generate(new SecureRandom()), "SECRET-TEXT");

        assertThat(created.toString()).doesNotContain("SECRET")
                .doesNotContain(new String(created.masterKey().h2FilePassword()));
    }

    @Test
    void createRefusesToReplaceAnExistingKeyFile() throws IOException {
        copy();
        byte[] before = Files.readAllBytes(KeyFile.path(dir));

        assertThatThrownBy(() -> KeyFile.create(dir, passphrase()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(KeyFile.path(dir).toString());
        assertThat(Files.readAllBytes(KeyFile.path(dir))).isEqualTo(before);
    }

    @Test
    void wrongPassphraseIsReportedAsSuch() throws IOException {
        KeyFile kf = copy();

        assertThatThrownBy(() -> kf.unlock("correct horse battery!".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessage("The passphrase is not right for " + dir);
    }

    @Test
    void aFlippedBitInTheWrappedKeyLooksLikeAWrongPassphrase() throws IOException {
        editJson(o -> {
            byte[] w = Base64.getDecoder().decode(o.get("passphraseWrapped").asText());
            w[5] ^= 0x01;
            o.put("passphraseWrapped", Base64.getEncoder().encodeToString(w));
        });
        KeyFile kf = KeyFile.read(dir); // the structure is fine, so reading succeeds

        assertThatThrownBy(() -> kf.unlock(passphrase())).isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void theIterationCountInTheFileIsAtLeast600000AndIsTheOneUsed() throws IOException {
        assertThat(JSON.readTree(KeyFile.path(original).toFile()).get("iterations").intValue())
                .isGreaterThanOrEqualTo(600_000);
        assertThat(copy().iterations()).isEqualTo(KeyFile.DEFAULT_ITERATIONS).isGreaterThanOrEqualTo(600_000);

        // Proof that unlock derives with the count from the file: one more iteration, other key.
        editJson(o -> o.put("iterations", 600_001));
        KeyFile kf = KeyFile.read(dir);
        assertThatThrownBy(() -> kf.unlock(passphrase())).isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void aWrappedKeyMovedToTheOtherSlotDoesNotOpen() throws IOException {
        // The GCM additional data names the purpose: the recovery wrapping put in the passphrase
        // slot does not open with the recovery key's own text typed as the passphrase.
        editJson(o -> {
            o.put("passphraseSalt", o.get("recoverySalt").asText());
            o.put("passphraseIv", o.get("recoveryIv").asText());
            o.put("passphraseWrapped", o.get("recoveryWrapped").asText());
        });
        KeyFile kf = KeyFile.read(dir);

        assertThatThrownBy(() -> kf.unlock(recoveryKey.replace("-", "").toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void aKeyThatDoesNotMatchTheKeyCheckIsDamage() throws IOException {
        editJson(o -> o.put("keyCheck", Base64.getEncoder().encodeToString(new byte[32])));
        KeyFile kf = KeyFile.read(dir);

        assertThatThrownBy(() -> kf.unlock(passphrase()))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("is damaged: the key it holds does not match its key check");
    }

    // ---- recovery key ----

    @Test
    void recoveryKeyUnlocksTheSameKey() throws IOException {
        assertThat(hex(copy().unlockWithRecoveryKey(recoveryKey))).isEqualTo(masterHex);
    }

    @Test
    void recoveryKeyAsPeopleTypeItStillUnlocks() throws IOException {
        // lower case, spaces instead of dashes, O for 0, I and L for 1, stray spaces around
        String messy = "  " + recoveryKey.toLowerCase().replace('-', ' ')
                .replace('0', 'o').replace("1", "I") + " ";
        assertThat(hex(copy().unlockWithRecoveryKey(messy))).isEqualTo(masterHex);
    }

    @Test
    void aDifferentRecoveryKeyIsWrong() throws IOException {
        String other = RecoveryKey.format(RecoveryKey.generate(new SecureRandom()));
        KeyFile kf = copy();

        assertThatThrownBy(() -> kf.unlockWithRecoveryKey(other))
                .isInstanceOf(WrongRecoveryKeyException.class)
                .hasMessage("The recovery key is not right for " + dir);
    }

    @Test
    void textThatIsNotShapedLikeARecoveryKeyIsWrongWithoutDerivingAnything() throws IOException {
        KeyFile kf = copy();

        assertThatThrownBy(() -> kf.unlockWithRecoveryKey(recoveryKey.substring(0, recoveryKey.length() - 1)))
                .isInstanceOf(WrongRecoveryKeyException.class)
                .hasMessageContaining("has 32 letters and digits, this one has 31");
        assertThatThrownBy(() -> kf.unlockWithRecoveryKey(recoveryKey.replace('-', '!')))
                .isInstanceOf(WrongRecoveryKeyException.class)
                .hasMessageContaining("character 5 cannot be part of a recovery key")
                .hasMessageNotContaining(recoveryKey.substring(0, 4));
        assertThatThrownBy(() -> kf.unlockWithRecoveryKey(null)).isInstanceOf(WrongRecoveryKeyException.class);
    }

    // ---- change passphrase ----

    @Test
    void changePassphraseThenOldFailsNewWorksAndTheKeyAndRecoveryStay() throws IOException {
        KeyFile kf = copy();
        MasterKey key = kf.unlockWithRecoveryKey(recoveryKey); // as after a forgotten passphrase
        String recoveryPartBefore = recoveryPart(KeyFile.path(dir));

        kf.changePassphrase(key, "a brand new passphrase".toCharArray());

        KeyFile reread = KeyFile.read(dir);
        assertThatThrownBy(() -> reread.unlock(passphrase())).isInstanceOf(WrongPassphraseException.class);
        assertThat(hex(reread.unlock("a brand new passphrase".toCharArray()))).isEqualTo(masterHex);
        assertThat(recoveryPart(KeyFile.path(dir))).isEqualTo(recoveryPartBefore);
        assertThat(reread.createdAt()).isEqualTo(KeyFile.read(original).createdAt());
        assertThat(JSON.readTree(KeyFile.path(dir).toFile()).get("passphraseSalt"))
                .isNotEqualTo(JSON.readTree(KeyFile.path(original).toFile()).get("passphraseSalt"));
        assertNoTempFiles();
        assertOwnerOnly(KeyFile.path(dir));
    }

    private static String recoveryPart(Path file) throws IOException {
        var o = JSON.readTree(file.toFile());
        return o.get("recoverySalt").asText() + o.get("recoveryIv").asText() + o.get("recoveryWrapped").asText()
                + o.get("keyCheck").asText();
    }

    @Test
    void changePassphraseRefusesAKeyThatIsNotThisFilesAndAShortPassphrase() throws IOException {
        KeyFile kf = copy();
        byte[] before = Files.readAllBytes(KeyFile.path(dir));

        assertThatThrownBy(() -> kf.changePassphrase(MasterKey.generate(new SecureRandom()),
                "a brand new passphrase".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("This is not the master key of " + KeyFile.path(dir));
        assertThatThrownBy(() -> kf.changePassphrase(MasterKey.generate(new SecureRandom()), "1234567".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 8 characters");
        assertThat(Files.readAllBytes(KeyFile.path(dir))).isEqualTo(before);
    }

    // ---- the file itself ----

    @Test
    void theFileIsReadableByItsOwnerOnlyAndNoTempFileIsLeft() throws IOException {
        assertOwnerOnly(KeyFile.path(original));
        try (Stream<Path> files = Files.list(original)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(KeyFile.FILE_NAME);
        }
    }

    @Test
    void theFileHoldsNoSecretInAnyForm() throws IOException {
        String text = Files.readString(KeyFile.path(original), StandardCharsets.UTF_8);
        MasterKey key = KeyFile.read(original).unlockWithRecoveryKey(recoveryKey);
        byte[] keyBytes = key.copyBytes();

        assertThat(text)
                .doesNotContainIgnoringCase(PASSPHRASE)
                .doesNotContainIgnoringCase(masterHex)
                .doesNotContain(Base64.getEncoder().encodeToString(keyBytes))
                .doesNotContain(recoveryKey)
                .doesNotContain(recoveryKey.replace("-", ""));
    }

    @Test
    void theFileHasTheDocumentedFields() throws IOException {
        var o = JSON.readTree(KeyFile.path(original).toFile());

        assertThat(o.fieldNames()).toIterable().containsExactly("format", "kdf", "iterations",
                "passphraseSalt", "passphraseIv", "passphraseWrapped",
                "recoverySalt", "recoveryIv", "recoveryWrapped", "keyCheck", "createdAt");
        assertThat(o.get("format").intValue()).isEqualTo(1);
        assertThat(o.get("kdf").asText()).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(Base64.getDecoder().decode(o.get("passphraseSalt").asText())).hasSizeGreaterThanOrEqualTo(16);
        assertThat(Base64.getDecoder().decode(o.get("passphraseIv").asText())).hasSize(12);
        assertThat(Base64.getDecoder().decode(o.get("recoveryIv").asText())).hasSize(12);
        assertThat(o.get("passphraseSalt")).isNotEqualTo(o.get("recoverySalt"));
        assertThat(o.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void existsAndDelete() throws IOException {
        assertThat(KeyFile.exists(dir)).isFalse();
        copy();
        assertThat(KeyFile.exists(dir)).isTrue();

        KeyFile.delete(dir);

        assertThat(KeyFile.exists(dir)).isFalse();
        KeyFile.delete(dir); // no error when already gone
        assertThatThrownBy(() -> KeyFile.read(dir))
                .isInstanceOf(KeyFileException.class)
                .hasMessage("There is no key file at " + KeyFile.path(dir));
    }

    // ---- damage: reported by read, before any derivation ----

    @Test
    void iterationsBelow600000AreRejectedAsTampering() throws IOException {
        editJson(o -> o.put("iterations", 599_999));

        assertDamaged("asks for 599999 key-derivation iterations, fewer than the 600000");
    }

    @Test
    void absurdlyHighIterationsAreRejected() throws IOException {
        editJson(o -> o.put("iterations", 2_000_000_000));

        assertDamaged("more than the 10000000 accepted");
    }

    @Test
    void aFileOver64KiBIsRejectedBeforeParsing() throws IOException {
        copy();
        // Valid JSON, just padded: only the size check can reject it.
        String padded = Files.readString(KeyFile.path(dir)) + " ".repeat(64 * 1024);
        Files.writeString(KeyFile.path(dir), padded);

        assertDamaged("larger than 65536 bytes");
    }

    @Test
    void invalidJsonIsDamage() throws IOException {
        copy();
        Files.writeString(KeyFile.path(dir), "{\"format\": 1, \"kdf\": ");

        assertDamaged("is not valid JSON");
    }

    @Test
    void trailingGarbageAndDuplicateFieldsAreDamage() throws IOException {
        copy();
        String good = Files.readString(KeyFile.path(dir));
        Files.writeString(KeyFile.path(dir), good + "{}");
        assertDamaged("is not valid JSON");

        Files.writeString(KeyFile.path(dir), good.replaceFirst("\\{", "{\"iterations\": 700000,"));
        assertDamaged("is not valid JSON");
    }

    @Test
    void aJsonValueThatIsNotAnObjectIsDamage() throws IOException {
        copy();
        Files.writeString(KeyFile.path(dir), "[1, 2, 3]");

        assertDamaged("does not hold a JSON object");
    }

    @Test
    void eachMissingFieldIsNamed() throws IOException {
        for (String field : List.of("format", "kdf", "iterations", "passphraseSalt", "passphraseIv",
                "passphraseWrapped", "recoverySalt", "recoveryIv", "recoveryWrapped", "keyCheck", "createdAt")) {
            editJson(o -> o.remove(field));

            assertDamaged("the field \"" + field + "\" is missing");
        }
    }

    @Test
    void malformedFieldsAreDamage() throws IOException {
        editJson(o -> o.put("passphraseWrapped", "not base64!"));
        assertDamaged("\"passphraseWrapped\" is not valid base64");

        editJson(o -> o.put("recoveryWrapped", Base64.getEncoder().encodeToString(new byte[47])));
        assertDamaged("\"recoveryWrapped\" has 47 bytes, expected 48");

        editJson(o -> o.put("passphraseSalt", Base64.getEncoder().encodeToString(new byte[8])));
        assertDamaged("\"passphraseSalt\" has 8 bytes, expected 16 to 1024");

        editJson(o -> o.put("kdf", "PBKDF2WithHmacSHA1"));
        assertDamaged("\"kdf\" is \"PBKDF2WithHmacSHA1\"");

        editJson(o -> o.put("iterations", "600000"));
        assertDamaged("\"iterations\" is not a whole number");

        editJson(o -> o.put("createdAt", "yesterday"));
        assertDamaged("\"createdAt\" is not an ISO instant");

        editJson(o -> o.putObject("keyCheck"));
        assertDamaged("\"keyCheck\" is not a single value");
    }

    @Test
    void anUnknownFormatIsNotCalledDamage() throws IOException {
        editJson(o -> o.put("format", 2));

        assertThatThrownBy(() -> KeyFile.read(dir))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining(KeyFile.path(dir).toString())
                .hasMessageContaining("is in format 2, which this version of Crisis Console does not know")
                .satisfies(e -> assertThat(((StoreException) e).problem()).isEqualTo(StoreException.Problem.OTHER));
    }

    @Test
    void keyFileExceptionIsAStoreException() {
        assertThat(StoreException.class).isAssignableFrom(KeyFileException.class);
    }

    private void assertDamaged(String detail) {
        assertThatThrownBy(() -> KeyFile.read(dir))
                .isInstanceOf(KeyFileException.class)
                .hasMessageStartingWith("The key file " + KeyFile.path(dir) + " is damaged: ")
                .hasMessageContaining(detail)
                .satisfies(e -> assertThat(((StoreException) e).problem()).isEqualTo(StoreException.Problem.DAMAGED));
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(KeyFile.FILE_NAME);
        }
    }

    private static void assertOwnerOnly(Path file) throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}

package io.crisisconsole.store.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crisisconsole.store.StoreException.Problem;
import io.crisisconsole.store.crypto.KeyWrapping.Wrapped;
import io.crisisconsole.toolkit.AtomicFiles;
import io.crisisconsole.toolkit.StrictText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * What {@code store.key.json} holds, format {@value #FORMAT}, as JSON: reading it strictly (size
 * limit before parsing, duplicate fields and trailing tokens refused, every field's type, length and
 * range checked, unknown fields ignored), writing it (through {@link AtomicFiles}), and the
 * additional data that binds a wrapped key to this format and its slot. Every problem names the file;
 * a problem with the structure is {@link Problem#DAMAGED}, an unknown format is not.
 */
final class KeyFileFormat {

    static final int FORMAT = 1;
    /** More than this would make an unlock take minutes; treated as damage. */
    static final int MAX_ITERATIONS = 10_000_000;
    static final long MAX_BYTES = 64 * 1024;
    static final String PURPOSE_PASSPHRASE = "passphrase";
    static final String PURPOSE_RECOVERY = "recovery";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** What is in the file. */
    record Contents(int iterations, Wrapped passphrase, Wrapped recovery, byte[] keyCheck, Instant createdAt) {
    }

    private KeyFileFormat() {
    }

    /**
     * The GCM additional data of a wrapping: names the format and the purpose ({@code passphrase} or
     * {@code recovery}), so a wrapped key cannot be moved to the other slot or read as another format.
     */
    static byte[] additionalData(String purpose) {
        return ("crisis-console store.key.json format=" + FORMAT + " purpose=" + purpose)
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads and checks the file.
     *
     * @throws KeyFileException naming the file if it is missing, too large, not valid JSON, has a
     *         missing or malformed field, an unknown format or too few iterations
     */
    static Contents read(Path file) {
        byte[] raw;
        try {
            raw = StrictText.readBytes(file, MAX_BYTES);
        } catch (StrictText.Refused r) {
            switch (r.reason()) {
                case TOO_LARGE:
                    throw damaged(file, "it is larger than " + MAX_BYTES + " bytes", null);
                case NO_SUCH_FILE:
                    throw new KeyFileException(Problem.OTHER, "There is no key file at " + file, r);
                default:
                    throw new KeyFileException(Problem.OTHER, "Cannot read the key file " + file + ": "
                            + (r.getCause() == null ? r.getMessage() : r.getCause().getMessage()), r);
            }
        }
        JsonNode root;
        try {
            root = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw damaged(file, "it is not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw damaged(file, "it is not valid JSON (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw damaged(file, "it does not hold a JSON object", null);
        }
        return parse(file, root);
    }

    private static Contents parse(Path file, JsonNode root) {
        JsonNode format = required(file, root, "format");
        if (!format.isIntegralNumber()) {
            throw damaged(file, "\"format\" is not a number", null);
        }
        if (!format.canConvertToInt() || format.intValue() != FORMAT) {
            throw new KeyFileException(Problem.OTHER, "The key file " + file + " is in format " + format.asText()
                    + ", which this version of Crisis Console does not know (it knows format " + FORMAT + ")", null);
        }
        String kdf = required(file, root, "kdf").asText();
        if (!KeyWrapping.KDF.equals(kdf)) {
            throw damaged(file, "\"kdf\" is \"" + kdf + "\", expected \"" + KeyWrapping.KDF + "\"", null);
        }
        JsonNode it = required(file, root, "iterations");
        if (!it.isIntegralNumber() || !it.canConvertToInt()) {
            throw damaged(file, "\"iterations\" is not a whole number", null);
        }
        int iterations = it.intValue();
        if (iterations < KeyWrapping.MIN_ITERATIONS) {
            throw damaged(file, "it asks for " + iterations + " key-derivation iterations, fewer than the "
                    + KeyWrapping.MIN_ITERATIONS + " Crisis Console always writes; it may have been tampered with", null);
        }
        if (iterations > MAX_ITERATIONS) {
            throw damaged(file, "it asks for " + iterations + " key-derivation iterations, more than the "
                    + MAX_ITERATIONS + " accepted", null);
        }
        Wrapped passphrase = new Wrapped(
                bytes(file, root, "passphraseSalt", KeyWrapping.SALT_BYTES, 1024),
                bytes(file, root, "passphraseIv", KeyWrapping.IV_BYTES, KeyWrapping.IV_BYTES),
                bytes(file, root, "passphraseWrapped", KeyWrapping.WRAPPED_BYTES, KeyWrapping.WRAPPED_BYTES));
        Wrapped recovery = new Wrapped(
                bytes(file, root, "recoverySalt", KeyWrapping.SALT_BYTES, 1024),
                bytes(file, root, "recoveryIv", KeyWrapping.IV_BYTES, KeyWrapping.IV_BYTES),
                bytes(file, root, "recoveryWrapped", KeyWrapping.WRAPPED_BYTES, KeyWrapping.WRAPPED_BYTES));
        byte[] keyCheck = bytes(file, root, "keyCheck", KeyWrapping.KEY_CHECK_BYTES, KeyWrapping.KEY_CHECK_BYTES);
        Instant createdAt;
        try {
            createdAt = Instant.parse(required(file, root, "createdAt").asText());
        } catch (DateTimeParseException e) {
            throw damaged(file, "\"createdAt\" is not an ISO instant", e);
        }
        return new Contents(iterations, passphrase, recovery, keyCheck, createdAt);
    }

    private static JsonNode required(Path file, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw damaged(file, "the field \"" + field + "\" is missing", null);
        }
        if (!n.isValueNode()) {
            throw damaged(file, "the field \"" + field + "\" is not a single value", null);
        }
        return n;
    }

    private static byte[] bytes(Path file, JsonNode root, String field, int min, int max) {
        JsonNode n = required(file, root, field);
        if (!n.isTextual()) {
            throw damaged(file, "the field \"" + field + "\" is not base64 text", null);
        }
        byte[] b;
        try {
            b = Base64.getDecoder().decode(n.textValue());
        } catch (IllegalArgumentException e) {
            throw damaged(file, "the field \"" + field + "\" is not valid base64", e);
        }
        if (b.length < min || b.length > max) {
            throw damaged(file, "the field \"" + field + "\" has " + b.length + " bytes, expected "
                    + (min == max ? String.valueOf(min) : min + " to " + max), null);
        }
        return b;
    }

    static KeyFileException damaged(Path file, String why, Throwable cause) {
        return new KeyFileException(Problem.DAMAGED, "The key file " + file + " is damaged: " + why, cause);
    }

    /** The file's bytes: the documented fields in their documented order, binary values in standard base64. */
    static byte[] toJson(Contents c) {
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("kdf", KeyWrapping.KDF);
        o.put("iterations", c.iterations());
        o.put("passphraseSalt", b64.encodeToString(c.passphrase().salt()));
        o.put("passphraseIv", b64.encodeToString(c.passphrase().iv()));
        o.put("passphraseWrapped", b64.encodeToString(c.passphrase().ciphertext()));
        o.put("recoverySalt", b64.encodeToString(c.recovery().salt()));
        o.put("recoveryIv", b64.encodeToString(c.recovery().iv()));
        o.put("recoveryWrapped", b64.encodeToString(c.recovery().ciphertext()));
        o.put("keyCheck", b64.encodeToString(c.keyCheck()));
        o.put("createdAt", c.createdAt().toString());
        try {
            return JSON.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    /**
     * Writes the file through a temp file in the same folder (0600 where the file system has POSIX
     * permissions), forced to disk and moved over the old one atomically: losing this file loses the store.
     */
    static void write(Path file, Contents c) {
        try {
            AtomicFiles.write(file, toJson(c));
        } catch (IOException e) {
            throw new KeyFileException(Problem.OTHER, "Cannot write the key file " + file + ": " + e.getMessage(), e);
        }
    }
}

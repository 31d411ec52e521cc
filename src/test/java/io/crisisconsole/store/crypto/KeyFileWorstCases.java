package io.crisisconsole.store.crypto;

import static io.crisisconsole.testsupport.WorstCases.MIB;
import static io.crisisconsole.testsupport.WorstCases.fill;

import io.crisisconsole.testsupport.WorstCases;
import io.crisisconsole.testsupport.WorstCases.Case;
import java.util.List;

/** Generated key files (JSON, at most 64 KiB): 1 MiB ones, and 64 KiB ones of every hostile shape. */
public final class KeyFileWorstCases {

    private KeyFileWorstCases() {
    }

    public static final WorstCases.Judge JUDGE = file -> {
        try {
            KeyFileFormat.read(file);
            return WorstCases.ACCEPTED;
        } catch (KeyFileException e) {
            return e.getMessage();
        }
    };

    public static List<Case> cases() {
        int small = (int) KeyFileFormat.MAX_BYTES - 16;
        return List.of(
                Case.of("key file: 1 MiB", "big.key", fill("{\"format\": 1", i -> ", \"k" + i + "\": 1", "}", MIB - 64),
                        "it is larger than 65536 bytes"),
                Case.of("key file: deep nesting", "nesting.key", fill("{\"format\": ", i -> "[", "", small),
                        "it is not valid JSON"),
                Case.of("key file: many keys", "keys.key", fill("{\"format\": 1", i -> ", \"k" + i + "\": 1", "}", small),
                        "key file"),
                Case.of("key file: a huge string", "string.key", fill("{\"format\": 1, \"salt\": \"", i -> "A", "\"}",
                        small), "key file"),
                Case.of("key file: repeated key", "repeated.key", fill("{\"format\": 1", i -> ", \"format\": 1", "}",
                        small), "it is not valid JSON"),
                Case.of("key file: unterminated", "unterminated.key", fill("{\"format\": 1, \"salt\": \"", i -> "A", "",
                        small), "it is not valid JSON"));
    }
}

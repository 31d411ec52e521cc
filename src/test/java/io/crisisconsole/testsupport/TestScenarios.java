package io.crisisconsole.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The small scenarios of the tests (src/test/resources/rehearsal/), as YAML text. */
public final class TestScenarios {

    /** One post at minute 2 that wants an answer within 15 minutes, and a media inquiry fired by hand (service-outage.en). */
    public static final String CHECKOUT_DRILL = "/rehearsal/checkout-drill.en.yaml";

    private TestScenarios() {
    }

    public static String yaml(String resource) {
        try (InputStream in = TestScenarios.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

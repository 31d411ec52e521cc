package io.crisisconsole.playbooks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The stage a statement speaks from. */
public enum Stage {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Stage fromYaml(String text) {
        return Arrays.stream(values()).filter(s -> s.yamlName().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown stage '" + text + "' (one of investigating, identified, monitoring, resolved)"));
    }
}

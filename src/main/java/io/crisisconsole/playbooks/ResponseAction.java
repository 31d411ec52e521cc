package io.crisisconsole.playbooks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What to do with a mention: answer in public first and then move to private, escalate, hide... */
public enum ResponseAction {
    RESPOND_PUBLICLY, RESPOND_PUBLICLY_THEN_PRIVATE, ESCALATE, HIDE, IGNORE, CORRECT;

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static ResponseAction fromYaml(String text) {
        return Arrays.stream(values()).filter(a -> a.yamlName().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown action '" + text + "' (one of respond-publicly, "
                        + "respond-publicly-then-private, escalate, hide, ignore, correct)"));
    }
}

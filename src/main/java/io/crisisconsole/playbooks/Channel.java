package io.crisisconsole.playbooks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where a message goes. YAML spelling: lowercase with dashes ({@code call-centre}). Stored by name. */
public enum Channel {
    X, FACEBOOK, INSTAGRAM, LINKEDIN, SMS, EMAIL, WEBSITE, PRESS, STAFF_MEMO, CALL_CENTRE;

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Channel fromYaml(String text) {
        return Arrays.stream(values()).filter(c -> c.yamlName().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown channel '" + text + "' (one of x, facebook, "
                        + "instagram, linkedin, sms, email, website, press, staff-memo, call-centre)"));
    }
}

package io.crisisconsole.playbooks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Kinds of inbound mention the response matrix covers. */
public enum MentionType {
    COMPLAINT, QUESTION, PRAISE, TROLL, ABUSE, MEDIA_INQUIRY, MISINFORMATION;

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static MentionType fromYaml(String text) {
        return Arrays.stream(values()).filter(t -> t.yamlName().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown mention type '" + text + "' (one of complaint, "
                        + "question, praise, troll, abuse, media-inquiry, misinformation)"));
    }
}

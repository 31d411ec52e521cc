package io.crisisconsole.contacts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a contact can be reached besides phone and e-mail. Stored by name, written lowercase. */
public enum Network {
    X("X"),
    FACEBOOK("Facebook"),
    INSTAGRAM("Instagram"),
    LINKEDIN("LinkedIn"),
    SIGNAL("Signal"),
    WHATSAPP("WhatsApp"),
    TELEGRAM("Telegram"),
    TEAMS("Teams"),
    SLACK("Slack"),
    OTHER("Other");

    private final String label;

    Network(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @JsonValue
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static String slugs() {
        return Arrays.stream(values()).map(Network::slug).collect(Collectors.joining(", "));
    }

    /** The slug or label in any case; {@code twitter} is X. */
    public static Optional<Network> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("twitter")) {
            return Optional.of(X);
        }
        return Arrays.stream(values()).filter(n -> n.slug().equals(t)).findFirst();
    }

    @JsonCreator
    public static Network parse(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not a network (one of " + slugs() + ")"));
    }
}

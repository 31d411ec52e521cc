package io.crisisconsole.contacts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lists a contact can be on. Stored by name; in YAML, CSV, vCard and JSON spelled lowercase with
 * dashes ({@code crisis-team}), as playbooks refer to them.
 */
public enum ContactGroup {
    CRISIS_TEAM("Crisis team"),
    SPOKESPEOPLE("Spokespeople"),
    CUSTOMER_CARE("Customer care"),
    LEGAL("Legal"),
    EXECUTIVES("Executives"),
    MEDIA("Media"),
    AGENCIES("Agencies"),
    SPECIALISTS("Specialists");

    private final String label;

    ContactGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @JsonValue
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** All slugs, for messages: "crisis-team, spokespeople, ...". */
    public static String slugs() {
        return Arrays.stream(values()).map(ContactGroup::slug).collect(Collectors.joining(", "));
    }

    /** Accepts the slug, the enum name or the label, in any case. */
    public static Optional<ContactGroup> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return Arrays.stream(values()).filter(g -> g.slug().equals(t)).findFirst();
    }

    @JsonCreator
    public static ContactGroup parse(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not a contact group (one of " + slugs() + ")"));
    }
}

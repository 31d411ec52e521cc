package io.crisisconsole.app;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * One area of the main window's navigation.
 *
 * @param id short name ({@code cases}); the nav button's node id is {@code navCases}
 * @param titleKey the message key of its title, shown on the nav button
 * @param icon the Feather icon of the nav button ({@code fth-users})
 * @param view makes the area's view; called once, when the area is first shown
 */
public record Area(String id, String titleKey, String icon, Supplier<Node> view) {

    public Area {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(titleKey, "titleKey");
        Objects.requireNonNull(icon, "icon");
        Objects.requireNonNull(view, "view");
        if (!id.matches("[a-z][a-zA-Z0-9]*")) {
            throw new IllegalArgumentException("area id must be a lower camel-case word: " + id);
        }
    }

    /** The node id of the area's nav button, e.g. {@code navContacts} (UI tests look it up). */
    public String navId() {
        return "nav" + id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
    }
}

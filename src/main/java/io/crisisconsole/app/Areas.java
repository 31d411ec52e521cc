package io.crisisconsole.app;

import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.ViewLoader;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;

/**
 * The areas of the main window, in the order of the navigation; the first one is shown at start.
 * Filled once by {@link AppContext}: a new area (Inbox, a built Rehearsal) is one more entry there,
 * the window builds its nav button and loads its view on the first visit.
 */
public final class Areas {

    private final ViewLoader views;
    private final Messages messages;
    private final List<Area> all = new ArrayList<>();

    public Areas(ViewLoader views, Messages messages) {
        this.views = views;
        this.messages = messages;
    }

    /** Adds an area; its id must be new. */
    public Areas add(Area area) {
        if (all.stream().anyMatch(a -> a.id().equals(area.id()))) {
            throw new IllegalArgumentException("two areas with the id " + area.id());
        }
        all.add(area);
        return this;
    }

    /** An area whose view is one FXML file. */
    public Areas view(String id, String titleKey, String icon, FxmlView view) {
        return add(new Area(id, titleKey, icon, () -> views.<Node>load(view).root()));
    }

    /** An area not built yet: an honest page that says what it will hold ({@code plannedKey}). */
    public Areas planned(String id, String titleKey, String icon, String plannedKey) {
        return add(new Area(id, titleKey, icon, () -> {
            ViewLoader.Loaded<Node> page = views.load(FxmlView.COMING_SOON);
            page.controller(ComingSoonController.class).show(messages.get(titleKey), messages.get(plannedKey));
            return page.root();
        }));
    }

    public List<Area> all() {
        return List.copyOf(all);
    }
}

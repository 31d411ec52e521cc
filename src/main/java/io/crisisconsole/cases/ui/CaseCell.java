package io.crisisconsole.cases.ui;

import atlantafx.base.theme.Styles;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.Fit;
import java.util.Objects;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A case in a list: its title in bold, the EXERCISE badge beside it for an exercise's case, and a
 * muted line under it; both wrap instead of ending in "…". The Cases list and the Reviews list say
 * different things on the two lines.
 */
public final class CaseCell extends ListCell<CrisisCase> {

    private final Function<CrisisCase, String> titleOf;
    private final Function<CrisisCase, String> metaOf;
    private final Label badge;
    private final Label title = new Label();
    private final Label meta = new Label();
    private final VBox box = new VBox(2, title, meta);

    public CaseCell(Messages messages, Function<CrisisCase, String> titleOf, Function<CrisisCase, String> metaOf) {
        this.titleOf = Objects.requireNonNull(titleOf);
        this.metaOf = Objects.requireNonNull(metaOf);
        badge = new Label(messages.get("rehearsal.mark.badge"));
        badge.getStyleClass().add("exercise-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        title.getStyleClass().add(Styles.TEXT_BOLD);
        meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Fit.wrapInList(this, title, meta); // long titles wrap instead of ending in "…"
    }

    @Override
    protected void updateItem(CrisisCase c, boolean empty) {
        super.updateItem(c, empty);
        if (empty || c == null) {
            setGraphic(null);
            return;
        }
        title.setText(titleOf.apply(c));
        title.setGraphic(c.exercise() ? badge : null); // the title wraps beside the badge
        meta.setText(metaOf.apply(c));
        setGraphic(box);
    }
}

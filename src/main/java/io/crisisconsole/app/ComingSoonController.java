package io.crisisconsole.app;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** An honest page for an area that is not built yet. */
public final class ComingSoonController {

    @FXML
    private Label headingLabel;
    @FXML
    private Label plannedLabel;

    public void show(String heading, String planned) {
        headingLabel.setText(heading);
        plannedLabel.setText(planned);
    }
}

package io.crisisconsole.toolkit.ui;

import java.net.URL;
import java.util.Objects;

/** Every FXML file of the app, in the top-level {@code fxml/} folder. */
public enum FxmlView {
    MAIN_WINDOW("main_window.fxml"),
    COMING_SOON("coming_soon.fxml"),
    CASES("cases_list.fxml"),
    CASE_DETAIL("cases_detail.fxml"),
    CASE_FORM("cases_form.fxml"),
    CONTACTS("contacts_list.fxml"),
    CONTACT_FORM("contacts_form.fxml"),
    PLAYBOOKS("playbooks.fxml"),
    COMPOSER("composer.fxml"),
    INBOX("inbox.fxml"),
    INBOX_REPLY("inbox_reply.fxml"),
    INBOX_IMPORT("inbox_import.fxml"),
    WORKSPACE_CHECKLIST("workspace_checklist.fxml"),
    WORKSPACE_CLOCKS("workspace_clocks.fxml"),
    WORKSPACE_CALLS("workspace_calls.fxml"),
    WORKSPACE_ESCALATION("workspace_escalation.fxml"),
    WORKSPACE_CHARTS("workspace_charts.fxml"),
    DEBRIEF_FORM("debrief_form.fxml"),
    REHEARSAL("rehearsal.fxml"),
    REVIEWS("reviews.fxml");

    static final String FOLDER = "/io/crisisconsole/fxml/";

    private final String file;

    FxmlView(String file) {
        this.file = file;
    }

    public URL url() {
        return Objects.requireNonNull(FxmlView.class.getResource(FOLDER + file), () -> "missing FXML " + file);
    }
}

package io.crisisconsole.cases.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.Severity;
import io.crisisconsole.toolkit.ui.FormProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The new/edit case form. Validates live with the same rules the store applies. */
public final class CaseFormViewModel {

    private static final ObjectMapper DRAFT_JSON = new ObjectMapper();

    private final StringProperty title = new SimpleStringProperty("");
    private final IntegerProperty severity = new SimpleIntegerProperty(Severity.DEFAULT);
    private final StringProperty owner = new SimpleStringProperty("");
    private final StringProperty hashtag = new SimpleStringProperty("");
    private final StringProperty hubUrl = new SimpleStringProperty("");
    private final FormProblem problem = new FormProblem();
    /** Whether the form's problem is shown: not before anything was typed, left or submitted. */
    private final BooleanProperty touched = new SimpleBooleanProperty(false);
    private final StringBinding shownProblem = Bindings.createStringBinding(
            () -> touched.get() ? problem.messageProperty().get() : "", touched, problem.messageProperty());

    public CaseFormViewModel() {
        title.addListener((o, a, b) -> edited());
        severity.addListener((o, a, b) -> edited());
        owner.addListener((o, a, b) -> edited());
        hashtag.addListener((o, a, b) -> edited());
        hubUrl.addListener((o, a, b) -> edited());
        validate();
    }

    private void edited() {
        touched.set(true);
        validate();
    }

    /** A field was left or saving was tried: from now on the form's problem is shown. */
    public void touch() {
        touched.set(true);
    }

    public void fillFrom(CaseDetails d) {
        title.set(d.title());
        severity.set(d.severity());
        owner.set(FormProblem.orEmpty(d.owner()));
        hashtag.set(FormProblem.orEmpty(d.hashtag()));
        hubUrl.set(FormProblem.orEmpty(d.hubUrl()));
    }

    /** The form as typed, valid or not, for autosave. */
    public String toDraft() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title.get());
        fields.put("severity", severity.get());
        fields.put("owner", owner.get());
        fields.put("hashtag", hashtag.get());
        fields.put("hubUrl", hubUrl.get());
        try {
            return DRAFT_JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts an autosaved form back; fields the draft does not have stay as they are. */
    public void fillFromDraft(String draft) {
        try {
            Map<?, ?> fields = DRAFT_JSON.readValue(draft, Map.class);
            if (fields.get("title") instanceof String t) {
                title.set(t);
            }
            if (fields.get("severity") instanceof Number n && n.intValue() >= Severity.MOST_SEVERE
                    && n.intValue() <= Severity.LEAST_SEVERE) {
                severity.set(n.intValue());
            }
            if (fields.get("owner") instanceof String o) {
                owner.set(o);
            }
            if (fields.get("hashtag") instanceof String h) {
                hashtag.set(h);
            }
            if (fields.get("hubUrl") instanceof String u) {
                hubUrl.set(u);
            }
        } catch (JsonProcessingException e) {
            // a draft that cannot be read is not worth an error: the form stays as it is
        }
    }

    /** The details as typed; throws {@link ValidationException} when invalid. */
    public CaseDetails toDetails() {
        return new CaseDetails(title.get(), severity.get(), owner.get(), hashtag.get(), hubUrl.get()).checkPlainText();
    }

    private void validate() {
        problem.check(this::toDetails);
    }

    public StringProperty titleProperty() {
        return title;
    }

    public IntegerProperty severityProperty() {
        return severity;
    }

    public StringProperty ownerProperty() {
        return owner;
    }

    public StringProperty hashtagProperty() {
        return hashtag;
    }

    public StringProperty hubUrlProperty() {
        return hubUrl;
    }

    /** The form's first problem, shown or not (OK stays off while there is one). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.messageProperty();
    }

    /** The problem to show: "" until the form was {@link #touch() touched} or edited ("a case needs a title" is not said to an empty new form). */
    public StringBinding shownProblemProperty() {
        return shownProblem;
    }

    public ReadOnlyStringProperty problemFieldProperty() {
        return problem.fieldProperty();
    }

    public BooleanBinding validProperty() {
        return problem.validProperty();
    }
}

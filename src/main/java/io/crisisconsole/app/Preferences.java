package io.crisisconsole.app;

import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.Settings;
import io.crisisconsole.toolkit.SettingsStore;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.Theme;
import io.crisisconsole.toolkit.ui.Notifier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The observable side of {@link Settings}: who is acting, which theme is on, the case selected last, the
 * brand name and the plan-review interval. Changes are written
 * back in the background.
 */
public final class Preferences {

    private final SettingsStore store;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;
    private final StringProperty authorName;
    private final ObjectProperty<Theme> theme;
    private final ObjectProperty<Long> lastCaseId;
    private final StringProperty brandName;
    private final IntegerProperty planReviewDays;
    private final String language;

    public Preferences(SettingsStore store, Settings initial, TaskRunner tasks, Notifier notifier, Messages messages) {
        this.store = store;
        this.tasks = tasks;
        this.notifier = notifier;
        this.messages = messages;
        this.authorName = new SimpleStringProperty(initial.authorName());
        this.theme = new SimpleObjectProperty<>(initial.theme());
        this.lastCaseId = new SimpleObjectProperty<>(initial.lastCaseId());
        this.brandName = new SimpleStringProperty(initial.brandName() == null ? "" : initial.brandName());
        this.planReviewDays = new SimpleIntegerProperty(initial.reviewDays());
        this.language = initial.language();
        authorName.addListener((o, a, b) -> save());
        theme.addListener((o, a, b) -> save());
        lastCaseId.addListener((o, a, b) -> save());
        brandName.addListener((o, a, b) -> save());
        planReviewDays.addListener((o, a, b) -> save());
    }

    private void save() {
        Settings s = new Settings(authorName.get(), theme.get(), language, lastCaseId.get()).withBrandName(brandName.get())
                .withPlanReviewDays(planReviewDays.get());
        tasks.run(messages.get("settings.task.save"), () -> {
            store.save(s);
            return s;
        }, saved -> { }, t -> notifier.failed(messages.get("settings.save.failed"), t));
    }

    /** The author of new timeline entries. */
    public String author() {
        return authorName.get();
    }

    public StringProperty authorNameProperty() {
        return authorName;
    }

    /** The brand name for {@code {{brand}}}; empty when not set. */
    public String brand() {
        String b = brandName.get();
        return b == null ? "" : b.strip();
    }

    public StringProperty brandNameProperty() {
        return brandName;
    }

    /** A playbook not reviewed in this many days is flagged in the Playbooks area (default 180). */
    public IntegerProperty planReviewDaysProperty() {
        return planReviewDays;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The case selected last (selected again at the next start). */
    public ObjectProperty<Long> lastCaseIdProperty() {
        return lastCaseId;
    }
}

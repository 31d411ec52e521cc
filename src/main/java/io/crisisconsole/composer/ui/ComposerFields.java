package io.crisisconsole.composer.ui;

import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.composer.Placeholders;
import io.crisisconsole.composer.Variant;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The composer's editable fields (the statement stage, the core message and one variant per
 * channel) and their mapping to and from {@link DraftContent}. Key facts are edited one per line.
 * Setting the fields from a draft ({@link #apply}) is not an edit; every other change is.
 */
final class ComposerFields {

    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.INVESTIGATING);
    private final StringProperty whatHappened = new SimpleStringProperty("");
    private final StringProperty whatWeAreDoing = new SimpleStringProperty("");
    private final StringProperty whatYouShouldDo = new SimpleStringProperty("");
    private final StringProperty nextUpdate = new SimpleStringProperty("");
    private final BooleanProperty apology = new SimpleBooleanProperty(false);
    private final StringProperty keyFacts = new SimpleStringProperty("");
    private final Map<Channel, StringProperty> variants = new EnumMap<>(Channel.class);
    private boolean applying;

    ComposerFields() {
        for (Channel c : Channel.values()) {
            variants.put(c, new SimpleStringProperty(""));
        }
    }

    /** Every field, to watch for changes (the stage first, the variants last, in channel order). */
    Observable[] all() {
        List<Observable> all = new ArrayList<>(List.of(stage, whatHappened, whatWeAreDoing, whatYouShouldDo, nextUpdate,
                apology, keyFacts));
        all.addAll(variants.values());
        return all.toArray(Observable[]::new);
    }

    /** Runs {@code edited} after every change of a field, except those made by {@link #apply}. */
    void onEdited(Runnable edited) {
        for (Observable o : all()) {
            o.addListener(x -> {
                if (!applying) {
                    edited.run();
                }
            });
        }
    }

    /** Shows {@code c} with stage {@code s}; not counted as an edit. */
    void apply(Stage s, DraftContent c) {
        applying = true;
        try {
            stage.set(s);
            CoreMessage core = c.core();
            whatHappened.set(core.whatHappened());
            whatWeAreDoing.set(core.whatWeAreDoing());
            whatYouShouldDo.set(core.whatYouShouldDo());
            nextUpdate.set(core.nextUpdate());
            apology.set(core.apology());
            keyFacts.set(String.join("\n", core.keyFacts()));
            for (Variant v : c.variants()) {
                variants.get(v.channel()).set(v.text());
            }
        } finally {
            applying = false;
        }
    }

    /** The core message as typed; key facts one per non-blank line, stripped. */
    CoreMessage core() {
        List<String> facts = Arrays.stream(keyFacts.get() == null ? new String[0] : keyFacts.get().split("\n"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new CoreMessage(whatHappened.get(), whatWeAreDoing.get(), whatYouShouldDo.get(), nextUpdate.get(),
                apology.get(), facts);
    }

    /** The core message and every variant as typed. */
    DraftContent content() {
        List<Variant> list = new ArrayList<>();
        variants.forEach((c, p) -> list.add(new Variant(c, p.get())));
        return new DraftContent(core(), list);
    }

    /** The stage as chosen; may be null while a choice box is being reset. */
    Stage stage() {
        return stage.get();
    }

    /** The stage as chosen, {@link Stage#INVESTIGATING} when none is. */
    Stage stageOrDefault() {
        return stage.get() == null ? Stage.INVESTIGATING : stage.get();
    }

    /** Replaces every placeholder of every variant that has a value in {@code values} (an edit). */
    void fillPlaceholders(Map<String, String> values) {
        for (StringProperty p : variants.values()) {
            p.set(Placeholders.fill(p.get(), values));
        }
    }

    ObjectProperty<Stage> stageProperty() {
        return stage;
    }

    StringProperty whatHappenedProperty() {
        return whatHappened;
    }

    StringProperty whatWeAreDoingProperty() {
        return whatWeAreDoing;
    }

    StringProperty whatYouShouldDoProperty() {
        return whatYouShouldDo;
    }

    StringProperty nextUpdateProperty() {
        return nextUpdate;
    }

    BooleanProperty apologyProperty() {
        return apology;
    }

    StringProperty keyFactsProperty() {
        return keyFacts;
    }

    StringProperty variantProperty(Channel c) {
        return variants.get(c);
    }
}

package io.crisisconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.toolkit.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The registry of the main window's areas (no toolkit needed: views are made only when shown). */
class AreasTest {

    private final Areas areas = new Areas(null, Messages.forLocale(Locale.ENGLISH));

    @Test
    void anAreaIsOneEntryAndKeepsItsPlace() {
        areas.add(new Area("cases", "area.cases", "fth-alert-triangle", () -> null))
                .planned("rehearsal", "area.rehearsal", "fth-play-circle", "area.rehearsal.planned")
                .add(new Area("inbox", "area.cases", "fth-inbox", () -> null));
        assertThat(areas.all()).extracting(Area::id).containsExactly("cases", "rehearsal", "inbox");
        assertThat(areas.all()).extracting(Area::navId).containsExactly("navCases", "navRehearsal", "navInbox");
    }

    @Test
    void idsAreUniqueWords() {
        areas.add(new Area("cases", "area.cases", "fth-alert-triangle", () -> null));
        assertThatThrownBy(() -> areas.add(new Area("cases", "area.cases", "fth-x", () -> null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Area("Two words", "area.cases", "fth-x", () -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.crisisconsole.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.toolkit.ValidationException;
import org.junit.jupiter.api.Test;

/** The new/edit case form: live validation with the store's rules, and its autosave text; no FX toolkit. */
class CaseFormViewModelTest {

    final CaseFormViewModel vm = new CaseFormViewModel();

    @Test
    void anEmptyFormIsInvalidUntilItHasATitle() {
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).isEqualTo("a case needs a title");
        assertThat(vm.problemFieldProperty().get()).isEqualTo("title");

        vm.titleProperty().set("Courier video goes viral");

        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.problemFieldProperty().get()).isEmpty();
    }

    @Test
    void theTitleProblemIsShownOnlyOnceTheFormWasTouched() {
        assertThat(vm.problemProperty().get()).isEqualTo("a case needs a title");
        assertThat(vm.shownProblemProperty().get()).as("nothing typed yet").isEmpty();
        vm.touch(); // the title field was left, or saving was tried
        assertThat(vm.shownProblemProperty().get()).isEqualTo("a case needs a title");

        CaseFormViewModel typed = new CaseFormViewModel();
        typed.titleProperty().set("x");
        typed.titleProperty().set("");
        assertThat(typed.shownProblemProperty().get()).as("typed, then emptied").isEqualTo("a case needs a title");
        CaseFormViewModel other = new CaseFormViewModel();
        other.hashtagProperty().set("bad tag");
        assertThat(other.shownProblemProperty().get()).as("typing elsewhere touches the form").isNotEmpty();
        typed.titleProperty().set("Outage");
        assertThat(typed.shownProblemProperty().get()).isEmpty();
    }

    @Test
    void aControlCharacterInTheTitleIsShownAsTyped() {
        vm.titleProperty().set("Out\u001b[2Jage");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.problemFieldProperty().get()).isEqualTo("title");
        assertThat(vm.problemProperty().get())
                .isEqualTo("the title contains a control character (U+001B at position 4); remove it");
        vm.titleProperty().set("Outage");
        vm.ownerProperty().set("Anna\u202e");
        assertThat(vm.problemFieldProperty().get()).isEqualTo("owner");
    }

    @Test
    void theFirstProblemIsShownWithItsFieldAsTheyAreTyped() {
        vm.titleProperty().set("Courier video goes viral");
        vm.hashtagProperty().set("bad tag");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.problemFieldProperty().get()).isEqualTo("hashtag");
        assertThat(vm.problemProperty().get()).contains("'#bad tag' is not a hashtag");

        vm.hashtagProperty().set("CourierUpdate");
        vm.hubUrlProperty().set("status.example.com");
        assertThat(vm.problemFieldProperty().get()).isEqualTo("hubUrl");

        vm.hubUrlProperty().set("https://status.example.com");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void theDetailsAreNormalisedAsTheStoreWantsThem() {
        vm.titleProperty().set("  Courier video goes viral ");
        vm.severityProperty().set(2);
        vm.ownerProperty().set(" ");
        vm.hashtagProperty().set("CourierUpdate");

        CaseDetails d = vm.toDetails();

        assertThat(d).isEqualTo(new CaseDetails("Courier video goes viral", 2, null, "#CourierUpdate", null));
        vm.titleProperty().set("");
        assertThatThrownBy(vm::toDetails).isInstanceOf(ValidationException.class);
    }

    @Test
    void fillFromShowsACaseForEditing() {
        vm.fillFrom(new CaseDetails("Checkout outage", 1, "Anna", "#CheckoutStatus", null));

        assertThat(vm.titleProperty().get()).isEqualTo("Checkout outage");
        assertThat(vm.severityProperty().get()).isEqualTo(1);
        assertThat(vm.ownerProperty().get()).isEqualTo("Anna");
        assertThat(vm.hashtagProperty().get()).isEqualTo("#CheckoutStatus");
        assertThat(vm.hubUrlProperty().get()).as("not set shows as empty").isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void theDraftKeepsWhatWasTypedEvenWhenInvalidAndComesBackIntoAnotherForm() {
        vm.titleProperty().set("Courier video");
        vm.severityProperty().set(3);
        vm.hashtagProperty().set("bad tag, still typing");

        CaseFormViewModel again = new CaseFormViewModel();
        again.fillFromDraft(vm.toDraft());

        assertThat(again.titleProperty().get()).isEqualTo("Courier video");
        assertThat(again.severityProperty().get()).isEqualTo(3);
        assertThat(again.hashtagProperty().get()).isEqualTo("bad tag, still typing");
        assertThat(again.problemFieldProperty().get()).isEqualTo("hashtag");
    }

    @Test
    void aDraftThatCannotBeReadOrHasAnImpossibleSeverityLeavesTheFormAsItIs() {
        vm.titleProperty().set("Kept");
        vm.severityProperty().set(2);

        vm.fillFromDraft("not json");
        vm.fillFromDraft("{\"severity\": 9, \"owner\": 42}");

        assertThat(vm.titleProperty().get()).isEqualTo("Kept");
        assertThat(vm.severityProperty().get()).isEqualTo(2);
        assertThat(vm.ownerProperty().get()).isEmpty();
    }
}

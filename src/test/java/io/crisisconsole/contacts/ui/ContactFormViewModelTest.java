package io.crisisconsole.contacts.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.Handle;
import io.crisisconsole.contacts.Network;
import io.crisisconsole.contacts.Phone;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.toolkit.ValidationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The new/edit contact form: lists typed one per line, live validation, taken addresses, autosave text; no FX toolkit. */
class ContactFormViewModelTest {

    final ContactFormViewModel vm = new ContactFormViewModel(English.MESSAGES);

    @Test
    void phonesEmailsAndHandlesAreTypedOnePerLineOrSeparatedBySemicolons() {
        vm.nameProperty().set("Anna Nowak");
        vm.phonesProperty().set("mobile: +48 601 234 567\n+48 22 555 01 02");
        vm.emailsProperty().set("Anna.Nowak@Acme.pl; anna@home.example");
        vm.handlesProperty().set("x: @anna_pr");
        vm.groupProperty(ContactGroup.SPOKESPEOPLE).set(true);

        ContactDetails d = vm.toDetails();

        assertThat(vm.validProperty().get()).isTrue();
        assertThat(d.phones()).containsExactly(new Phone("mobile", "+48 601 234 567"), new Phone(null, "+48 22 555 01 02"));
        assertThat(d.emails()).containsExactly("anna.nowak@acme.pl", "anna@home.example");
        assertThat(d.handles()).containsExactly(new Handle(Network.X, "@anna_pr"));
        assertThat(d.groups()).containsExactly(ContactGroup.SPOKESPEOPLE);
    }

    @Test
    void theFirstProblemIsShownWithItsField() {
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.problemFieldProperty().get()).isEqualTo("name");

        vm.nameProperty().set("Anna Nowak");
        vm.emailsProperty().set("anna(at)acme.pl");
        assertThat(vm.problemFieldProperty().get()).isEqualTo("emails");
        assertThat(vm.problemProperty().get()).isEqualTo("'anna(at)acme.pl' is not an e-mail address");
        assertThatThrownBy(vm::toDetails).isInstanceOf(ValidationException.class);

        vm.emailsProperty().set("anna@acme.pl");
        vm.phonesProperty().set("mobile: 601 234 567");
        assertThat(vm.problemFieldProperty().get()).isEqualTo("phones");

        vm.phonesProperty().set("");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void anAddressAnotherContactHasIsAProblemAsItIsTyped() {
        vm.setEmailOwner(address -> address.equals("olga@acme.ru") ? "Ольга Смирнова" : null);
        vm.nameProperty().set("Olga S.");
        vm.emailsProperty().set("OLGA@acme.ru");

        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).isEqualTo("'olga@acme.ru' is already the e-mail address of Ольга Смирнова");

        vm.setEmailOwner(null);
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void fillFromShowsAContactForEditing() {
        vm.fillFrom(new ContactDetails("Ольга Смирнова", "Юрист", null, List.of(new Phone("mobile", "+7 495 123 45 67")),
                List.of("olga@acme.ru"), List.of(new Handle(Network.TELEGRAM, "@olga_s")), "Europe/Moscow", "ru", null,
                Set.of(ContactGroup.LEGAL), null));

        assertThat(vm.nameProperty().get()).isEqualTo("Ольга Смирнова");
        assertThat(vm.phonesProperty().get()).isEqualTo("mobile: +7 495 123 45 67");
        assertThat(vm.handlesProperty().get()).isEqualTo("telegram: @olga_s");
        assertThat(vm.organisationProperty().get()).isEmpty();
        assertThat(vm.groupProperty(ContactGroup.LEGAL).get()).isTrue();
        assertThat(vm.groupProperty(ContactGroup.MEDIA).get()).isFalse();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void theDraftKeepsEverythingTypedAndComesBackIntoAnotherForm() {
        vm.nameProperty().set("Piotr");
        vm.emailsProperty().set("piotr@, still typing");
        vm.notesProperty().set("call after 10");
        vm.groupProperty(ContactGroup.LEGAL).set(true);

        ContactFormViewModel again = new ContactFormViewModel(English.MESSAGES);
        again.fillFromDraft(vm.toDraft());

        assertThat(again.nameProperty().get()).isEqualTo("Piotr");
        assertThat(again.emailsProperty().get()).isEqualTo("piotr@, still typing");
        assertThat(again.notesProperty().get()).isEqualTo("call after 10");
        assertThat(again.groupProperty(ContactGroup.LEGAL).get()).isTrue();
        assertThat(again.validProperty().get()).isFalse();

        again.fillFromDraft("{not json");
        assertThat(again.nameProperty().get()).as("an unreadable draft changes nothing").isEqualTo("Piotr");
    }

    @Test
    void everyFieldIsWatched() {
        assertThat(vm.observables()).hasSize(10 + ContactGroup.values().length);
    }
}

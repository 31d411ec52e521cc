package io.crisisconsole.contacts.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.contacts.ContactTransfer;
import io.crisisconsole.contacts.Phone;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.English;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.testsupport.QueuedTasks;
import io.crisisconsole.toolkit.ui.Notifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contact list: search, group filter, add, edit, delete, import and export; real store, no FX toolkit. */
class ContactListViewModelTest {

    @TempDir
    Path tmp;
    Store store;
    ContactService contacts;
    final QueuedTasks tasks = new QueuedTasks();
    final Notifier notifier = new Notifier();
    ContactListViewModel vm;
    Contact anna;
    Contact olga;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        contacts = new ContactService(store.jdbi(), new MutableClock(Instant.parse("2026-11-24T09:00:00Z")));
        anna = contacts.create(details("Anna Nowak", "anna.nowak@acme.pl", ContactGroup.CRISIS_TEAM));
        olga = contacts.create(new ContactDetails("Ольга Смирнова", "Юрист", null, List.of(), List.of("olga@acme.ru"),
                List.of(), "Europe/Moscow", "ru", null, Set.of(ContactGroup.LEGAL), null));
        contacts.create(new ContactDetails("Piotr Zieliński", "Outside counsel", "Zieliński Legal",
                List.of(new Phone("mobile", "+48 601 234 567")), List.of("piotr@zielinski.example"), List.of(), null,
                null, null, Set.of(ContactGroup.LEGAL), null));
        vm = new ContactListViewModel(contacts, new ContactTransfer(contacts), tasks, notifier,
                English.MESSAGES);
        vm.reload();
        tasks.runAll();
    }

    @AfterEach
    void close() {
        store.close();
    }

    static ContactDetails details(String name, String email, ContactGroup group) {
        return new ContactDetails(name, null, null, List.of(), List.of(email), List.of(), null, null, null,
                Set.of(group), null);
    }

    private List<String> names() {
        return vm.visibleContacts().stream().map(Contact::name).toList();
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ContactListViewModelTest.class.getResource("/contacts/" + name).toURI());
    }

    @Test
    void listsEveryoneByNameAndNarrowsBySearchAndGroup() {
        assertThat(names()).containsExactly("Anna Nowak", "Piotr Zieliński", "Ольга Смирнова");

        vm.groupFilterProperty().set(ContactGroup.LEGAL);
        assertThat(names()).containsExactly("Piotr Zieliński", "Ольга Смирнова");
        vm.searchProperty().set("counsel");
        assertThat(names()).containsExactly("Piotr Zieliński");

        vm.groupFilterProperty().set(null);
        vm.searchProperty().set("601 234");
        assertThat(names()).as("phone digits").containsExactly("Piotr Zieliński");
        vm.searchProperty().set("acme.ru");
        assertThat(names()).containsExactly("Ольга Смирнова");
    }

    @Test
    void tellsWhoElseHasAnAddress() {
        assertThat(vm.ownerOfEmail("olga@acme.ru", null)).isEqualTo("Ольга Смирнова");
        assertThat(vm.ownerOfEmail("olga@acme.ru", olga.id())).as("not the contact being edited").isNull();
        assertThat(vm.ownerOfEmail("nobody@acme.pl", null)).isNull();
    }

    @Test
    void anAddedContactGoesInByNameIsSelectedAndShownThroughTheFilters() {
        vm.groupFilterProperty().set(ContactGroup.LEGAL);
        vm.searchProperty().set("counsel");
        List<Contact> done = new ArrayList<>();

        vm.create(details("Marek Wiśniewski", "marek@acme.pl", ContactGroup.SPOKESPEOPLE), done::add, d -> { });
        tasks.runAll();

        assertThat(names()).containsExactly("Anna Nowak", "Marek Wiśniewski", "Piotr Zieliński", "Ольга Смирнова");
        assertThat(vm.groupFilterProperty().get()).isNull();
        assertThat(vm.searchProperty().get()).isEmpty();
        assertThat(vm.selectedProperty().get().name()).isEqualTo("Marek Wiśniewski");
        assertThat(done).extracting(Contact::name).containsExactly("Marek Wiśniewski");
        assertThat(notifier.messageProperty().get()).isEqualTo("Contact added: Marek Wiśniewski");
    }

    @Test
    void aRefusedContactComesBackToTheFormWithWhatWasTyped() {
        ContactDetails taken = details("Anna Second", "anna.nowak@acme.pl", ContactGroup.MEDIA);
        List<ContactDetails> back = new ArrayList<>();

        vm.create(taken, c -> { }, back::add);
        tasks.runAll();

        assertThat(back).containsExactly(taken);
        assertThat(notifier.errorProperty().get()).isTrue();
        assertThat(notifier.messageProperty().get()).startsWith("Cannot add the contact: ");
        assertThat(names()).hasSize(3);
    }

    @Test
    void anEditIsSavedInPlaceAndAConflictReloadsWithoutReopeningTheForm() {
        vm.selectedProperty().set(anna);
        vm.update(anna, details("Anna Nowak-Kowalska", "anna.nowak@acme.pl", ContactGroup.CRISIS_TEAM), d -> { });
        tasks.runAll();
        assertThat(vm.selectedProperty().get().name()).isEqualTo("Anna Nowak-Kowalska");
        assertThat(names()).first().isEqualTo("Anna Nowak-Kowalska");
        assertThat(notifier.messageProperty().get()).isEqualTo("Contact saved: Anna Nowak-Kowalska");

        List<ContactDetails> back = new ArrayList<>();
        vm.update(anna, details("Anna N.", "anna.nowak@acme.pl", ContactGroup.CRISIS_TEAM), back::add); // stale version
        tasks.runAll();
        assertThat(notifier.messageProperty().get()).startsWith("Cannot save the contact: ");
        assertThat(back).as("a conflict does not reopen the form").isEmpty();
        assertThat(vm.selectedProperty().get().name()).as("reloaded").isEqualTo("Anna Nowak-Kowalska");
    }

    @Test
    void aDeletedContactLeavesTheListAndTheSelection() {
        vm.selectedProperty().set(olga);
        vm.delete(olga);
        tasks.runAll();
        assertThat(names()).containsExactly("Anna Nowak", "Piotr Zieliński");
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(notifier.messageProperty().get()).isEqualTo("Contact deleted: Ольга Смирнова");
    }

    @Test
    void importingAGoodFileAddsEveryoneAndABadOneNothing() throws Exception {
        List<List<String>> shown = new ArrayList<>();
        vm.importFile(fixture("bad.csv"), shown::add);
        tasks.runAll();
        assertThat(notifier.errorProperty().get()).isTrue();
        assertThat(notifier.messageProperty().get()).endsWith(", nothing imported").startsWith("bad.csv: ");
        assertThat(shown).singleElement().satisfies(problems -> assertThat(problems).isNotEmpty());
        assertThat(names()).hasSize(3);

        vm.importFile(fixture("team.csv"), shown::add);
        tasks.runAll();
        assertThat(notifier.messageProperty().get()).startsWith("Imported team.csv: ");
        assertThat(names()).contains("Tom Becker", "José Martínez Ñúñez").hasSizeGreaterThan(3);
        assertThat(shown).hasSize(1);
    }

    @Test
    void exportingWritesEveryContactAndSaysHowMany() throws Exception {
        Path out = tmp.resolve("team.vcf");
        vm.exportFile(out, ContactTransfer.Format.VCARD);
        tasks.runAll();
        assertThat(notifier.messageProperty().get()).isEqualTo("Exported 3 contacts to " + out);
        assertThat(Files.readString(out)).contains("FN:Anna Nowak", "olga@acme.ru");
    }

    @Test
    void theVisibleListIsReadOnly() {
        assertThatThrownBy(() -> vm.visibleContacts().remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}

package io.crisisconsole.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import io.crisisconsole.toolkit.ConcurrentChangeException;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contact service and its DAO against a real H2 store. */
class ContactServiceTest {

    @TempDir
    Path tmp;
    Store store;
    ContactService contacts;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        contacts = new ContactService(store.jdbi(), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static ContactDetails anna() {
        return new ContactDetails("Anna Nowak", "Head of PR", "Acme Polska",
                List.of(new Phone("mobile", "+48 601 234 567"), new Phone("office", "+48 22 555 01 02")),
                List.of("Anna.Nowak@Acme.PL", "anna@private.example"),
                List.of(new Handle(Network.X, "@anna_pr"), new Handle(Network.SIGNAL, "+48 601 234 567")),
                "europe/warsaw", "pl", "weekdays 8-18 CET, mobile any time for SEV1",
                Set.of(ContactGroup.CRISIS_TEAM, ContactGroup.SPOKESPEOPLE), "Prefers Signal at night.");
    }

    static ContactDetails simple(String name, String email, ContactGroup... groups) {
        return new ContactDetails(name, null, null, List.of(), email == null ? List.of() : List.of(email), List.of(),
                null, null, null, Set.of(groups), null);
    }

    @Test
    void createStoresEveryFieldNormalised() {
        Contact c = contacts.create(anna());
        Contact loaded = contacts.get(c.id());
        assertThat(loaded).isEqualTo(c);
        assertThat(loaded.name()).isEqualTo("Anna Nowak");
        assertThat(loaded.emails()).containsExactly("anna.nowak@acme.pl", "anna@private.example");
        assertThat(loaded.phones()).extracting(Phone::label).containsExactly("mobile", "office");
        assertThat(loaded.handles()).containsExactly(new Handle(Network.X, "@anna_pr"),
                new Handle(Network.SIGNAL, "+48 601 234 567"));
        assertThat(loaded.timeZone()).as("canonical IANA spelling").isEqualTo("Europe/Warsaw");
        assertThat(loaded.language()).isEqualTo("pl");
        assertThat(loaded.groups()).containsExactly(ContactGroup.CRISIS_TEAM, ContactGroup.SPOKESPEOPLE);
        assertThat(loaded.createdAt()).isEqualTo(clock.instant());
        assertThat(loaded.version()).isZero();
        assertThat(loaded.details()).isEqualTo(anna());
    }

    @Test
    void enumsAreStoredByName() {
        contacts.create(anna());
        List<String> groups = store.jdbi().withHandle(h -> h.createQuery("SELECT grp FROM contact_group ORDER BY grp")
                .mapTo(String.class).list());
        List<String> networks = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT network FROM contact_handle ORDER BY sort_order").mapTo(String.class).list());
        assertThat(groups).containsExactly("CRISIS_TEAM", "SPOKESPEOPLE");
        assertThat(networks).containsExactly("X", "SIGNAL");
    }

    @Test
    void updateIsOptimisticAndReplacesTheLists() {
        Contact c = contacts.create(anna());
        clock.advance(Duration.ofMinutes(5));
        ContactDetails changed = new ContactDetails("Anna Nowak-Kowalska", "Head of PR", "Acme Polska",
                List.of(new Phone(null, "+48 601 234 568")), List.of("anna.nowak@acme.pl"), List.of(), "Europe/Warsaw",
                "pl", null, Set.of(ContactGroup.LEGAL), null);
        Contact updated = contacts.update(c.id(), c.version(), changed);
        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        assertThat(updated.createdAt()).isEqualTo(c.createdAt());
        assertThat(updated.details()).isEqualTo(changed);
        assertThat(contacts.findByEmail("anna@private.example")).as("dropped address is free again").isEmpty();

        assertThatThrownBy(() -> contacts.update(c.id(), c.version(), anna()))
                .isInstanceOf(ConcurrentChangeException.class).hasMessageContaining("contact #" + c.id());
        assertThat(contacts.get(c.id()).name()).isEqualTo("Anna Nowak-Kowalska");
    }

    @Test
    void anEmailBelongsToOneContact() {
        contacts.create(anna());
        assertThatThrownBy(() -> contacts.create(simple("Other", "ANNA.NOWAK@acme.pl")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already the e-mail address of Anna Nowak");
        assertThat(contacts.list()).hasSize(1);
    }

    @Test
    void deleteRemovesTheContactAndItsRows() {
        Contact c = contacts.create(anna());
        assertThat(contacts.delete(c.id())).isTrue();
        assertThat(contacts.find(c.id())).isEmpty();
        assertThat(contacts.delete(c.id())).isFalse();
        long children = store.jdbi().withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM contact_phone) + "
                + "(SELECT COUNT(*) FROM contact_email) + (SELECT COUNT(*) FROM contact_handle) + "
                + "(SELECT COUNT(*) FROM contact_group)").mapTo(Long.class).one());
        assertThat(children).isZero();
        assertThat(contacts.findByEmail("anna.nowak@acme.pl")).isEmpty();
    }

    @Test
    void findByEmailAndMembersOf() {
        contacts.create(anna());
        contacts.create(simple("Marek Wiśniewski", "marek@agency.example", ContactGroup.AGENCIES,
                ContactGroup.CRISIS_TEAM));
        contacts.create(simple("Ольга Смирнова", "olga@media.example", ContactGroup.MEDIA));
        assertThat(contacts.findByEmail(" Marek@Agency.example ")).map(Contact::name).contains("Marek Wiśniewski");
        assertThat(contacts.findByEmail("nobody@x.example")).isEmpty();
        assertThat(contacts.membersOf(ContactGroup.CRISIS_TEAM)).extracting(Contact::name)
                .containsExactly("Anna Nowak", "Marek Wiśniewski");
        assertThat(contacts.membersOf(ContactGroup.LEGAL)).isEmpty();
        assertThat(contacts.list()).extracting(Contact::name).as("by name")
                .containsExactly("Anna Nowak", "Marek Wiśniewski", "Ольга Смирнова");
    }

    @Test
    void searchCoversNameOrganisationRoleEmailPhoneHandleAndGroup() {
        contacts.create(anna());
        contacts.create(simple("Ольга Смирнова", "olga@media.example", ContactGroup.MEDIA));
        assertThat(contacts.search("nowak")).extracting(Contact::name).containsExactly("Anna Nowak");
        assertThat(contacts.search("acme")).hasSize(1);
        assertThat(contacts.search("head of")).hasSize(1);
        assertThat(contacts.search("private.example")).hasSize(1);
        assertThat(contacts.search("601234567")).as("phone digits").hasSize(1);
        assertThat(contacts.search("+48 601 234")).hasSize(1);
        assertThat(contacts.search("@anna_pr")).hasSize(1);
        assertThat(contacts.search("spokespeople")).hasSize(1);
        assertThat(contacts.search("media")).extracting(Contact::name).containsExactly("Ольга Смирнова");
        assertThat(contacts.search("ольга")).hasSize(1);
        assertThat(contacts.search("")).hasSize(2);
        assertThat(contacts.search("zzz")).isEmpty();
    }

    @Test
    void everyWriteIsACountedTransaction() {
        long before = store.marker().current();
        Contact c = contacts.create(anna());
        contacts.update(c.id(), c.version(), simple("Anna", null));
        contacts.delete(c.id());
        contacts.list();
        assertThat(store.marker().current()).isEqualTo(before + 3);
    }

    @Test
    void fieldsAreValidated() {
        assertThatThrownBy(() -> simple(" ", null)).hasMessage("a contact needs a name");
        assertThatThrownBy(() -> simple("A", "anna(at)x")).hasMessage("'anna(at)x' is not an e-mail address");
        assertThatThrownBy(() -> new Phone("mobile", "601 234 567")).hasMessageContaining("not a phone number");
        assertThatThrownBy(() -> new Phone("mobile", "+48 12")).hasMessageContaining("4 digits");
        assertThatThrownBy(() -> new Phone("mobile", "+48 601 abc")).hasMessageContaining("not a phone number");
        assertThat(new Phone(" mobile ", " +48-601-234-567 ").number()).isEqualTo("+48 601 234 567");
        assertThat(new Phone(" Duty  Phone ", "+48 601 234 567").label()).isEqualTo("duty phone");
        assertThatThrownBy(() -> new ContactDetails("A", null, null, null, null, null, "Mars/Olympus", null, null, null,
                null)).hasMessageContaining("not a time-zone name");
        assertThatThrownBy(() -> new ContactDetails("A", null, null, null, null, null, "+02:00", null, null, null,
                null)).hasMessageContaining("not a time-zone name");
        assertThatThrownBy(() -> new ContactDetails("A", null, null, null, null, null, null, "english!", null, null,
                null)).hasMessageContaining("not a language tag");
        assertThat(new ContactDetails("A", null, null, null, null, null, null, "es_mx", null, null, null).language())
                .isEqualTo("es-MX");
        assertThatThrownBy(() -> new ContactDetails("A", null, null, null, List.of("a@x.example", "A@x.example"), null,
                null, null, null, null, null)).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new Handle(Network.X, " ")).hasMessageContaining("empty");
    }
}

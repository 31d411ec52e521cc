package io.crisisconsole.playbooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.contacts.Phone;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineEntry;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WHO resolved against real contacts, and the playbook a case follows. */
class CallListTest {

    @TempDir
    Path tmp;
    Store store;
    Services services;
    ContactService contacts;
    PlaybookService playbooks;

    @BeforeEach
    void open() {
        store = TestStores.openIn(tmp);
        services = Services.create(store, Clock.systemUTC());
        contacts = services.contacts();
        playbooks = services.playbooks();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Contact contact(String name, String email, ContactGroup... groups) {
        return contacts.create(new ContactDetails(name, "Lead", "Acme", List.of(new Phone("mobile", "+48 600 100 200")),
                List.of(email), List.of(), "Europe/Warsaw", "pl", "any time for SEV1", Set.of(groups), null));
    }

    private Playbook small(String people, String groups, String backups) {
        String yaml = Fixtures.SMALL
                .replace("people: [anna@example.com]", "people: [" + people + "]")
                .replace("groups: [crisis-team]", "groups: [" + groups + "]")
                .replaceFirst("backups: \\[\\]", "backups: [" + backups + "]");
        PlaybookReader.Parsed parsed = new PlaybookReader().read("small.yaml", yaml);
        assertThat(parsed.problems()).isEmpty();
        return parsed.playbook();
    }

    private CallList resolve(Playbook p) {
        return CallList.resolve(p, contacts::findByEmail, contacts::membersOf);
    }

    @Test
    void namedPeopleComeFirstThenGroupMembersThenBackups() {
        Contact anna = contact("Anna Nowak", "anna@example.com", ContactGroup.CRISIS_TEAM);
        Contact marek = contact("Marek Wiśniewski", "marek@example.com", ContactGroup.CRISIS_TEAM);
        Contact ola = contact("Ola Kowalska", "ola@example.com");

        CallList list = resolve(small("marek@example.com", "crisis-team", "ola@example.com"));

        CallList.Entry lead = list.entries().get(0);
        assertThat(lead.role().id()).isEqualTo("lead");
        assertThat(lead.primary()).extracting(Contact::id).containsExactly(marek.id(), anna.id());
        assertThat(lead.backups()).extracting(Contact::id).containsExactly(ola.id());
        assertThat(lead.unresolved()).isEmpty();
        assertThat(list.unfilled()).isEmpty();
    }

    @Test
    void gapsAreNamed() {
        CallList list = resolve(small("ghost@example.com", "legal", "nobody@example.com"));

        CallList.Entry lead = list.entries().get(0);
        assertThat(lead.primary()).isEmpty();
        assertThat(lead.unresolved()).containsExactly("no contact has the address ghost@example.com",
                "nobody is in the group legal", "no contact has the backup address nobody@example.com");
        assertThat(list.unfilled()).extracting(e -> e.role().id()).contains("lead");
    }

    @Test
    void choosingAPlaybookForACaseGoesToItsTimeline() {
        CaseService cases = services.cases();
        CrisisCase c = cases.open(new CaseDetails("Outage", 2, null, null, null), "anna");
        StoredPlaybook first = playbooks.importYaml("small.yaml", Fixtures.SMALL, "anna");
        StoredPlaybook second = playbooks.importYaml("other.yaml",
                Fixtures.SMALL.replace("id: small-test", "id: other-test").replace("title: Small test", "title: Other"),
                "anna");
        CasePlaybookService casePlaybooks = services.casePlaybooks();
        assertThat(casePlaybooks.of(c.id())).isEmpty();

        casePlaybooks.assign(c.id(), first.id(), "anna");
        casePlaybooks.assign(c.id(), first.id(), "anna"); // no change, no entry
        casePlaybooks.assign(c.id(), second.id(), "marek");

        assertThat(casePlaybooks.of(c.id())).map(StoredPlaybook::id).contains(second.id());
        List<TimelineEntry> timeline = cases.timeline(c.id());
        assertThat(timeline).filteredOn(e -> e.kind() == EntryKind.CASE_UPDATED).extracting(TimelineEntry::body)
                .containsExactly("Playbook chosen: Small test (small-test.en, version 1)",
                        "Playbook changed to Other (other-test.en, version 1)");
        Assertions.assertThatThrownBy(() -> casePlaybooks.assign(999, first.id(), "anna"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no case #999");
    }
}

package io.crisisconsole.composer.ui;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.AutosaveService;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.testsupport.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the composer tests work on: a real store with a case that follows the bundled English
 * service-outage playbook (hashtag and hub set on the case) and a contact who can approve.
 */
final class ComposerFixture implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    final Store store;
    final MutableClock clock = new MutableClock(T0);
    final CaseService cases;
    final ContactService contacts;
    final DraftService drafts;
    final AutosaveService autosaves;
    final CrisisCase outage;
    final Contact anna;

    ComposerFixture(Path dir) {
        store = TestStores.openIn(dir);
        Services services = Services.create(store, clock);
        cases = services.cases();
        contacts = services.contacts();
        drafts = services.drafts();
        autosaves = services.autosave();
        PlaybookService playbooks = services.playbooks();
        long playbook = playbooks.importYaml("service-outage.en.yaml", bundled("service-outage.en.yaml"),
                BundledPlaybooks.AUTHOR).id();
        outage = cases.open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutStatus",
                "https://status.example.com"), "anna");
        services.casePlaybooks().assign(outage.id(), playbook, "anna");
        anna = contacts.create(new ContactDetails("Anna Nowak", "Head of PR", null, List.of(),
                List.of("anna@example.com"), List.of(), null, null, null, Set.of(ContactGroup.CRISIS_TEAM), null));
    }

    static String bundled(String file) {
        try (InputStream in = ComposerFixture.class.getResourceAsStream("/io/crisisconsole/playbooks/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}

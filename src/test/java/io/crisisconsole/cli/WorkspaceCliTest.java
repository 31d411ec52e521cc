package io.crisisconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.contacts.ContactDetails;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.workspace.CallOutcome;
import io.crisisconsole.workspace.StepState;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkspaceCliTest extends CliTestBase {

    long caseId;
    long annaId;

    private void seed() {
        try (Store store = TestStores.openIn(tmp)) {
            Services s = Services.create(store, clock);
            BundledPlaybooks.importOnFirstRun(s.playbooks(), BundledPlaybooks.AUTHOR);
            caseId = s.cases().open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutStatus",
                    "https://status.example.com"), "anna").id();
            s.casePlaybooks().assign(caseId, s.playbooks().find("service-outage", "en").orElseThrow().id(), "anna");
            annaId = s.contacts().create(new ContactDetails("Anna Nowak", null, null, List.of(),
                    List.of("anna@example.com"), List.of(), null, null, null, Set.of(ContactGroup.CRISIS_TEAM), null)).id();
        }
    }

    private String id() {
        return String.valueOf(caseId);
    }

    @Test
    void theChecklistIsListedMarkedAndGuardsResolving() throws Exception {
        seed();
        clock.advance(Duration.ofMinutes(20));
        Result list = run("--data", data(), "checklist", "list", "--case", id());
        assertThat(list.exit()).isZero();
        assertThat(list.out().lines()).hasSize(7);
        assertThat(list.out().lines().findFirst().orElseThrow()).isEqualTo("LATE      2026-11-24T09:15:00Z  open-case  "
                + "Open the case, set the severity, alert the crisis team  incident-lead: Anna Nowak  required");

        Result done = run("--data", data(), "checklist", "done", "--case", id(), "--step", "open-case",
                "--at", "2026-11-24T09:10:00Z", "--author", "anna");
        assertThat(done.exit()).as(done.err()).isZero();
        assertThat(done.out()).startsWith("DONE      2026-11-24T09:15:00Z  open-case");
        Result skip = run("--data", data(), "checklist", "skip", "--case", id(), "--step", "brief-front-line",
                "--reason", "No call centre on Sundays", "--author", "anna");
        assertThat(skip.out()).startsWith("SKIPPED").contains("reason: No call centre on Sundays");

        JsonNode listed = json.readTree(run("--data", data(), "checklist", "list", "--case", id(), "--json").out());
        assertThat(listed.get("items")).hasSize(7);
        assertThat(listed.get("items").get(0).get("state").asText()).isEqualTo(StepState.DONE.name());
        assertThat(listed.get("items").get(0).get("doneAt").asText()).isEqualTo("2026-11-24T09:10:00Z");

        Result refused = run("--data", data(), "case", "status", id(), "--to", "resolved", "--author", "anna");
        assertThat(refused.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(refused.err()).contains("cannot be resolved yet").contains("(holding-statement)")
                .contains("(resolved-statement)").doesNotContain("(open-case)");

        Result unknown = run("--data", data(), "checklist", "done", "--case", id(), "--step", "nope", "--author", "anna");
        assertThat(unknown.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(unknown.err()).contains("has no step 'nope'");
        Result reopen = run("--data", data(), "checklist", "reopen", "--case", id(), "--step", "open-case", "--author", "anna");
        assertThat(reopen.out()).startsWith("LATE ");
    }

    @Test
    void callsAreLoggedWithAnOutcome() {
        seed();
        Result call = run("--data", data(), "call", "--case", id(), "--contact", String.valueOf(annaId), "--role",
                "incident-lead", "--outcome", "left-message", "--note", "Voicemail", "--author", "piotr");
        assertThat(call.exit()).as(call.err()).isZero();
        try (Store store = TestStores.openIn(tmp)) {
            var calls = Services.create(store, clock).calls().calls(caseId);
            assertThat(calls).singleElement().satisfies(a -> {
                assertThat(a.outcome()).isEqualTo(CallOutcome.LEFT_MESSAGE);
                assertThat(a.note()).isEqualTo("Voicemail");
                assertThat(a.loggedBy()).isEqualTo("piotr");
            });
        }
        Result wrong = run("--data", data(), "call", "--case", id(), "--contact", String.valueOf(annaId), "--role",
                "incident-lead", "--outcome", "busy");
        assertThat(wrong.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(wrong.err()).contains("'busy' is not an outcome: reached, no-answer or left-message");
        Result none = run("--data", data(), "checklist", "list", "--case", "999");
        assertThat(none.exit()).isNotZero();
    }
}

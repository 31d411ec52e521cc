package io.crisisconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.inbox.IncomingMention;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.MentionState;
import io.crisisconsole.inbox.Sentiment;
import io.crisisconsole.inbox.Visibility;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.TestStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionCliTest extends CliTestBase {

    static final String TEXT = "Kasse kaputt?!\n\"Zitat\" =HYPERLINK(\"x\")  ";

    private long seed() {
        try (Store store = TestStores.openIn(tmp)) {
            Services s = Services.create(store, clock);
            long caseId = s.cases().open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutStatus",
                    "https://status.example.com"), "anna").id();
            InboxService inbox = s.inbox();
            inbox.importMentions(caseId, "export.csv", List.of(
                    new IncomingMention(2, "1", "https://x.com/k/1", "x", "@kasia", Instant.parse("2026-03-14T08:00:00Z"),
                            "My order is broken, refund please", "en", Sentiment.NEGATIVE, 1200L, null),
                    new IncomingMention(3, "2", "https://x.com/t/2", "x", "tom", Instant.parse("2026-03-14T08:20:00Z"),
                            TEXT, "de", Sentiment.UNKNOWN, null, "https://x.com/k/1"),
                    new IncomingMention(4, "3", "https://fb.com/3", "facebook", "Maria",
                            Instant.parse("2026-03-14T08:40:00Z"), "Thank you, great support", "en",
                            Sentiment.POSITIVE, null, null)), "anna");
            long kasia = inbox.search(caseId, io.crisisconsole.inbox.InboxQuery.all()
                    .withText("refund"))[0];
            inbox.recordAnswer(kasia, Visibility.PUBLIC, Instant.parse("2026-03-14T08:30:00Z"), "Sorry, on it", "anna");
            return caseId;
        }
    }

    @Test
    void listJsonHasStableFieldsTheTextAsImportedAndIsoInstants() throws Exception {
        long caseId = seed();
        Result r = run("--data", data(), "mentions", "list", "--case", String.valueOf(caseId), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode all = json.readTree(r.out());
        assertThat(all.isArray()).isTrue();
        assertThat(all).hasSize(3);
        JsonNode tom = all.get(1);
        List<String> fields = new ArrayList<>();
        tom.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "caseId", "publishedAt", "platform", "author", "text", "url",
                "sourceId", "language", "sentiment", "reach", "replyTo", "type", "typeSuggested", "priority",
                "action", "state", "assignedTo", "tags", "dueAt", "clock", "firstResponseAt", "importedFrom",
                "importedLine", "addedAt");
        assertThat(tom.get("text").asText()).isEqualTo(TEXT);
        assertThat(tom.get("publishedAt").asText()).isEqualTo("2026-03-14T08:20:00Z");
        assertThat(tom.get("dueAt").asText()).isEqualTo("2026-03-14T09:20:00Z");
        assertThat(tom.get("replyTo").asText()).isEqualTo("https://x.com/k/1");
        assertThat(tom.get("importedLine").asLong()).isEqualTo(3);
        assertThat(tom.get("action").isNull()).isTrue();
        JsonNode kasia = all.get(2);
        assertThat(kasia.get("state").asText()).isEqualTo("answered-public");
        assertThat(kasia.get("type").asText()).isEqualTo("complaint");
        assertThat(kasia.get("clock").asText()).isEqualTo("stopped");
        assertThat(kasia.get("firstResponseAt").asText()).isEqualTo("2026-03-14T08:30:00Z");
        assertThat(kasia.get("sentiment").asText()).isEqualTo("negative");
    }

    @Test
    void listFiltersByStateAndTypeAndPrintsPlainRows() {
        long caseId = seed();
        Result answered = run("--data", data(), "mentions", "list", "--case", String.valueOf(caseId), "--state",
                "answered-public");
        assertThat(answered.exit()).isZero();
        assertThat(answered.out().lines()).hasSize(2);
        assertThat(answered.out()).contains("My order is broken, refund please").contains("stopped");
        Result praise = run("--data", data(), "mentions", "list", "--case", String.valueOf(caseId), "--type", "praise");
        assertThat(praise.out()).contains("Thank you, great support").doesNotContain("refund");
        Result none = run("--data", data(), "mentions", "list", "--case", String.valueOf(caseId), "--state", "hidden");
        assertThat(none.out()).isEqualTo("No mentions match.\n");
        Result bad = run("--data", data(), "mentions", "list", "--case", String.valueOf(caseId), "--state", "gone");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("unknown mention state 'gone'").contains("answered-public");
        // a line break in the text does not break the row
        Result all = run("--data", data(), "mentions", "list", "--case", String.valueOf(caseId));
        assertThat(all.out().lines()).hasSize(4);
        assertThat(MentionState.parse("moved-private")).isEqualTo(MentionState.MOVED_PRIVATE);
    }

    @Test
    void statsJsonCountsAndFirstResponseFigures() throws Exception {
        long caseId = seed();
        Result r = run("--data", data(), "mentions", "stats", "--case", String.valueOf(caseId), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode s = json.readTree(r.out());
        assertThat(s.get("total").asInt()).isEqualTo(3);
        assertThat(s.get("byState").get("new").asInt()).isEqualTo(2);
        assertThat(s.get("byState").get("answered-public").asInt()).isEqualTo(1);
        assertThat(s.get("byState").get("hidden").asInt()).isZero();
        assertThat(s.get("byType").get("complaint").asInt()).isEqualTo(1);
        assertThat(s.get("bySentiment").get("positive").asInt()).isEqualTo(1);
        assertThat(s.get("per15Minutes")).hasSize(3);
        assertThat(s.get("per15Minutes").get(0).get("start").asText()).isEqualTo("2026-03-14T08:00:00Z");
        assertThat(s.get("per15Minutes").get(1).get("count").asInt()).isEqualTo(1);
        JsonNode fr = s.get("firstResponse");
        assertThat(fr.get("answered").asInt()).isEqualTo(1);
        assertThat(fr.get("medianSeconds").asLong()).isEqualTo(1800);
        assertThat(fr.get("p90Seconds").asLong()).isEqualTo(1800);
        assertThat(fr.get("shareWithinTarget").asDouble()).isEqualTo(1.0);
    }

    @Test
    void anUnknownCaseIsASentence() {
        seed();
        Result r = run("--data", data(), "mentions", "list", "--case", "99");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("99");
    }
}

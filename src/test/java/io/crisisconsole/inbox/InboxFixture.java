package io.crisisconsole.inbox;

import io.crisisconsole.cases.CaseDetails;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.services.Services;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A case following the bundled service-outage playbook with the brand's X account set, for inbox tests. */
public final class InboxFixture {

    private InboxFixture() {
    }

    /** The bundled service-outage playbook (en) with {@code account: "@ExampleHelp"} on its x channel. */
    public static String playbookWithAccount() {
        String yaml = resource("/io/crisisconsole/playbooks/service-outage.en.yaml");
        String x = "    - channel: x\n";
        int where = yaml.indexOf("\nwhere:\n");
        if (where < 0 || yaml.indexOf(x, where) < 0) {
            throw new IllegalStateException("the bundled playbook has no x channel in its where section");
        }
        String tail = yaml.substring(where).replace(x, x + "      account: \"@ExampleHelp\"\n");
        return yaml.substring(0, where).replace("id: service-outage", "id: inbox-test") + tail;
    }

    public static CrisisCase caseWithPlaybook(Services services) {
        CrisisCase c = services.cases().open(new CaseDetails("Checkout outage", 2, "Anna Nowak", "CheckoutStatus",
                "https://status.example.com/checkout"), "anna");
        StoredPlaybook p = services.playbooks().importYaml("inbox-test.en.yaml", playbookWithAccount(), "anna");
        services.casePlaybooks().assign(c.id(), p.id(), "anna");
        return c;
    }

    public static IncomingMention row(long line, String sourceId, String url, String platform, String author, String at,
            String text) {
        return new IncomingMention(line, sourceId, url, platform, author, Instant.parse(at), text, "en",
                Sentiment.UNKNOWN, null, null);
    }

    static String resource(String name) {
        try (InputStream in = InboxFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.crisisconsole.playbooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Playbook texts for tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** A small valid playbook; tests change one line and expect problems at literal line numbers. */
    static final String SMALL = """
            format: 1
            id: small-test
            language: en
            title: Small test
            summary: A tiny playbook for tests.
            when:
              triggers:
                - id: alert
                  description: Something broke.
                  severity: 2
              severity_levels:
                - level: 1
                  name: Critical
                  criteria: [Everything is down.]
                  escalate_to: [lead]
                - level: 2
                  name: High
                  criteria: []
                  escalate_to: []
                - level: 3
                  name: Moderate
                  criteria: []
                  escalate_to: []
                - level: 4
                  name: Low
                  criteria: []
                  escalate_to: []
              slas:
                internal_alert_minutes: 15
                first_public_reply_minutes: 30
                update_interval_minutes: 20
                update_interval_applies_for_minutes: 120
                complaint_reply_minutes: 60
              escalation_thresholds:
                - when: A journalist asks.
                  raise_to_severity: 1
                  notify: [lead]
            who:
              roles:
                - id: lead
                  name: Incident lead
                  duties: Runs the case.
                  people: [anna@example.com]
                  groups: [crisis-team]
                  backups: []
              notify_on_activation: [lead]
            how:
              principles:
                acknowledge: Say you know.
                apologize: Say sorry.
                admit: Own it.
                fix: Say what is done.
                compensate: Offer a remedy.
              steps:
                - id: open-case
                  title: Open the case
                  owner: lead
                  due_minutes: 15
                  details: Pick the severity.
              tone:
                rules: [Be human.]
                forbidden_phrases:
                  en: [no comment]
              response_matrix:
                - type: complaint
                  action: respond-publicly-then-private
                  guidance: Answer in public, then in private.
              templates:
                - channel: x
                  stage: investigating
                  text: "We know {{issue}}. Updates: {{hub_url}} {{hashtag}}"
            where:
              hub:
                channel: website
                url: https://status.example.com
              hashtag: "#ExampleStatus"
              channels:
                - channel: website
                  role: The hub.
                - channel: x
                  role: Short updates.
            """;

    /** The bundled reference playbook, as packaged. */
    static String reference() {
        return resource("/io/crisisconsole/playbooks/service-outage.en.yaml");
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with the one occurrence of {@code from} replaced. */
    static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("not exactly one '" + from + "'");
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }
}

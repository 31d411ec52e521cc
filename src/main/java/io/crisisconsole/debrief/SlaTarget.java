package io.crisisconsole.debrief;

import io.crisisconsole.playbooks.Playbook;
import java.util.function.ToIntFunction;

/** The response-time targets of a playbook ({@code when.slas.*}), each in minutes. */
public enum SlaTarget {
    INTERNAL_ALERT("internal_alert_minutes", "internal alert", Playbook.Slas::internalAlertMinutes),
    FIRST_PUBLIC_REPLY("first_public_reply_minutes", "first public reply", Playbook.Slas::firstPublicReplyMinutes),
    UPDATE_INTERVAL("update_interval_minutes", "update interval", Playbook.Slas::updateIntervalMinutes),
    UPDATE_INTERVAL_APPLIES_FOR("update_interval_applies_for_minutes", "update interval applies for",
            Playbook.Slas::updateIntervalAppliesForMinutes),
    COMPLAINT_REPLY("complaint_reply_minutes", "complaint reply", Playbook.Slas::complaintReplyMinutes);

    private final String yamlKey;
    private final String english;
    private final ToIntFunction<Playbook.Slas> read;

    SlaTarget(String yamlKey, String english, ToIntFunction<Playbook.Slas> read) {
        this.yamlKey = yamlKey;
        this.english = english;
        this.read = read;
    }

    /** The key under {@code when.slas}. */
    public String yamlKey() {
        return yamlKey;
    }

    /** The target in the English sentences of notes and errors. */
    public String english() {
        return english;
    }

    public int of(Playbook.Slas slas) {
        return read.applyAsInt(slas);
    }

    Playbook.Slas with(Playbook.Slas s, int minutes) {
        return new Playbook.Slas(
                this == INTERNAL_ALERT ? minutes : s.internalAlertMinutes(),
                this == FIRST_PUBLIC_REPLY ? minutes : s.firstPublicReplyMinutes(),
                this == UPDATE_INTERVAL ? minutes : s.updateIntervalMinutes(),
                this == UPDATE_INTERVAL_APPLIES_FOR ? minutes : s.updateIntervalAppliesForMinutes(),
                this == COMPLAINT_REPLY ? minutes : s.complaintReplyMinutes());
    }
}

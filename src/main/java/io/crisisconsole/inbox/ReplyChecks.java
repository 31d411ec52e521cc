package io.crisisconsole.inbox;

import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.composer.MessageContext;
import io.crisisconsole.playbooks.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the composer's checks apply to a short reply to one mention: the limit of the mention's
 * platform (none for a platform with no channel), tone, forbidden phrases, the apology rule and the
 * facts against the case's current approved core message. Not the statement-only checks: a reply
 * need not carry the official hashtag or hub link. Without an approved core message facts are not
 * checked (there is nothing to check them against); the mention's author handle is always a known
 * fact, so "@jane" in a reply to jane is not a mismatch. Praise needs no apology.
 */
public final class ReplyChecks {

    /** Findings that hold for statements, not for a reply under one post. */
    static final Set<String> STATEMENT_ONLY = Set.of("missing-hashtag", "missing-hub-link");
    static final String FACT_MISMATCH = "fact-mismatch";

    private ReplyChecks() {
    }

    /** The channel a reply on {@code platform} is checked as: its own, else one with no limit (the website). */
    public static Channel checkedAs(String platform) {
        return PlatformChannels.of(platform).orElse(Channel.WEBSITE);
    }

    /**
     * The core message a reply to {@code m} is checked against: the approved one with the author's
     * handle as one more key fact, or (none approved) an empty one; without an apology for praise.
     */
    public static CoreMessage core(Optional<CoreMessage> approved, Mention m) {
        boolean apology = approved.map(CoreMessage::apology).orElse(false) && apologyApplies(m.type());
        if (approved.isEmpty()) {
            return new CoreMessage("", "", "", "", apology, List.of());
        }
        CoreMessage c = approved.get();
        List<String> facts = new ArrayList<>(c.keyFacts() == null ? List.of() : c.keyFacts());
        if (m.author() != null && !m.author().isBlank() && m.author().strip().indexOf(' ') < 0) {
            String a = m.author().strip();
            facts.add(a.startsWith("@") ? a : "@" + a);
        }
        return new CoreMessage(c.whatHappened(), c.whatWeAreDoing(), c.whatYouShouldDo(), c.nextUpdate(), apology,
                List.copyOf(facts));
    }

    /** The checks' context for a reply to a mention of {@code type}: the case's, without the apology rule for praise. */
    public static MessageContext context(MessageContext base, InboxType type) {
        if (apologyApplies(type)) {
            return base;
        }
        return new MessageContext(base.language(), base.hashtag(), base.hubUrl(), false, base.forbiddenPhrases());
    }

    /** The report without the statement-only findings, and without fact mismatches when no core message is approved. */
    public static CheckReport forReply(CheckReport report, boolean factsChecked) {
        List<Finding> kept = new ArrayList<>(report.findings().size());
        for (Finding f : report.findings()) {
            if (STATEMENT_ONLY.contains(f.code()) || (!factsChecked && FACT_MISMATCH.equals(f.code()))) {
                continue;
            }
            kept.add(f);
        }
        return new CheckReport(report.counts(), List.copyOf(kept));
    }

    /** Whether the apology rule applies to a reply to a mention of {@code type}: all but praise. */
    public static boolean apologyApplies(InboxType type) {
        return type != InboxType.PRAISE;
    }
}

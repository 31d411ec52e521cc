package io.crisisconsole.testsupport;

import io.crisisconsole.composer.ChannelCount;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.composer.MessageChecker;
import io.crisisconsole.composer.MessageContext;
import io.crisisconsole.composer.Variant;
import io.crisisconsole.playbooks.Channel;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests only: a trivial checker that counts characters (code points) and reports an error when a
 * variant is over its channel's limit (X 280, SMS 160 as one GSM-7 segment). The real checks are
 * {@code DefaultMessageChecker}.
 */
public final class LengthOnlyChecker implements MessageChecker {

    @Override
    public CheckReport check(CoreMessage core, List<Variant> variants, MessageContext context) {
        List<ChannelCount> counts = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Variant v : variants) {
            String text = v.text() == null ? "" : v.text();
            int length = text.codePointCount(0, text.length());
            int limit = v.channel() == Channel.X ? 280 : v.channel() == Channel.SMS ? 160 : 0;
            boolean sms = v.channel() == Channel.SMS;
            counts.add(new ChannelCount(v.channel(), length, limit, sms ? Math.max(1, (length + 152) / 153) : 0,
                    sms ? "GSM-7" : null, sms ? 1 : 0));
            if (limit > 0 && length > limit) {
                findings.add(new Finding(v.channel(), "over-limit", Finding.Level.ERROR,
                        text.offsetByCodePoints(0, limit), text.length(), (length - limit) + " characters over the limit"));
            }
        }
        return new CheckReport(counts, findings);
    }
}

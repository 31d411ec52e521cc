package io.crisisconsole.workspace;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.CoreMessage;
import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The update clock of every channel the case's playbook lists under WHERE: when the brand last
 * published there (the composer's publications) and when the next message is due.
 *
 * <ul>
 * <li>Nothing published there yet: the first message is due at the opening plus
 * {@code first_public_reply_minutes}; for the staff memo and the call centre plus
 * {@code internal_alert_minutes} (staff hear it first, or together with the public).</li>
 * <li>Within the first {@code update_interval_applies_for_minutes}: every
 * {@code update_interval_minutes} after the last publication, or earlier if the approved core
 * message promised an earlier next-update time.</li>
 * <li>After that: the next-update time the approved core message promised, if it names one;
 * else nothing is due (update when something changes).</li>
 * </ul>
 */
public final class ChannelClockService {

    private final CaseService cases;
    private final CasePlaybookService casePlaybooks;
    private final DraftService drafts;
    private final ZoneId zone;

    /** @param zone the zone a promised "16:30" is read in when it names none */
    public ChannelClockService(CaseService cases, CasePlaybookService casePlaybooks, DraftService drafts, ZoneId zone) {
        this.cases = Objects.requireNonNull(cases);
        this.casePlaybooks = Objects.requireNonNull(casePlaybooks);
        this.drafts = Objects.requireNonNull(drafts);
        this.zone = Objects.requireNonNull(zone);
    }

    /** The clocks of the case, in the playbook's WHERE order; empty when it follows no playbook. */
    public List<ChannelClock> clocks(long caseId) {
        CrisisCase c = cases.get(caseId);
        Optional<Playbook> playbook = casePlaybooks.currentPlaybook(caseId);
        if (playbook.isEmpty()) {
            return List.of();
        }
        return clocks(c, playbook.get());
    }

    /** The clocks of {@code c} following {@code playbook} (already read by the caller). */
    public List<ChannelClock> clocks(CrisisCase c, Playbook playbook) {
        String promised = drafts.approvedCore(c.id()).map(CoreMessage::nextUpdate).orElse(null);
        return clocks(c, playbook, drafts.publicationsOfCase(c.id()), promised, zone);
    }

    /** The clocks from what was read (pure, for tests and the review). */
    static List<ChannelClock> clocks(CrisisCase c, Playbook playbook, List<DraftPublication> publications,
            String promisedNextUpdate, ZoneId zone) {
        Map<Channel, Instant> last = new EnumMap<>(Channel.class);
        for (DraftPublication p : publications) {
            last.merge(p.channel(), p.publishedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Playbook.Slas slas = playbook.when().slas();
        Channel hub = playbook.where().hub().channel();
        Instant rhythmEnds = c.openedAt().plus(Duration.ofMinutes(slas.updateIntervalAppliesForMinutes()));
        List<ChannelClock> out = new ArrayList<>();
        for (Playbook.ChannelRole role : playbook.where().channels()) {
            Channel ch = role.channel();
            Instant l = last.get(ch);
            boolean isHub = ch == hub;
            if (c.status().isClosed()) {
                out.add(new ChannelClock(ch, role.role(), isHub, l, l, null, ChannelClock.Basis.CLOSED));
                continue;
            }
            if (l == null) {
                int minutes = ch == Channel.STAFF_MEMO || ch == Channel.CALL_CENTRE ? slas.internalAlertMinutes()
                        : slas.firstPublicReplyMinutes();
                out.add(new ChannelClock(ch, role.role(), isHub, null, c.openedAt(),
                        c.openedAt().plus(Duration.ofMinutes(minutes)), ChannelClock.Basis.FIRST));
                continue;
            }
            Optional<Instant> promise = NextUpdateTime.after(promisedNextUpdate, l, zone);
            Instant rhythm = l.plus(Duration.ofMinutes(slas.updateIntervalMinutes()));
            if (!rhythm.isAfter(rhythmEnds)) {
                boolean promisedEarlier = promise.isPresent() && promise.get().isBefore(rhythm);
                out.add(new ChannelClock(ch, role.role(), isHub, l, l, promisedEarlier ? promise.get() : rhythm,
                        promisedEarlier ? ChannelClock.Basis.PROMISED : ChannelClock.Basis.RHYTHM));
            } else if (promise.isPresent()) {
                out.add(new ChannelClock(ch, role.role(), isHub, l, l, promise.get(), ChannelClock.Basis.PROMISED));
            } else {
                out.add(new ChannelClock(ch, role.role(), isHub, l, l, null, ChannelClock.Basis.WHEN_CHANGED));
            }
        }
        return out;
    }
}

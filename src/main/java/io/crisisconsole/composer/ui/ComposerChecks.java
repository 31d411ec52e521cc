package io.crisisconsole.composer.ui;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.ChannelCount;
import io.crisisconsole.composer.CheckReport;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.composer.Finding;
import io.crisisconsole.composer.MessageChecker;
import io.crisisconsole.composer.MessageContext;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.OneShotTimer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live check of the composer: a change schedules a re-check {@link #DELAY} later (at most that
 * often while typing); {@link #recheck()} runs the injected {@link MessageChecker} on the calling (FX)
 * thread, as it is pure and designed for well under 2 ms, and publishes the report and the findings
 * of each channel. Shared by the composer and the inbox's reply pane.
 */
public final class ComposerChecks {

    private static final Logger LOG = LoggerFactory.getLogger(ComposerChecks.class);
    public static final Duration DELAY = Duration.ofMillis(150);
    /** A check slower than this is logged: it would make typing stutter. */
    static final long SLOW_CHECK_NANOS = 16_000_000;

    private final MessageChecker checker;
    private final Messages messages;
    private final Supplier<DraftContent> content;
    private final Supplier<MessageContext> context;
    private final OneShotTimer timer;
    private final ObjectProperty<CheckReport> report = new SimpleObjectProperty<>(new CheckReport(List.of(), List.of()));
    private final Map<Channel, ObservableList<Finding>> findings = new EnumMap<>(Channel.class);
    private final Map<Channel, ObservableList<Finding>> readOnlyFindings = new EnumMap<>(Channel.class);
    private final BooleanBinding hasErrors;

    /**
     * @param content what to check (read when the check runs)
     * @param context what the checks know (read when the check runs)
     */
    public ComposerChecks(MessageChecker checker, Messages messages, OneShotTimer.Factory timers,
            Supplier<DraftContent> content, Supplier<MessageContext> context) {
        this.checker = checker;
        this.messages = messages;
        this.content = content;
        this.context = context;
        this.timer = timers.create(DELAY, this::recheck);
        for (Channel c : Channel.values()) {
            ObservableList<Finding> list = FXCollections.observableArrayList();
            findings.put(c, list);
            readOnlyFindings.put(c, FXCollections.unmodifiableObservableList(list));
        }
        hasErrors = Bindings.createBooleanBinding(() -> !DraftService.errors(report.get()).isEmpty(), report);
        // first, so that whoever watches the report sees the findings of the same report; a channel's
        // list is replaced only when its findings changed (a list that is set again lays its cells out again)
        report.addListener((o, a, r) -> {
            for (Channel c : Channel.values()) {
                List<Finding> now = r.findings().stream().filter(f -> f.channel() == c).toList();
                update(findings.get(c), now);
            }
        });
    }

    /**
     * Makes the list hold {@code now} with as few changes as it takes: an element that differs is
     * replaced where it is, so a list view updates those cells alone (setting the whole list again
     * makes it lay every cell out anew, with its CSS).
     */
    static <T> void update(ObservableList<T> list, List<T> now) {
        int common = Math.min(list.size(), now.size());
        for (int i = 0; i < common; i++) {
            if (!list.get(i).equals(now.get(i))) {
                list.set(i, now.get(i));
            }
        }
        if (list.size() > now.size()) {
            list.remove(now.size(), list.size());
        } else if (now.size() > common) {
            list.addAll(now.subList(common, now.size()));
        }
    }

    /** The content changed: checks again after {@link #DELAY} unless a check is already due. */
    public void changed() {
        timer.start();
    }

    /** Drops a check that is due (the content it would check is being left). */
    public void cancel() {
        timer.stop();
    }

    /** Checks now and publishes the report. */
    public CheckReport recheck() {
        timer.stop();
        DraftContent c = content.get();
        long start = System.nanoTime();
        CheckReport r = checker.check(c.core(), c.variants(), context.get());
        long took = System.nanoTime() - start;
        if (took > SLOW_CHECK_NANOS) {
            LOG.warn("The message check took {} ms; typing may stutter", took / 1_000_000);
        }
        report.set(r);
        return r;
    }

    /**
     * What the checks know: the case's hashtag and hub (else the playbook's), the playbook's language
     * (English without one) and rules; an apology is required when the core message offers one or the
     * playbook has an apology principle.
     */
    public static MessageContext context(CrisisCase crisisCase, Playbook p, boolean apology) {
        return MessageContext.of(crisisCase, p, apology);
    }

    /** How a count reads under a variant: {@code 231 / 280}, {@code 134 / 201 UCS-2 · 2 SMS parts of 3}, {@code 1,512 characters}. */
    public String counterText(ChannelCount count) {
        if (count == null) {
            return "";
        }
        if (count.channel() == Channel.SMS && count.encoding() != null) {
            return count.maxSegments() > 0
                    ? messages.get("composer.counter.sms", Map.of("segments", count.segments(), "max",
                            count.maxSegments(), "encoding", count.encoding(), "length", count.length(), "limit",
                            count.limit()))
                    : messages.get("composer.counter.sms.unlimited", Map.of("segments", count.segments(),
                            "encoding", count.encoding(), "length", count.length()));
        }
        if (count.limit() > 0) {
            return messages.get("composer.counter.limited", Map.of("length", count.length(), "limit", count.limit()));
        }
        return messages.get("composer.counter.length", Map.of("length", count.length()));
    }

    /** What a finding reads in a list: its message; the code stays in the data (JSON, CLI), not in what people read. */
    public static String text(Finding f) {
        return f.message();
    }

    public Optional<ChannelCount> count(Channel c) {
        return report.get().counts().stream().filter(x -> x.channel() == c).findFirst();
    }

    public ReadOnlyObjectProperty<CheckReport> reportProperty() {
        return report;
    }

    /** The findings of one channel in the newest report (read-only). */
    public ObservableList<Finding> findings(Channel c) {
        return readOnlyFindings.get(c);
    }

    public BooleanBinding hasErrorsProperty() {
        return hasErrors;
    }
}

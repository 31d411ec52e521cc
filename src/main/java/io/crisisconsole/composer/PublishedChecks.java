package io.crisisconsole.composer;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.playbooks.Playbook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The consistency and tone checks ({@link DefaultMessageChecker}) run again on what went out: each
 * publication's channel text in the draft version that was published, with the findings on that
 * channel (and on the core message). Read by the exercise score, the review report and the
 * review's suggestions.
 */
public final class PublishedChecks {

    private final DraftService drafts;

    public PublishedChecks(DraftService drafts) {
        this.drafts = Objects.requireNonNull(drafts);
    }

    /**
     * One publication checked.
     *
     * @param text the channel's text in the published version
     */
    public record Checked(DraftPublication publication, DraftVersion version, String text, List<Finding> findings) {

        public Checked {
            findings = List.copyOf(findings);
        }
    }

    /**
     * One finding on one publication, as the suggestions count recurring findings.
     *
     * @param text the variant as published; {@link #span()} is the part the finding points at
     */
    public record Found(DraftPublication publication, Finding finding, String text) {

        /** The text the finding points at (empty for a finding about something missing). */
        public String span() {
            int from = Math.max(0, Math.min(finding.start(), text.length()));
            int to = Math.max(from, Math.min(finding.end(), text.length()));
            return text.substring(from, to);
        }
    }

    /** Every finding of {@link #check}, one by one, in publication order. */
    public List<Found> findings(CrisisCase c, Playbook p, List<DraftPublication> publications) {
        List<Found> out = new ArrayList<>();
        for (Checked x : check(c, p, publications)) {
            for (Finding f : x.findings()) {
                out.add(new Found(x.publication(), f, x.text() == null ? "" : x.text()));
            }
        }
        return out;
    }

    /**
     * Each of {@code publications} of case {@code c} (playbook {@code p}, null without one) in
     * order; a publication whose version is missing is left out.
     */
    public List<Checked> check(CrisisCase c, Playbook p, List<DraftPublication> publications) {
        DefaultMessageChecker checker = new DefaultMessageChecker();
        Map<Long, List<DraftVersion>> versions = new HashMap<>();
        List<Checked> out = new ArrayList<>();
        for (DraftPublication x : publications) {
            Optional<DraftVersion> version = versions.computeIfAbsent(x.draftId(), drafts::versions).stream()
                    .filter(dv -> dv.version() == x.draftVersion()).findFirst();
            if (version.isEmpty()) {
                continue;
            }
            var content = version.get().content();
            String text = content.text(x.channel());
            MessageContext context = MessageContext.of(c, p, content.core() != null && content.core().apology());
            CheckReport report = checker.check(content.core(), List.of(new Variant(x.channel(), text)), context);
            List<Finding> findings = report.findings().stream()
                    .filter(f -> f.channel() == null || f.channel() == x.channel()).toList();
            out.add(new Checked(x, version.get(), text, findings));
        }
        return out;
    }
}

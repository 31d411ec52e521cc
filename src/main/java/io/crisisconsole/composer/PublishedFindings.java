package io.crisisconsole.composer;

import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.playbooks.Playbook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The findings of {@link DefaultMessageChecker} on what went out: each publication's variant,
 * checked as it was published (the draft version it names), against the case and its playbook.
 * Read by the exercise score and by the review's suggestions.
 */
public final class PublishedFindings {

    /**
     * One finding on one publication.
     *
     * @param text the variant as published; {@link #span()} is the part the finding points at
     */
    public record Published(DraftPublication publication, Finding finding, String text) {

        /** The text the finding points at (empty for a finding about something missing). */
        public String span() {
            int from = Math.max(0, Math.min(finding.start(), text.length()));
            int to = Math.max(from, Math.min(finding.end(), text.length()));
            return text.substring(from, to);
        }
    }

    private PublishedFindings() {
    }

    /**
     * The findings on every publication, in publication order; a publication whose draft version is
     * gone is left out.
     *
     * @param versionsOfDraft the versions of a draft ({@link DraftService#versions})
     */
    public static List<Published> of(CrisisCase c, Playbook p, List<DraftPublication> publications,
            LongFunction<List<DraftVersion>> versionsOfDraft) {
        DefaultMessageChecker checker = new DefaultMessageChecker();
        List<Published> each = new ArrayList<>();
        Map<Long, List<DraftVersion>> versions = new HashMap<>();
        for (DraftPublication x : publications) {
            Optional<DraftVersion> version = versions.computeIfAbsent(x.draftId(), versionsOfDraft::apply).stream()
                    .filter(dv -> dv.version() == x.draftVersion()).findFirst();
            if (version.isEmpty()) {
                continue;
            }
            var content = version.get().content();
            String text = content.text(x.channel());
            MessageContext context = MessageContext.of(c, p, content.core() != null && content.core().apology());
            CheckReport report = checker.check(content.core(), List.of(new Variant(x.channel(), text)), context);
            for (Finding f : report.findings()) {
                if (f.channel() == null || f.channel() == x.channel()) {
                    each.add(new Published(x, f, text == null ? "" : text));
                }
            }
        }
        return each;
    }
}

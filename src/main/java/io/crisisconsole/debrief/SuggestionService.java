package io.crisisconsole.debrief;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.cases.CrisisCase;
import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.composer.PublishedChecks;
import io.crisisconsole.inbox.InboxQuery;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.InboxType;
import io.crisisconsole.inbox.Mention;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.ResponseAction;
import io.crisisconsole.playbooks.Stage;
import io.crisisconsole.playbooks.StoredPlaybook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The playbook changes a case suggests (issue #13 item 4): from breached targets (the first public
 * message, the update rhythm per channel, complaint replies), from findings that recurred on what
 * went out, and from the lessons. Nothing is stored until a person proposes one ({@link #propose});
 * a suggestion proposed once is not offered again for the case. Reads other features through their
 * services.
 */
public final class SuggestionService {

    /** The same finding on this many publications of a case counts as recurring. */
    public static final int RECURRING = 2;

    /** Where a case's times are counted from, and the review's lessons text (one lesson a line). */
    public interface ReviewFacts {
        /** The start of the first-public-message target: when impact began; empty to count from the opening. */
        Optional<Instant> impactBegan(long caseId);

        /** The review's lessons, one per line; empty when there is no review. */
        String lessons(long caseId);

        /** No review: count from the case's opening, no lessons text. */
        ReviewFacts NONE = new ReviewFacts() {
            @Override
            public Optional<Instant> impactBegan(long caseId) {
                return Optional.empty();
            }

            @Override
            public String lessons(long caseId) {
                return "";
            }
        };
    }

    private static final Set<Channel> NOT_PUBLIC = Set.of(Channel.STAFF_MEMO, Channel.CALL_CENTRE);
    private static final Set<String> TONE = Set.of("blaming", "defensive");

    private final CaseService cases;
    private final CasePlaybookService casePlaybooks;
    private final PlaybookService playbooks;
    private final DraftService drafts;
    private final InboxService inbox;
    private final DebriefService debriefs;
    private volatile ReviewFacts review = ReviewFacts.NONE;

    public SuggestionService(CaseService cases, CasePlaybookService casePlaybooks, PlaybookService playbooks,
            DraftService drafts, InboxService inbox, DebriefService debriefs) {
        this.cases = Objects.requireNonNull(cases);
        this.casePlaybooks = Objects.requireNonNull(casePlaybooks);
        this.playbooks = Objects.requireNonNull(playbooks);
        this.drafts = Objects.requireNonNull(drafts);
        this.inbox = Objects.requireNonNull(inbox);
        this.debriefs = Objects.requireNonNull(debriefs);
    }

    /** Where the review's key times and lessons come from (set once where the services are built). */
    public void setReviewFacts(ReviewFacts facts) {
        this.review = Objects.requireNonNull(facts);
    }

    /**
     * The changes the case suggests, not yet proposed from it; empty when the case follows no playbook.
     */
    public List<Suggestion> suggest(long caseId) {
        CrisisCase c = cases.get(caseId);
        Optional<StoredPlaybook> sp = casePlaybooks.of(caseId);
        if (sp.isEmpty()) {
            return List.of();
        }
        String yaml = playbooks.current(sp.get().id()).yaml();
        Playbook p = playbooks.currentPlaybook(sp.get().id());
        List<DraftPublication> publications = drafts.publicationsOfCase(caseId).stream()
                .sorted(Comparator.comparing(DraftPublication::publishedAt)).toList();
        List<Suggestion> all = new ArrayList<>();
        firstPublic(c, p, publications).ifPresent(all::add);
        all.addAll(updateGaps(c, p, publications));
        complaints(caseId, p).ifPresent(all::add);
        all.addAll(recurring(c, p, publications, yaml));
        all.addAll(lessons(caseId, yaml));
        Set<String> proposed = debriefs.changes(caseId).stream().map(PlaybookChange::suggestion)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        return all.stream().filter(s -> !proposed.contains(s.key())).toList();
    }

    /**
     * Proposes suggestion {@code key} of the case (as {@link #suggest} offers it now); the change
     * remembers the review as its source and the key.
     */
    public PlaybookChange propose(long caseId, String key, String author) {
        return propose(caseId, key, null, author);
    }

    /**
     * Proposes suggestion {@code key} of the case as the person edited it ({@code edited}, e.g. the
     * YAML of a free edit; null for the suggestion as offered).
     */
    public PlaybookChange propose(long caseId, String key, Proposal edited, String author) {
        Suggestion s = suggest(caseId).stream().filter(x -> x.key().equals(key)).findFirst()
                .orElseThrow(() -> new io.crisisconsole.toolkit.ValidationException("suggestion", "case #" + caseId
                        + " has no suggestion '" + key + "' to propose (it was proposed already, or the case "
                        + "changed); reload the suggestions"));
        Proposal what = edited == null ? s.proposal() : edited;
        return what.propose(debriefs, caseId, author, DebriefService.Origin.review(s.key()));
    }

    private Optional<Suggestion> firstPublic(CrisisCase c, Playbook p, List<DraftPublication> publications) {
        Instant start = review.impactBegan(c.id()).orElse(c.openedAt());
        Optional<Instant> first = publications.stream().filter(x -> !NOT_PUBLIC.contains(x.channel()))
                .map(DraftPublication::publishedAt).findFirst();
        int target = p.when().slas().firstPublicReplyMinutes();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        long took = minutes(start, first.get());
        if (took <= target) {
            return Optional.empty();
        }
        Channel hub = p.where() != null && p.where().hub() != null ? p.where().hub().channel() : Channel.WEBSITE;
        if (hasTemplate(p, hub, Stage.INVESTIGATING)) {
            return Optional.empty();
        }
        return Optional.of(new Suggestion("sla.first_public_reply", Suggestion.Reason.FIRST_PUBLIC_LATE,
                List.of(took, target, hub.yamlName()),
                new Proposal.Template(hub, Stage.INVESTIGATING, seed(p, Stage.INVESTIGATING, HOLDING))));
    }

    private List<Suggestion> updateGaps(CrisisCase c, Playbook p, List<DraftPublication> publications) {
        int target = p.when().slas().updateIntervalMinutes();
        Instant end = c.closedAt();
        Map<Channel, List<Instant>> byChannel = new EnumMap<>(Channel.class);
        for (DraftPublication x : publications) {
            if (!NOT_PUBLIC.contains(x.channel())) {
                byChannel.computeIfAbsent(x.channel(), k -> new ArrayList<>()).add(x.publishedAt());
            }
        }
        List<Suggestion> out = new ArrayList<>();
        byChannel.forEach((channel, times) -> {
            long longest = 0;
            for (int i = 1; i < times.size(); i++) {
                longest = Math.max(longest, minutes(times.get(i - 1), times.get(i)));
            }
            if (end != null && !times.isEmpty()) {
                longest = Math.max(longest, minutes(times.get(times.size() - 1), end));
            }
            if (longest > target && !hasTemplate(p, channel, Stage.MONITORING)) {
                out.add(new Suggestion("sla.update_interval." + channel.yamlName(), Suggestion.Reason.UPDATE_GAP,
                        List.of(channel.yamlName(), longest, target),
                        new Proposal.Template(channel, Stage.MONITORING, seed(p, Stage.MONITORING, MONITORING))));
            }
        });
        return out;
    }

    private Optional<Suggestion> complaints(long caseId, Playbook p) {
        Integer target = inbox.replyMinutes(caseId).get(InboxType.COMPLAINT);
        if (target == null) {
            return Optional.empty();
        }
        int late = 0;
        long longest = 0;
        for (Mention m : inbox.list(caseId, InboxQuery.all())) {
            if (m.type() == InboxType.COMPLAINT && m.firstResponseAt() != null) {
                long took = minutes(m.publishedAt(), m.firstResponseAt());
                if (took > target) {
                    late++;
                    longest = Math.max(longest, took);
                }
            }
        }
        if (late == 0) {
            return Optional.empty();
        }
        Optional<Playbook.Response> row = p.how().responseMatrix().stream()
                .filter(r -> r.type() == io.crisisconsole.playbooks.MentionType.COMPLAINT).findFirst();
        ResponseAction action = row.map(Playbook.Response::action).orElse(ResponseAction.RESPOND_PUBLICLY_THEN_PRIVATE);
        String guidance = "Answer every complaint within " + target + " min: acknowledge it in public, then take "
                + "the details to private messages." + row.map(r -> " " + r.guidance()).orElse("");
        return Optional.of(new Suggestion("sla.complaint_reply", Suggestion.Reason.COMPLAINT_LATE,
                List.of(late, longest, target),
                new Proposal.ResponseRow(io.crisisconsole.playbooks.MentionType.COMPLAINT, action,
                        guidance.length() > DebriefService.MAX_GUIDANCE
                                ? guidance.substring(0, DebriefService.MAX_GUIDANCE) : guidance,
                        target)));
    }

    private List<Suggestion> recurring(CrisisCase c, Playbook p, List<DraftPublication> publications, String yaml) {
        // finding (code, and for tone findings the words it found) -> the publications it was found on
        Map<String, Set<Long>> on = new LinkedHashMap<>();
        Map<String, PublishedChecks.Found> example = new LinkedHashMap<>();
        for (PublishedChecks.Found x : new PublishedChecks(drafts).findings(c, p, publications)) {
            String code = x.finding().code();
            String key = TONE.contains(code) ? code + "." + x.span().strip().toLowerCase(Locale.ROOT) : code;
            on.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(x.publication().id());
            example.putIfAbsent(key, x);
        }
        List<Suggestion> out = new ArrayList<>();
        on.forEach((key, pubs) -> {
            if (pubs.size() < RECURRING) {
                return;
            }
            PublishedChecks.Found x = example.get(key);
            String code = x.finding().code();
            String found = TONE.contains(code) ? x.span().strip() : "";
            Proposal proposal;
            if (TONE.contains(code) && !found.isEmpty() && !alreadyForbidden(p, found)) {
                proposal = new Proposal.ForbiddenPhrase(p.language(), found);
            } else if (code.equals("forbidden-phrase")) {
                return; // already forbidden: the playbook says so, the writers did not listen
            } else {
                String hint = code.equals("missing-hashtag") ? " add {{hashtag}} to the templates" : " " + code;
                proposal = new Proposal.FreeEdit(commented(yaml, "Recurring finding on " + pubs.size()
                        + " publications:" + hint), "recurring finding " + code + " (" + pubs.size()
                        + " publications)");
            }
            out.add(new Suggestion("finding." + key, Suggestion.Reason.RECURRING_FINDING,
                    List.of(code, pubs.size(), found), proposal));
        });
        return out;
    }

    private List<Suggestion> lessons(long caseId, String yaml) {
        List<Suggestion> out = new ArrayList<>();
        for (Lesson l : debriefs.lessons(caseId)) {
            if (l.status() == LessonStatus.OPEN) {
                out.add(new Suggestion("lesson." + l.id(), Suggestion.Reason.OPEN_LESSON, List.of(l.lessonText()),
                        new Proposal.FreeEdit(commented(yaml, "Lesson: " + l.lessonText()),
                                describe("lesson: " + l.lessonText()))));
            }
        }
        String text = review.lessons(caseId);
        int line = 0;
        for (String s : (text == null ? "" : text).split("\\R")) {
            String lesson = s.strip();
            line++;
            if (!lesson.isEmpty()) {
                out.add(new Suggestion("review.lesson." + line + "." + Integer.toHexString(lesson.hashCode()),
                        Suggestion.Reason.REVIEW_LESSON, List.of(lesson),
                        new Proposal.FreeEdit(commented(yaml, "Lesson of the review: " + lesson),
                                describe("lesson of the review: " + lesson))));
            }
        }
        return out;
    }

    private static final String HOLDING = "We know about {{issue}} and are looking into it now. We will update you "
            + "by {{next_update}} at {{hub_url}} {{hashtag}}";
    private static final String MONITORING = "Update on {{issue}}: {{action}} Next update by {{next_update}} at "
            + "{{hub_url}} {{hashtag}}";

    /** The text of a suggested template: another channel's template for the stage, else a holding text. */
    private static String seed(Playbook p, Stage stage, String fallback) {
        return p.how().templates().stream().filter(t -> t.stage() == stage).map(Playbook.Template::text)
                .findFirst().orElse(fallback);
    }

    private static boolean hasTemplate(Playbook p, Channel channel, Stage stage) {
        return p.how().templates().stream().anyMatch(t -> t.channel() == channel && t.stage() == stage);
    }

    private static boolean alreadyForbidden(Playbook p, String phrase) {
        return p.how().tone().forbiddenPhrases().getOrDefault(p.language(), List.of()).stream()
                .anyMatch(x -> x.equalsIgnoreCase(phrase));
    }

    /** The YAML with a comment line on top naming what to change, for the person to edit. */
    static String commented(String yaml, String what) {
        return "# TODO " + what.replaceAll("\\R", " ") + "\n" + yaml;
    }

    private static String describe(String what) {
        String one = what.replaceAll("\\R", " ");
        return one.length() <= DebriefService.MAX_DESCRIPTION ? one
                : one.substring(0, DebriefService.MAX_DESCRIPTION - 1) + "…";
    }

    private static long minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes();
    }
}

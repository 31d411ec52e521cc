package io.crisisconsole.inbox;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.playbooks.CasePlaybookService;
import io.crisisconsole.playbooks.MentionType;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.ResponseAction;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEvent;
import io.crisisconsole.timeline.TimelineService;
import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.TimePages;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The mention inbox of a case: stores imported and hand-added mentions (duplicates skipped, the
 * brand's own rows kept as its answers), triage (type, priority, the playbook's action, states),
 * the brand's answers and first-response clocks, search and figures. Every change of a mention's
 * state, type or answers writes the case timeline in the same transaction.
 *
 * <p>Search runs on an in-memory index per case ({@link MentionIndex}), built from the store on
 * first use and kept up to date by this service's own changes.
 */
public final class InboxService {

    /** The first-response target when the case has no playbook: an hour (what most complainants expect). */
    public static final int DEFAULT_REPLY_MINUTES = 60;
    public static final int MAX_TEXT = 100_000;
    public static final int MAX_FIELD = 500;
    public static final int MAX_URL = 4000;
    public static final int MAX_AUTHOR = 200;
    public static final int MAX_TAGS = 2000;
    private static final int BATCH = 2000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final TimelineService timeline;
    private final CaseService cases;
    private final CasePlaybookService casePlaybooks;
    private final Triage triage = Triage.bundled();
    private final Map<Long, MentionIndex> indexes = new ConcurrentHashMap<>();

    public InboxService(Jdbi jdbi, Clock clock, TimelineService timeline, CaseService cases,
            CasePlaybookService casePlaybooks) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.casePlaybooks = Objects.requireNonNull(casePlaybooks, "casePlaybooks");
    }

    // ------------------------------------------------------------------ import

    /**
     * Stores the rows a reader read from {@code fileName}, unless it found problems: with
     * problems and not {@code goodRowsOnly}, nothing is stored (the result says how many problems,
     * {@code stored} false); otherwise the rows are imported as {@link #importMentions}.
     *
     * @param problemCount how many problems the reader found (bad rows and file problems, listed or not)
     */
    public ImportResult importRows(long caseId, String fileName, Iterable<IncomingMention> rows,
            long problemCount, boolean goodRowsOnly, String by) {
        int bad = (int) Math.min(Integer.MAX_VALUE, Math.max(0, problemCount));
        if (bad > 0 && !goodRowsOnly) {
            cases.get(caseId);
            return new ImportResult(0, 0, 0, bad, false);
        }
        ImportResult r = importMentions(caseId, fileName, rows, by);
        return new ImportResult(r.imported(), r.duplicates(), r.responses(), bad, true);
    }

    /**
     * Imports mentions into the case in one transaction. Skipped as duplicates (of the case's
     * stored mentions and of earlier rows): a row with the URL or the source id of another, and a
     * row with neither whose platform, author, text and minute of publication are another's. Rows
     * by the brand's own account on their platform ({@link #accounts}) are stored as its public
     * answers (to the mention their reply-to names, when it is in the inbox), not as inbox items.
     * A new mention by an author whose earlier item is resolved reopens that item. One timeline
     * entry tells the counts.
     */
    public ImportResult importMentions(long caseId, String fileName, Iterable<IncomingMention> rows, String by) {
        String who = checkBy(by);
        cases.get(caseId);
        String file = fileName == null || fileName.isBlank() ? null : cut(fileName.strip(), MAX_FIELD);
        Map<String, String> own = ownAccountKeys(caseId);
        Instant now = cases.now(caseId);
        Imported done = jdbi.inTransaction(h -> {
            Imported d = store(h, caseId, file, rows, own, now, who);
            timeline.append(h, TimelineEvent.of(caseId, EventCode.MENTIONS_IMPORTED, who, now).with("file", file)
                    .with("imported", d.added.size()).with("duplicates", d.duplicates)
                    .with("responses", d.responses));
            return d;
        });
        afterCommit(caseId, done);
        return new ImportResult(done.added.size(), done.duplicates, done.responses, 0, true);
    }

    /**
     * Adds a mention typed or pasted by hand (a timeline entry says so).
     *
     * @param publishedAt when it was published; required
     * @return the stored mention, or the one it duplicates
     */
    public Mention addByHand(long caseId, String text, String url, String platform, String author,
            Instant publishedAt, String by) {
        String who = checkBy(by);
        cases.get(caseId);
        if (text == null || text.isBlank()) {
            throw new ValidationException("text", "a mention needs its text: paste what the post says");
        }
        if (publishedAt == null) {
            throw new ValidationException("publishedAt", "a mention needs the time it was published");
        }
        String key = platform == null || platform.isBlank() ? "other" : platform.strip().toLowerCase(Locale.ROOT);
        String u = url == null || url.isBlank() ? null : url.strip();
        String a = author == null || author.isBlank() ? null : author.strip();
        IncomingMention row = new IncomingMention(0, null, u, key, a, publishedAt, text, null, Sentiment.UNKNOWN,
                null, null);
        Instant now = cases.now(caseId);
        Imported done = jdbi.inTransaction(h -> {
            Imported d = store(h, caseId, null, List.of(row), Map.of(), now, who);
            for (long id : d.added.keySet()) {
                timeline.append(h, TimelineEvent.of(caseId, EventCode.MENTION_ADDED, who, now).with("mentionId", id)
                        .with("platform", key).with("author", a));
            }
            return d;
        });
        afterCommit(caseId, done);
        if (!done.added.isEmpty()) {
            return get(done.added.keySet().iterator().next());
        }
        return findDuplicate(caseId, row).orElseThrow();
    }

    private Optional<Mention> findDuplicate(long caseId, IncomingMention row) {
        return jdbi.withExtension(MentionDao.class, dao -> {
            String ck = contentKey(row.platform(), authorKey(row.author()), row.text(), row.publishedAt());
            try (Stream<MentionDao.KeyRow> keys = dao.keys(caseId)) {
                return keys.filter(k -> (row.url() != null && row.url().equals(k.url()))
                        || ck.equals(k.contentKey())).findFirst().flatMap(k -> dao.find(k.id()));
            }
        });
    }

    /** What a store step did, for the timeline and the index. */
    private static final class Imported {
        final Map<Long, MentionDao.NewMention> added = new LinkedHashMap<>();
        final Map<Long, Instant> answered = new HashMap<>();
        final Map<Long, MentionState> reopened = new HashMap<>();
        int duplicates;
        int responses;
    }

    private Imported store(Handle h, long caseId, String file, Iterable<IncomingMention> rows,
            Map<String, String> own, Instant now, String who) {
        MentionDao dao = h.attach(MentionDao.class);
        Set<String> urls = new HashSet<>();
        Set<String> sources = new HashSet<>();
        Set<String> contents = new HashSet<>();
        Map<String, Integer> authors = new HashMap<>();
        Map<String, List<MentionDao.KeyRow>> resolved = new HashMap<>();
        try (Stream<MentionDao.KeyRow> keys = dao.keys(caseId)) {
            keys.forEach(k -> {
                if (k.url() != null) {
                    urls.add(k.url());
                }
                if (k.sourceId() != null) {
                    sources.add(k.sourceId());
                }
                contents.add(k.contentKey());
                if (k.authorKey() != null) {
                    authors.merge(k.authorKey(), 1, Integer::sum);
                    if (k.state() == MentionState.RESOLVED) {
                        resolved.computeIfAbsent(k.authorKey(), x -> new ArrayList<>()).add(k);
                    }
                }
            });
        }
        try (Stream<MentionDao.ResponseKeyRow> keys = dao.responseKeys(caseId)) {
            keys.forEach(k -> {
                if (k.url() != null) {
                    urls.add(k.url());
                }
                if (k.sourceId() != null) {
                    sources.add(k.sourceId());
                }
                contents.add(contentKey(k.platform(), authorKey(k.sentBy()), k.text(), k.sentAt()));
            });
        }
        Imported d = new Imported();
        List<MentionDao.NewMention> batch = new ArrayList<>();
        List<MentionDao.NewResponse> answers = new ArrayList<>();
        Set<String> newAuthors = new LinkedHashSet<>();
        Map<String, Long> firstNewOfAuthor = new HashMap<>();
        for (IncomingMention m : rows) {
            String url = clean(m.url(), MAX_URL);
            String source = clean(m.sourceId(), MAX_FIELD);
            String platform = cut(m.platform().strip().toLowerCase(Locale.ROOT), 40);
            String author = clean(m.author(), MAX_FIELD);
            String ak = authorKey(author);
            String ck = contentKey(platform, ak, m.text(), m.publishedAt());
            boolean dup = url != null || source != null
                    ? (url != null && urls.contains(url)) || (source != null && sources.contains(source))
                    : contents.contains(ck);
            if (dup) {
                d.duplicates++;
                continue;
            }
            if (url != null) {
                urls.add(url);
            }
            if (source != null) {
                sources.add(source);
            }
            contents.add(ck);
            if (m.text().length() > MAX_TEXT) {
                throw new ValidationException("text", (file == null ? "" : file + ":" + m.line() + ": ")
                        + "the text is longer than " + MAX_TEXT + " characters; shorten it or leave the row out");
            }
            String replyTo = clean(m.replyTo(), MAX_URL);
            Long line = m.line() > 0 ? m.line() : null;
            if (ak != null && ak.equals(own.get(platform))) {
                answers.add(new MentionDao.NewResponse(caseId, null, Visibility.PUBLIC, m.publishedAt(), m.text(),
                        author, platform, url, source, replyTo, file, line, now));
                continue;
            }
            InboxType type = triage.suggestType(m.text(), m.language(), platform, url, author);
            boolean repeat = ak != null && authors.getOrDefault(ak, 0) > 0;
            int priority = triage.priority(m.reach(), m.sentiment(), type, platform, repeat);
            if (ak != null) {
                authors.merge(ak, 1, Integer::sum);
                newAuthors.add(ak);
            }
            batch.add(new MentionDao.NewMention(caseId, source, url, platform, author, ak, m.publishedAt(), m.text(),
                    ck, clean(m.language(), 20), m.sentiment(), m.reach(), replyTo, type, priority, file, line,
                    now));
            if (batch.size() == BATCH) {
                flush(dao, batch, d, firstNewOfAuthor);
            }
        }
        flush(dao, batch, d, firstNewOfAuthor);
        for (MentionDao.NewResponse r : answers) {
            Long to = r.replyTo() == null ? null : dao.idByReference(caseId, r.replyTo()).stream().findFirst()
                    .orElse(null);
            dao.insertResponses(List.of(new MentionDao.NewResponse(r.caseId(), to, r.visibility(), r.sentAt(),
                    r.text(), r.sentBy(), r.platform(), r.url(), r.sourceId(), r.replyTo(), r.importedFrom(),
                    r.importedLine(), r.recordedAt())));
            if (to != null && dao.answered(to, r.sentAt(), now) > 0) {
                d.answered.merge(to, r.sentAt(), (x, y) -> x.isBefore(y) ? x : y);
            }
            d.responses++;
        }
        for (String ak : newAuthors) {
            for (MentionDao.KeyRow k : resolved.getOrDefault(ak, List.of())) {
                MentionState to = k.assignedTo() == null ? MentionState.NEW : MentionState.ASSIGNED;
                if (dao.changeState(k.id(), MentionState.RESOLVED, to, k.assignedTo(), now) == 1) {
                    d.reopened.put(k.id(), to);
                    timeline.append(h, TimelineEvent.of(caseId, EventCode.MENTION_REOPENED, who, now)
                            .with("mentionId", k.id()).with("from", MentionState.RESOLVED).with("to", to)
                            .with("byMentionId", firstNewOfAuthor.get(ak)));
                }
            }
        }
        return d;
    }

    private static void flush(MentionDao dao, List<MentionDao.NewMention> batch, Imported d,
            Map<String, Long> firstNewOfAuthor) {
        if (batch.isEmpty()) {
            return;
        }
        long[] ids = dao.insert(batch);
        for (int i = 0; i < ids.length; i++) {
            MentionDao.NewMention m = batch.get(i);
            d.added.put(ids[i], m);
            if (m.authorKey() != null) {
                firstNewOfAuthor.putIfAbsent(m.authorKey(), ids[i]);
            }
        }
        batch.clear();
    }

    private void afterCommit(long caseId, Imported d) {
        MentionIndex index = indexes.get(caseId);
        if (index == null) {
            return;
        }
        d.added.forEach((id, m) -> index.add(new MentionDao.IndexRow(id, m.author(), m.text(), null,
                MentionState.NEW, m.type(), m.sentiment(), m.platform(), m.priority(), m.publishedAt(), null)));
        d.answered.forEach(index::responded);
        d.reopened.forEach(index::state);
    }

    // ------------------------------------------------------------------ reading

    public Optional<Mention> find(long id) {
        return jdbi.withExtension(MentionDao.class, dao -> dao.find(id));
    }

    public Mention get(long id) {
        return find(id).orElseThrow(() -> new ValidationException("mention", "no mention #" + id
                + "; list them with: mentions list --case ID"));
    }

    /** The mentions with {@code ids}, in that order (ids not found are left out). */
    public List<Mention> get(long[] ids, int from, int count) {
        int to = (int) Math.min(ids.length, (long) Math.max(0, from) + Math.max(0, count));
        if (from >= to) {
            return List.of();
        }
        List<Long> page = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            page.add(ids[i]);
        }
        Map<Long, Mention> byId = new HashMap<>();
        jdbi.useExtension(MentionDao.class, dao -> dao.findAll(page).forEach(m -> byId.put(m.id(), m)));
        return page.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The ids of the case's mentions that match {@code query}, in its order (for a list that pages). */
    public long[] search(long caseId, InboxQuery query) {
        return index(caseId).search(Objects.requireNonNull(query, "query"));
    }

    /** Every mention of {@code query}, in its order (for the command line; the window pages with {@link #search}). */
    public List<Mention> list(long caseId, InboxQuery query) {
        long[] ids = search(caseId, query);
        List<Mention> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i += BATCH) {
            out.addAll(get(ids, i, BATCH));
        }
        return out;
    }

    /** The figures above the inbox list now (from the search index, built on first use). */
    public InboxSummary summary(long caseId) {
        return index(caseId).summary(cases.now(caseId).toEpochMilli());
    }

    /** The brand's answers to a mention, in the order they went out. */
    public List<MentionResponse> responses(long mentionId) {
        return jdbi.withExtension(MentionDao.class, dao -> dao.responsesTo(mentionId));
    }

    /** Every answer of the brand recorded in the case (also those to no mention of the inbox). */
    public List<MentionResponse> responsesOfCase(long caseId) {
        return jdbi.withExtension(MentionDao.class, dao -> dao.responsesOfCase(caseId));
    }

    /** Drops the case's search index; the next search builds it again from the store. */
    public void forgetIndex(long caseId) {
        indexes.remove(caseId);
    }

    private MentionIndex index(long caseId) {
        return indexes.computeIfAbsent(caseId, id -> {
            Map<InboxType, Integer> minutes = replyMinutes(id);
            MentionIndex index = new MentionIndex(t -> minutes.get(t));
            jdbi.useHandle(h -> {
                try (Stream<MentionDao.IndexRow> rows = h.attach(MentionDao.class).indexRows(id)) {
                    rows.forEach(index::add);
                }
            });
            return index;
        });
    }

    // ------------------------------------------------------------------ triage

    /**
     * Moves mention {@code id} to {@code to}. Answered in public and moved to private are reached by
     * recording the answer ({@link #recordAnswer}), which needs the time it went out.
     *
     * @param assignee who it is assigned to (required for {@link MentionState#ASSIGNED}, else kept)
     * @throws ValidationException when the move is not allowed from the mention's state
     */
    public Mention changeState(long id, MentionState to, String assignee, String by) {
        return changeStates(List.of(id), to, assignee, by).get(0);
    }

    /**
     * Moves every mention of {@code ids} to {@code to} in one transaction (all or none); one timeline
     * entry per mention.
     */
    public List<Mention> changeStates(Collection<Long> ids, MentionState to, String assignee, String by) {
        String who = checkBy(by);
        Objects.requireNonNull(to, "to");
        if (to == MentionState.ANSWERED_PUBLIC || to == MentionState.MOVED_PRIVATE) {
            throw new ValidationException("state", "a mention is " + to.cliName() + " once its answer is recorded "
                    + "with the time it went out: record the answer instead");
        }
        String person = assignee == null || assignee.isBlank() ? null : cut(assignee.strip(), MAX_AUTHOR);
        if (to == MentionState.ASSIGNED && person == null) {
            throw new ValidationException("assignee", "say who the mention is assigned to");
        }
        Instant now = ids.isEmpty() ? now() : nowOfMention(ids.iterator().next());
        Map<Long, Long> caseOf = new HashMap<>();
        List<Mention> changed = jdbi.inTransaction(h -> {
            MentionDao dao = h.attach(MentionDao.class);
            List<Mention> out = new ArrayList<>();
            for (long id : new LinkedHashSet<>(ids)) {
                Mention m = dao.find(id).orElseThrow(() -> new ValidationException("mention", "no mention #" + id));
                if (m.state() == to && (to != MentionState.ASSIGNED || Objects.equals(person, m.assignedTo()))) {
                    out.add(m);
                    continue;
                }
                if (m.state() != to && !m.state().canMoveTo(to)) {
                    throw new ValidationException("state", "mention #" + id + " is " + m.state().cliName()
                            + " and cannot become " + to.cliName() + "; from " + m.state().cliName() + " it can become "
                            + String.join(", ", m.state().next().stream().sorted().map(MentionState::cliName).toList()));
                }
                String assigned = to == MentionState.ASSIGNED ? person : m.assignedTo();
                if (dao.changeState(id, m.state(), to, assigned, now) != 1) {
                    throw new ValidationException("state", "mention #" + id + " was changed meanwhile; try again");
                }
                timeline.append(h, TimelineEvent.of(m.caseId(), EventCode.MENTION_STATE_CHANGED, who, now)
                        .with("mentionId", id).with("from", m.state()).with("to", to)
                        .with("assignedTo", to == MentionState.ASSIGNED ? person : null));
                caseOf.put(id, m.caseId());
                out.add(dao.find(id).orElseThrow());
            }
            return out;
        });
        caseOf.forEach((id, c) -> {
            MentionIndex index = indexes.get(c);
            if (index != null) {
                index.state(id, to);
            }
        });
        return changed;
    }

    /** Sets the type of a mention (the person's choice: no longer a suggestion). */
    public Mention setType(long id, InboxType type, String by) {
        String who = checkBy(by);
        Objects.requireNonNull(type, "type");
        Instant now = nowOfMention(id);
        Mention m = jdbi.inTransaction(h -> {
            MentionDao dao = h.attach(MentionDao.class);
            Mention before = dao.find(id).orElseThrow(() -> new ValidationException("mention", "no mention #" + id));
            dao.setType(id, type, now);
            if (before.type() != type) {
                timeline.append(h, TimelineEvent.of(before.caseId(), EventCode.MENTION_TYPE_CHANGED, who, now)
                        .with("mentionId", id).with("from", before.type()).with("to", type));
            }
            return dao.find(id).orElseThrow();
        });
        MentionIndex index = indexes.get(m.caseId());
        if (index != null) {
            index.type(id, type);
        }
        return m;
    }

    /** Sets the tags of a mention (comma-separated words the person chose; null or blank clears them). */
    public Mention setTags(long id, String tags) {
        String t = tags == null || tags.isBlank() ? null
                : PlainText.text("tags", "the tags", String.join(", ", Arrays.stream(tags.split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList()));
        if (t != null && t.length() > MAX_TAGS) {
            throw new ValidationException("tags", "the tags are longer than " + MAX_TAGS + " characters");
        }
        Mention m = jdbi.inTransaction(h -> {
            MentionDao dao = h.attach(MentionDao.class);
            Mention before = dao.find(id).orElseThrow(() -> new ValidationException("mention", "no mention #" + id));
            dao.setTags(id, t, now());
            return before;
        });
        indexes.remove(m.caseId()); // words cannot be taken out of the index: built again on next use
        return get(id);
    }

    /** The response-matrix action of the case's playbook for {@code type}; empty without a playbook or row. */
    public Optional<ResponseAction> action(long caseId, InboxType type) {
        return matrixRow(casePlaybooks.currentPlaybook(caseId).orElse(null), type).map(Playbook.Response::action);
    }

    /**
     * The response-matrix row of the case's playbook for {@code type} (action, guidance, reply
     * minutes); empty without a playbook or row.
     */
    public Optional<Playbook.Response> response(long caseId, InboxType type) {
        return matrixRow(casePlaybooks.currentPlaybook(caseId).orElse(null), type);
    }

    /**
     * The first-response target of each type, in minutes (see {@link #replyMinutesOf}), from the
     * case's playbook.
     */
    public Map<InboxType, Integer> replyMinutes(long caseId) {
        return replyMinutesOf(casePlaybooks.currentPlaybook(caseId).orElse(null));
    }

    /** The first-response clock of {@code m} now. */
    public ResponseClock clock(Mention m) {
        return ResponseClock.of(m, replyMinutes(m.caseId()).get(m.type()), cases.now(m.caseId()));
    }

    /**
     * The first-response target of each type in playbook {@code p}, in minutes: the matrix row's
     * {@code reply_minutes}, else {@code when.slas.complaint_reply_minutes}, else
     * {@value #DEFAULT_REPLY_MINUTES} when there is no playbook ({@code p} null). For a caller that
     * has read the playbook already; {@link #replyMinutes(long)} reads it.
     */
    public static Map<InboxType, Integer> replyMinutesOf(Playbook p) {
        int base = p == null ? DEFAULT_REPLY_MINUTES : p.when().slas().complaintReplyMinutes();
        Map<InboxType, Integer> out = new EnumMap<>(InboxType.class);
        for (InboxType t : InboxType.values()) {
            out.put(t, matrixRow(p, t).map(Playbook.Response::replyMinutes).orElse(base));
        }
        return out;
    }

    /** The response-matrix row of playbook {@code p} (null: none) for {@code type}; empty without one. */
    public static Optional<Playbook.Response> matrixRow(Playbook p, InboxType type) {
        if (p == null || p.how().responseMatrix() == null) {
            return Optional.empty();
        }
        for (MentionType t : type.matrixTypes()) {
            for (Playbook.Response r : p.how().responseMatrix()) {
                if (r.type() == t) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ answers

    /**
     * Records the brand's answer to mention {@code id}: in public (the mention becomes answered in
     * public) or in private (moved to private). The first answer stops the mention's clock.
     *
     * @param sentAt when it went out, required: not before the mention, not in the future
     */
    public Mention recordAnswer(long id, Visibility visibility, Instant sentAt, String text, String by) {
        String who = checkBy(by);
        Objects.requireNonNull(visibility, "visibility");
        if (sentAt == null) {
            throw new ValidationException("sentAt", "an answer needs the time it went out");
        }
        if (text == null || text.isBlank()) {
            throw new ValidationException("text", "an answer needs its text: what the brand wrote");
        }
        if (text.length() > MAX_TEXT) {
            throw new ValidationException("text", "the answer is longer than " + MAX_TEXT + " characters");
        }
        Instant now = nowOfMention(id);
        if (sentAt.isAfter(now.plus(Duration.ofMinutes(1)))) {
            throw new ValidationException("sentAt", "the answer went out at " + sentAt + ", which is in the future; "
                    + "give the time it went out");
        }
        Mention after = jdbi.inTransaction(h -> {
            MentionDao dao = h.attach(MentionDao.class);
            Mention m = dao.find(id).orElseThrow(() -> new ValidationException("mention", "no mention #" + id));
            if (sentAt.isBefore(m.publishedAt())) {
                throw new ValidationException("sentAt", "the answer went out at " + sentAt
                        + ", before mention #" + id + " was published (" + m.publishedAt() + ")");
            }
            MentionState to = visibility == Visibility.PUBLIC ? MentionState.ANSWERED_PUBLIC : MentionState.MOVED_PRIVATE;
            if (m.state() != to && !m.state().canMoveTo(to)) {
                throw new ValidationException("state", "mention #" + id + " is " + m.state().cliName()
                        + " and cannot be answered " + (visibility == Visibility.PUBLIC ? "in public" : "in private"));
            }
            dao.insertResponses(List.of(new MentionDao.NewResponse(m.caseId(), id, visibility, sentAt, text, who,
                    m.platform(), null, null, null, null, null, now)));
            dao.answered(id, sentAt, now);
            timeline.append(h, TimelineEvent.of(m.caseId(), EventCode.MENTION_ANSWERED, who, now)
                    .occurredAt(sentAt).with("mentionId", id).with("visibility", visibility)
                    .with("sentAt", sentAt.toString()).with("sentBy", who));
            if (m.state() != to) {
                dao.changeState(id, m.state(), to, m.assignedTo(), now);
                timeline.append(h, TimelineEvent.of(m.caseId(), EventCode.MENTION_STATE_CHANGED, who, now)
                        .with("mentionId", id).with("from", m.state()).with("to", to).with("assignedTo", null));
            }
            return dao.find(id).orElseThrow();
        });
        MentionIndex index = indexes.get(after.caseId());
        if (index != null) {
            index.responded(id, after.firstResponseAt());
            index.state(id, after.state());
        }
        return after;
    }

    // ------------------------------------------------------------------ own accounts

    /**
     * The brand's own account per platform for the case: the playbook's {@code where.channels[].account},
     * overridden by the case's own ({@link #setAccount}); keys are platform keys ({@code x}, {@code facebook}...).
     */
    public Map<String, String> accounts(long caseId) {
        Map<String, String> out = new LinkedHashMap<>();
        casePlaybooks.currentPlaybook(caseId).ifPresent(p -> {
            if (p.where() != null && p.where().channels() != null) {
                for (Playbook.ChannelRole c : p.where().channels()) {
                    if (c.account() != null) {
                        out.put(c.channel().yamlName(), c.account().strip());
                    }
                }
            }
        });
        jdbi.useExtension(MentionDao.class, dao -> dao.caseAccounts(caseId)
                .forEach(a -> out.put(a.platform(), a.account())));
        return out;
    }

    /** Sets (or with null or blank, removes) the case's own account on {@code platform}. */
    public void setAccount(long caseId, String platform, String account) {
        cases.get(caseId);
        if (platform == null || platform.isBlank()) {
            throw new ValidationException("platform", "say which platform the account is on (x, facebook...)");
        }
        String key = platform.strip().toLowerCase(Locale.ROOT);
        String a = account == null || account.isBlank() ? null : PlainText.text("account", "the account",
                cut(account.strip(), MAX_AUTHOR));
        jdbi.useTransaction(h -> {
            MentionDao dao = h.attach(MentionDao.class);
            dao.deleteCaseAccount(caseId, key);
            if (a != null) {
                dao.insertCaseAccount(caseId, key, a);
            }
        });
    }

    private Map<String, String> ownAccountKeys(long caseId) {
        Map<String, String> out = new HashMap<>();
        accounts(caseId).forEach((p, a) -> out.put(p, authorKey(a)));
        return out;
    }

    // ------------------------------------------------------------------ saved mappings

    /** Saves the column mapping for files whose header has {@code headerSignature}, replacing one with the same signature or name. */
    public SavedMapping saveMapping(String headerSignature, String name, String mappingJson) {
        if (headerSignature == null || headerSignature.isBlank() || headerSignature.length() > 128) {
            throw new ValidationException("signature", "a mapping needs its header signature (at most 128 characters)");
        }
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new ValidationException("name", "a mapping needs a name of 1 to 200 characters");
        }
        if (mappingJson == null || mappingJson.isBlank() || mappingJson.length() > 100_000) {
            throw new ValidationException("mapping", "a mapping needs its columns (at most 100,000 characters)");
        }
        Instant now = now();
        return jdbi.inTransaction(h -> {
            MentionDao dao = h.attach(MentionDao.class);
            dao.deleteMapping(headerSignature, name.strip());
            long id = dao.insertMapping(headerSignature, name.strip(), mappingJson, now);
            return new SavedMapping(id, headerSignature, name.strip(), mappingJson, now);
        });
    }

    public Optional<SavedMapping> mappingFor(String headerSignature) {
        return jdbi.withExtension(MentionDao.class, dao -> dao.mappingFor(headerSignature));
    }

    public Optional<SavedMapping> mappingNamed(String name) {
        return jdbi.withExtension(MentionDao.class, dao -> dao.mappingNamed(name == null ? "" : name.strip()));
    }

    public List<SavedMapping> mappings() {
        return jdbi.withExtension(MentionDao.class, MentionDao::mappings);
    }

    // ------------------------------------------------------------------ figures

    /** The figures of the case's inbox (see {@link InboxStats}). */
    public InboxStats stats(long caseId) {
        cases.get(caseId);
        Map<InboxType, Integer> minutes = replyMinutes(caseId);
        Map<MentionState, Long> byState = zeros(MentionState.class);
        Map<InboxType, Long> byType = zeros(InboxType.class);
        Map<Sentiment, Long> bySentiment = zeros(Sentiment.class);
        Map<Long, Long> quarters = new HashMap<>();
        long[] total = {0};
        long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
        List<Long> times = new ArrayList<>();
        int[] within = {0};
        jdbi.useHandle(h -> {
            try (Stream<MentionDao.IndexRow> rows = h.attach(MentionDao.class).indexRows(caseId)) {
                rows.forEach(r -> {
                    total[0]++;
                    byState.merge(r.state(), 1L, Long::sum);
                    byType.merge(r.mentionType(), 1L, Long::sum);
                    bySentiment.merge(r.sentiment(), 1L, Long::sum);
                    long q = Math.floorDiv(r.publishedAt().getEpochSecond(), 900L);
                    quarters.merge(q, 1L, Long::sum);
                    range[0] = Math.min(range[0], q);
                    range[1] = Math.max(range[1], q);
                    if (r.firstResponseAt() != null) {
                        long s = Duration.between(r.publishedAt(), r.firstResponseAt()).getSeconds();
                        times.add(s);
                        if (s <= minutes.get(r.mentionType()) * 60L) {
                            within[0]++;
                        }
                    }
                });
            }
        });
        List<InboxStats.Bucket> buckets = new ArrayList<>();
        if (total[0] > 0) {
            for (long q = range[0]; q <= range[1]; q++) {
                buckets.add(new InboxStats.Bucket(Instant.ofEpochSecond(q * 900L), quarters.getOrDefault(q, 0L)));
            }
        }
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        InboxStats.FirstResponses fr = new InboxStats.FirstResponses(n, within[0],
                n == 0 ? null : sorted[rank(0.5, n)], n == 0 ? null : sorted[rank(0.9, n)],
                n == 0 ? null : (double) within[0] / n);
        return new InboxStats(total[0], byState, byType, bySentiment, buckets, fr);
    }

    /**
     * The first responses to the case's mentions (see {@link ResponseFigures}), unanswered ones
     * overdue when past their due time at {@code now}. Streams a few columns of each mention.
     */
    public ResponseFigures responseFigures(long caseId, Instant now) {
        return figures(caseId, Duration.ofMinutes(15), null, null, now).responses();
    }

    /**
     * The figures of the case's mentions in one pass over them (a few columns each, never the
     * mentions, read in pages along the V17 index: see {@link TimePages}): the buckets of {@code width} (as {@link #buckets(long, Duration, Instant)} with no
     * {@code upTo}), the sentiments before {@code from}, from it to {@code to} and after (see
     * {@link CaseFigures}; null: open-ended), the reach, and the first responses at {@code now}.
     */
    public CaseFigures figures(long caseId, Duration width, Instant from, Instant to, Instant now) {
        long seconds = bucketSeconds(width);
        Map<InboxType, Integer> targets = replyMinutes(caseId);
        long[] counts = new long[4];
        List<Long> took = new ArrayList<>();
        Map<Long, long[]> byBucket = new HashMap<>();
        List<Map<Sentiment, Long>> periods = List.of(zeros(Sentiment.class), zeros(Sentiment.class),
                zeros(Sentiment.class));
        // one snapshot over the pages, as one query would have been
        jdbi.useTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            MentionDao dao = h.attach(MentionDao.class);
            TimePages.forEach(dao.earliestPublished(caseId).orElse(null), TimePages.PAGE,
                    (start, skip, size) -> dao.figurePage(caseId, start, skip, size), MentionDao.FigureRow::publishedAt,
                    r -> {
                    counts[0]++;
                    counts[3] += r.reach() == null ? 0 : r.reach();
                    int period = from != null && r.publishedAt().isBefore(from) ? 0
                            : to != null && !r.publishedAt().isBefore(to) ? 2 : 1;
                    periods.get(period).merge(r.sentiment(), 1L, Long::sum);
                    long[] c = byBucket.computeIfAbsent(Math.floorDiv(r.publishedAt().getEpochSecond(), seconds),
                            k -> new long[7]);
                    c[0]++;
                    c[1 + r.sentiment().ordinal()]++;
                    Integer target = targets.get(r.mentionType());
                    Instant due = target == null ? null : r.publishedAt().plus(Duration.ofMinutes(target));
                    if (r.firstResponseAt() != null) {
                        long s = Duration.between(r.publishedAt(), r.firstResponseAt()).getSeconds();
                        c[5]++;
                        c[6] += s;
                        took.add(Math.max(0, s));
                        if (due == null || !r.firstResponseAt().isAfter(due)) {
                            counts[1]++;
                        }
                    } else if (due != null && now.isAfter(due)) {
                        counts[2]++;
                    }
                    });
        });
        long[] sorted = took.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        ResponseFigures responses = new ResponseFigures(counts[0], n, counts[1], counts[2],
                n == 0 ? null : sorted[rank(0.5, n)], n == 0 ? null : sorted[rank(0.9, n)]);
        return new CaseFigures(bucketList(width, byBucket, null), periods.get(0), periods.get(1), periods.get(2),
                counts[3], responses);
    }

    /** At most this many buckets are handed back by {@link #buckets}: the latest ones (104 days of quarter hours). */
    public static final int MAX_BUCKETS = 10_000;

    /** When the case's newest mention was published; empty when it has none. */
    public Optional<Instant> latestPublished(long caseId) {
        return jdbi.withExtension(MentionDao.class, dao -> dao.latestPublished(caseId));
    }

    /** When the case's first mention was published; empty when it has none. */
    public Optional<Instant> earliestPublished(long caseId) {
        return jdbi.withExtension(MentionDao.class, dao -> dao.earliestPublished(caseId));
    }

    /**
     * The case's mentions per bucket of {@code width} (see {@link MentionBuckets}), counted in the
     * database, from the first mention's bucket to the later of the last mention's and
     * {@code upTo}'s (null: the last mention's); at most {@value #MAX_BUCKETS}, the latest. Empty
     * when the case has no mentions.
     */
    public MentionBuckets buckets(long caseId, Duration width, Instant upTo) {
        return buckets(caseId, width, upTo, Instant.EPOCH);
    }

    /**
     * As {@link #buckets(long, Duration, Instant)}, counting only the mentions published from
     * {@code since} on: the index on {@code (case_id, published_at)} (V12) then reads the window,
     * not every mention of the case (a day of a 200,000-mention case, not the week).
     */
    public MentionBuckets buckets(long caseId, Duration width, Instant upTo, Instant since) {
        long seconds = bucketSeconds(width);
        Instant from = since == null ? Instant.EPOCH : since;
        List<MentionDao.BucketRow> rows = jdbi.withExtension(MentionDao.class, dao -> dao.buckets(caseId, seconds, from));
        if (rows.isEmpty()) {
            return new MentionBuckets(width, List.of());
        }
        Map<Long, long[]> byBucket = new HashMap<>();
        for (MentionDao.BucketRow r : rows) {
            long[] c = byBucket.computeIfAbsent(r.bucket(), b -> new long[7]);
            c[0] += r.mentions();
            c[1 + r.sentiment().ordinal()] += r.mentions();
            c[5] += r.answered();
            c[6] += r.responseSeconds();
        }
        return bucketList(width, byBucket, upTo);
    }

    /**
     * The buckets from the first counted one to the later of the last one and {@code upTo}'s, empty
     * ones included, at most {@value #MAX_BUCKETS} (the latest); each count array is mentions, the
     * four sentiments in their order, answered, response seconds.
     */
    private static MentionBuckets bucketList(Duration width, Map<Long, long[]> byBucket, Instant upTo) {
        if (byBucket.isEmpty()) {
            return new MentionBuckets(width, List.of());
        }
        long seconds = width.getSeconds();
        long first = byBucket.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = byBucket.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        if (upTo != null) {
            last = Math.max(last, Math.floorDiv(upTo.getEpochSecond(), seconds));
        }
        first = Math.max(first, last - MAX_BUCKETS + 1);
        List<MentionBuckets.Bucket> out = new ArrayList<>((int) (last - first + 1));
        long[] none = new long[7];
        for (long b = first; b <= last; b++) {
            long[] c = byBucket.getOrDefault(b, none);
            out.add(new MentionBuckets.Bucket(Instant.ofEpochSecond(b * seconds), c[0],
                    c[1 + Sentiment.POSITIVE.ordinal()], c[1 + Sentiment.NEUTRAL.ordinal()],
                    c[1 + Sentiment.NEGATIVE.ordinal()], c[1 + Sentiment.UNKNOWN.ordinal()], c[5], c[6]));
        }
        return new MentionBuckets(width, out);
    }

    private static long bucketSeconds(Duration width) {
        long seconds = width.getSeconds();
        if (seconds < 60 || width.getNano() != 0) {
            throw new IllegalArgumentException("buckets are whole seconds, at least a minute wide");
        }
        return seconds;
    }

    /** How many of the case's mentions were published in the {@code window} up to {@code now} (now included). */
    public long publishedWithin(long caseId, Duration window, Instant now) {
        return jdbi.withExtension(MentionDao.class, dao -> dao.countPublished(caseId, now.minus(window), now));
    }

    /** The media inquiries of the case no one has taken up yet (new or assigned), oldest first. */
    public List<Long> unhandledMediaInquiries(long caseId) {
        return jdbi.withExtension(MentionDao.class, dao -> dao.idsOfTypeIn(caseId, InboxType.MEDIA_INQUIRY,
                List.of(MentionState.NEW, MentionState.ASSIGNED)));
    }

    /** The 0-based index of the nearest-rank percentile {@code p} of {@code n} sorted values. */
    static int rank(double p, int n) {
        return Math.max(0, (int) Math.ceil(p * n - 1e-9) - 1);
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> m = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            m.put(e, 0L);
        }
        return m;
    }

    // ------------------------------------------------------------------ helpers

    /** What "the same author" compares: lower case, trimmed, without a leading @. */
    static String authorKey(String author) {
        if (author == null) {
            return null;
        }
        String a = author.strip();
        while (a.startsWith("@")) {
            a = a.substring(1).strip();
        }
        return a.isEmpty() ? null : cut(a.toLowerCase(Locale.ROOT), MAX_FIELD);
    }

    /** SHA-256 of platform, author, text and minute of publication: the duplicate key of a row with no URL or id. */
    static String contentKey(String platform, String authorKey, String text, Instant publishedAt) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String key = platform + '\u0000' + (authorKey == null ? "" : authorKey) + '\u0000' + text + '\u0000'
                    + publishedAt.truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
            return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clean(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return cut(s.strip(), max);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String checkBy(String by) {
        if (by == null || by.isBlank()) {
            throw new ValidationException("author", "every timeline entry needs an author");
        }
        return cut(by.strip(), MAX_AUTHOR);
    }

    /** Now for the case of mention {@code id} (an exercise's own time), or the clock when there is no such mention. */
    private Instant nowOfMention(long id) {
        return find(id).map(m -> cases.now(m.caseId())).orElseGet(this::now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

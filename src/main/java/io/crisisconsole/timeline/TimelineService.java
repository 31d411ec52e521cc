package io.crisisconsole.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.TimePages;
import io.crisisconsole.toolkit.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The one way into and out of the case timeline. Every entry is appended as an event (a code and
 * its arguments, stored as data) with its body rendered from them in English; entries are read
 * back with their code and arguments. Features that change their own rows together with an entry
 * append inside their transaction ({@link #append(Handle, TimelineEvent)}), so the row and its
 * entry commit or roll back together; the other methods use a transaction of their own.
 */
public final class TimelineService {

    public static final int MAX_BODY = 20_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> ARGS = new TypeReference<>() { };

    private final Jdbi jdbi;
    private final TimelineText bodies;

    /**
     * @param bodies how bodies are written: {@link TimelineText#forBodies()} (English), which the
     *               command line and the tests read
     */
    public TimelineService(Jdbi jdbi, TimelineText bodies) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    /**
     * Appends {@code event} inside the caller's transaction on {@code h}: it is committed or rolled
     * back with whatever else the caller writes there.
     *
     * @throws ValidationException when the rendered text is empty or longer than {@link #MAX_BODY}
     */
    public TimelineEntry append(Handle h, TimelineEvent event) {
        Objects.requireNonNull(event, "event");
        String body = checkBody(bodies.render(event.code(), event.args()));
        TimelineDao dao = h.attach(TimelineDao.class);
        long id = dao.append(event.caseId(), event.kind(), event.author(), body, event.occurredAt(),
                event.recordedAt(), event.correctsId(), event.code().code(), toJson(event.args()));
        return read(dao.find(id).orElseThrow());
    }

    /** Appends {@code event} in a transaction of its own. */
    public TimelineEntry append(TimelineEvent event) {
        return jdbi.inTransaction(h -> append(h, event));
    }

    /**
     * Corrects entry {@code entryId} by appending an {@link EventCode#ENTRY_CORRECTION} that points
     * at it, written at {@code at}; the original stays as written.
     */
    public TimelineEntry correct(long entryId, String text, String author, Instant at) {
        return jdbi.inTransaction(h -> {
            TimelineEntry original = find(h, entryId)
                    .orElseThrow(() -> new ValidationException("entry", "no timeline entry #" + entryId));
            return correct(h, original, text, author, at);
        });
    }

    /** As {@link #correct(long, String, String, Instant)}, inside the caller's transaction. */
    public TimelineEntry correct(Handle h, TimelineEntry original, String text, String author, Instant at) {
        return append(h, TimelineEvent.of(original.caseId(), EventCode.ENTRY_CORRECTION, author, at)
                .with("text", text).correcting(original.id()));
    }

    public Optional<TimelineEntry> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<TimelineEntry> find(Handle h, long id) {
        return h.attach(TimelineDao.class).find(id).map(TimelineService::read);
    }

    /** The entries of a case in the order they happened (then as written down). */
    public List<TimelineEntry> list(long caseId) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> list(h, caseId));
    }

    /** The entries of a case with one of {@code codes}, in the order they happened (then as written down). */
    public List<TimelineEntry> list(long caseId, java.util.Collection<EventCode> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        List<String> names = codes.stream().map(EventCode::code).distinct().toList();
        return jdbi.withHandle(h -> h.attach(TimelineDao.class).listForCaseWithCodes(caseId, names).stream()
                .map(TimelineService::read).toList());
    }

    /**
     * The entries of a case in the order they happened (then as written down), read in pages along
     * the index (see {@link TimePages}); one snapshot when {@code h} is in a repeatable-read
     * transaction.
     */
    public List<TimelineEntry> list(Handle h, long caseId) {
        TimelineDao dao = h.attach(TimelineDao.class);
        List<TimelineEntry> out = new ArrayList<>();
        TimePages.forEach(dao.firstOccurred(caseId).orElse(null), TimePages.PAGE,
                (from, skip, size) -> dao.page(caseId, from, skip, size), TimelineDao.Row::occurredAt,
                r -> out.add(read(r)));
        return Collections.unmodifiableList(out);
    }

    /**
     * The text a person wrote for an entry, stripped; refused when empty or longer than
     * {@link #MAX_BODY}.
     */
    public static String checkText(String text) {
        return checkBody(PlainText.text("body", "the entry text", text == null ? "" : text.strip()));
    }

    private static String checkBody(String body) {
        if (body.isBlank()) {
            throw new ValidationException("body", "the entry text is empty");
        }
        if (body.length() > MAX_BODY) {
            throw new ValidationException("body", "the entry text is longer than " + MAX_BODY + " characters");
        }
        return body;
    }

    private static TimelineEntry read(TimelineDao.Row r) {
        return new TimelineEntry(r.id(), r.caseId(), r.kind(), r.author(), r.body(), r.occurredAt(), r.recordedAt(),
                r.correctsId(), r.eventCode(), r.eventArgs() == null ? null : fromJson(r.id(), r.eventArgs()));
    }

    private static String toJson(Map<String, Object> args) {
        try {
            return JSON.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("timeline arguments that cannot be written as JSON", e);
        }
    }

    private static Map<String, Object> fromJson(long id, String json) {
        try {
            return Collections.unmodifiableMap(JSON.readValue(json, ARGS));
        } catch (JsonProcessingException e) {
            // the parser's message quotes the text: say where, not what (stored values stay out of logs)
            throw new IllegalStateException("the arguments of timeline entry #" + id + " are not a JSON object (column "
                    + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + ")");
        }
    }
}

package io.crisisconsole.playbooks;

import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEvent;
import io.crisisconsole.timeline.TimelineService;
import io.crisisconsole.toolkit.ValidationException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Which playbook a case follows. Choosing or changing it is written to the case timeline. */
public final class CasePlaybookService {

    private final Jdbi jdbi;
    private final PlaybookService playbooks;
    private final TimelineService timeline;
    private final Clock clock;

    public CasePlaybookService(Jdbi jdbi, PlaybookService playbooks, TimelineService timeline, Clock clock) {
        this.jdbi = jdbi;
        this.playbooks = playbooks;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The playbook of the case, if one was chosen. */
    public Optional<StoredPlaybook> of(long caseId) {
        Optional<Long> id = jdbi.withHandle(h -> h.createQuery(
                "SELECT playbook_id FROM case_playbook WHERE case_id = :caseId")
                .bind("caseId", caseId).mapTo(Long.class).findOne());
        return id.flatMap(playbooks::find);
    }

    /** Makes {@code playbookId} the playbook of the case; writes a timeline entry when it changes. */
    public StoredPlaybook assign(long caseId, long playbookId, String author) {
        if (author == null || author.isBlank()) {
            throw new ValidationException("author", "every timeline entry needs an author");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        StoredPlaybook playbook = playbooks.find(playbookId)
                .orElseThrow(() -> new ValidationException("playbook", "no playbook #" + playbookId));
        return jdbi.inTransaction(h -> {
            boolean caseExists = h.createQuery("SELECT COUNT(*) FROM crisis_case WHERE id = :id").bind("id", caseId)
                    .mapTo(Integer.class).one() == 1;
            if (!caseExists) {
                throw new ValidationException("case", "no case #" + caseId);
            }
            Optional<Long> before = h.createQuery("SELECT playbook_id FROM case_playbook WHERE case_id = :caseId")
                    .bind("caseId", caseId).mapTo(Long.class).findOne();
            if (before.isPresent() && before.get() == playbookId) {
                return playbook;
            }
            h.createUpdate("MERGE INTO case_playbook (case_id, playbook_id, assigned_at, assigned_by) KEY (case_id) "
                    + "VALUES (:caseId, :playbookId, :at, :by)")
                    .bind("caseId", caseId).bind("playbookId", playbookId).bind("at", Timestamp.from(now))
                    .bind("by", author.strip()).execute();
            EventCode code = before.isPresent() ? EventCode.CASE_PLAYBOOK_CHANGED : EventCode.CASE_PLAYBOOK_CHOSEN;
            timeline.append(h, TimelineEvent.of(caseId, code, author.strip(), now).with("playbookId", playbook.id())
                    .with("name", playbook.name()).with("title", playbook.title())
                    .with("version", playbook.currentVersion()));
            return playbook;
        });
    }
}

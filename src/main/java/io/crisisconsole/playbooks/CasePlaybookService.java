package io.crisisconsole.playbooks;

import io.crisisconsole.timeline.EntryKind;
import io.crisisconsole.timeline.TimelineDao;
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
    private final Clock clock;

    public CasePlaybookService(Jdbi jdbi, PlaybookService playbooks, Clock clock) {
        this.jdbi = jdbi;
        this.playbooks = playbooks;
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
            h.attach(TimelineDao.class).append(caseId, EntryKind.CASE_UPDATED, author.strip(),
                    "Playbook " + (before.isPresent() ? "changed to " : "chosen: ") + playbook.title() + " ("
                            + playbook.name() + ", version " + playbook.currentVersion() + ")",
                    now, now, null);
            return playbook;
        });
    }
}

package io.crisisconsole.playbooks;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.timeline.EventCode;
import io.crisisconsole.timeline.TimelineEvent;
import io.crisisconsole.timeline.TimelineService;
import io.crisisconsole.toolkit.ValidationException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Which playbook a case follows. Choosing or changing it is written to the case timeline. */
public final class CasePlaybookService {

    private final Jdbi jdbi;
    private final CaseService cases;
    private final PlaybookService playbooks;
    private final TimelineService timeline;

    public CasePlaybookService(Jdbi jdbi, CaseService cases, PlaybookService playbooks, TimelineService timeline) {
        this.jdbi = jdbi;
        this.cases = cases;
        this.playbooks = playbooks;
        this.timeline = timeline;
    }

    /** The playbook of the case, if one was chosen. */
    public Optional<StoredPlaybook> of(long caseId) {
        return jdbi.withExtension(CasePlaybookDao.class, dao -> dao.playbookOf(caseId)).flatMap(playbooks::find);
    }

    /** The current version of the case's playbook, read and parsed; empty when none was chosen. */
    public Optional<Playbook> currentPlaybook(long caseId) {
        return of(caseId).map(p -> playbooks.currentPlaybook(p.id()));
    }

    /** Makes {@code playbookId} the playbook of the case; writes a timeline entry when it changes. */
    public StoredPlaybook assign(long caseId, long playbookId, String author) {
        if (author == null || author.isBlank()) {
            throw new ValidationException("author", "every timeline entry needs an author");
        }
        Instant now = cases.now(caseId);
        StoredPlaybook playbook = playbooks.find(playbookId)
                .orElseThrow(() -> new ValidationException("playbook", "no playbook #" + playbookId));
        // cases are never deleted, so a case that exists now still exists in the transaction below
        cases.get(caseId);
        return jdbi.inTransaction(h -> {
            CasePlaybookDao dao = h.attach(CasePlaybookDao.class);
            Optional<Long> before = dao.playbookOf(caseId);
            if (before.isPresent() && before.get() == playbookId) {
                return playbook;
            }
            dao.assign(caseId, playbookId, now, author.strip());
            EventCode code = before.isPresent() ? EventCode.CASE_PLAYBOOK_CHANGED : EventCode.CASE_PLAYBOOK_CHOSEN;
            timeline.append(h, TimelineEvent.of(caseId, code, author.strip(), now).with("playbookId", playbook.id())
                    .with("name", playbook.name()).with("title", playbook.title())
                    .with("version", playbook.currentVersion()));
            return playbook;
        });
    }
}

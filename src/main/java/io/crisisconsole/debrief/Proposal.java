package io.crisisconsole.debrief;

import io.crisisconsole.debrief.DebriefService.Origin;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.MentionType;
import io.crisisconsole.playbooks.ResponseAction;
import io.crisisconsole.playbooks.Stage;

/**
 * A playbook change to propose, one record per kind: what the "Propose change…" dialog asks the
 * debrief to propose, and what a {@link Suggestion} offers.
 */
public sealed interface Proposal {

    /** Makes the proposal for {@code caseId}, from the debrief's forms. */
    default PlaybookChange propose(DebriefService service, long caseId, String author) {
        return propose(service, caseId, author, Origin.DEBRIEF);
    }

    /** Makes the proposal for {@code caseId}, remembering where it came from. */
    PlaybookChange propose(DebriefService service, long caseId, String author, Origin origin);

    record Sla(SlaTarget target, int minutes) implements Proposal {
        @Override
        public PlaybookChange propose(DebriefService service, long caseId, String author, Origin origin) {
            return service.proposeSla(caseId, target, minutes, author, origin);
        }
    }

    record ForbiddenPhrase(String language, String phrase) implements Proposal {
        @Override
        public PlaybookChange propose(DebriefService service, long caseId, String author, Origin origin) {
            return service.proposeForbiddenPhrase(caseId, language, phrase, author, origin);
        }
    }

    record ResponseRow(MentionType type, ResponseAction action, String guidance, Integer replyMinutes)
            implements Proposal {
        @Override
        public PlaybookChange propose(DebriefService service, long caseId, String author, Origin origin) {
            return service.proposeResponseRow(caseId, type, action, guidance, replyMinutes, author, origin);
        }
    }

    record Template(Channel channel, Stage stage, String text) implements Proposal {
        @Override
        public PlaybookChange propose(DebriefService service, long caseId, String author, Origin origin) {
            return service.proposeTemplate(caseId, channel, stage, text, author, origin);
        }
    }

    record FreeEdit(String yaml, String description) implements Proposal {
        @Override
        public PlaybookChange propose(DebriefService service, long caseId, String author, Origin origin) {
            return service.proposeFreeEdit(caseId, yaml, description, author, origin);
        }
    }
}

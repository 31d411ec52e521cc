package io.crisisconsole.debrief.ui;

import io.crisisconsole.debrief.DebriefService;
import io.crisisconsole.debrief.PlaybookChange;
import io.crisisconsole.debrief.SlaTarget;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.MentionType;
import io.crisisconsole.playbooks.ResponseAction;
import io.crisisconsole.playbooks.Stage;

/** What the "Propose change…" dialog asks the debrief to propose, one record per kind. */
public sealed interface Proposal {

    /** Makes the proposal for {@code caseId}. */
    PlaybookChange propose(DebriefService service, long caseId, String author);

    record Sla(SlaTarget target, int minutes) implements Proposal {
        @Override
        public PlaybookChange propose(DebriefService service, long caseId, String author) {
            return service.proposeSla(caseId, target, minutes, author);
        }
    }

    record ForbiddenPhrase(String language, String phrase) implements Proposal {
        @Override
        public PlaybookChange propose(DebriefService service, long caseId, String author) {
            return service.proposeForbiddenPhrase(caseId, language, phrase, author);
        }
    }

    record ResponseRow(MentionType type, ResponseAction action, String guidance, Integer replyMinutes)
            implements Proposal {
        @Override
        public PlaybookChange propose(DebriefService service, long caseId, String author) {
            return service.proposeResponseRow(caseId, type, action, guidance, replyMinutes, author);
        }
    }

    record Template(Channel channel, Stage stage, String text) implements Proposal {
        @Override
        public PlaybookChange propose(DebriefService service, long caseId, String author) {
            return service.proposeTemplate(caseId, channel, stage, text, author);
        }
    }

    record FreeEdit(String yaml, String description) implements Proposal {
        @Override
        public PlaybookChange propose(DebriefService service, long caseId, String author) {
            return service.proposeFreeEdit(caseId, yaml, description, author);
        }
    }
}

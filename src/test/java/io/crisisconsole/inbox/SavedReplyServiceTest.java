package io.crisisconsole.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.TestStores;
import io.crisisconsole.toolkit.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replies saved per playbook: names unique per playbook, lengths, type first, kept in the store. */
class SavedReplyServiceTest extends InboxTestBase {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    SavedReplyService replies;
    long playbook;

    @Override
    Instant startAt() {
        return T0;
    }

    @BeforeEach
    void replies() {
        replies = services.savedReplies();
        playbook = services.casePlaybooks().of(outage.id()).orElseThrow().id();
    }

    @Test
    void createdRepliesAreListedByNameWithThoseForTheMentionTypeFirst() {
        SavedReply sorry = replies.create(playbook, "Sorry, looking into it",
                "We're sorry, {{hub_url}} has the latest.", InboxType.COMPLAINT, "anna");
        clock.advance(Duration.ofMinutes(1));
        replies.create(playbook, "Answer to a question", "Good question: see {{hub_url}}.", InboxType.QUESTION, "ben");
        replies.create(playbook, "Any mention", "Thanks for telling us.", null, "anna");

        assertThat(sorry.createdAt()).isEqualTo(T0);
        assertThat(sorry.createdBy()).isEqualTo("anna");
        assertThat(sorry.updatedBy()).isEqualTo("anna");
        assertThat(sorry.playbookId()).isEqualTo(playbook);
        assertThat(replies.list(playbook)).extracting(SavedReply::name)
                .containsExactly("Answer to a question", "Any mention", "Sorry, looking into it");
        assertThat(replies.listFor(playbook, InboxType.COMPLAINT)).extracting(SavedReply::name)
                .containsExactly("Sorry, looking into it", "Answer to a question", "Any mention");
        assertThat(replies.listFor(playbook, InboxType.PRAISE)).extracting(SavedReply::name)
                .containsExactly("Answer to a question", "Any mention", "Sorry, looking into it");
        assertThat(replies.find(sorry.id()).orElseThrow().mentionType()).isEqualTo(InboxType.COMPLAINT);
    }

    @Test
    void aNameIsUniqueInItsPlaybookWhateverItsLetterCase() {
        SavedReply a = replies.create(playbook, "Holding reply", "We're on it.", null, "anna");
        SavedReply b = replies.create(playbook, "Refund", "Refunds: see {{hub_url}}.", null, "anna");

        assertThatThrownBy(() -> replies.create(playbook, "  holding REPLY ", "Another text.", null, "ben"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("playbook inbox-test.en already has a saved reply named 'holding REPLY'; choose another"
                        + " name or change that reply");
        assertThatThrownBy(() -> replies.rename(b.id(), "Holding Reply", "ben"))
                .as("a rename onto another's name").isInstanceOf(ValidationException.class)
                .hasMessageContaining("already has a saved reply named 'Holding Reply'");

        clock.advance(Duration.ofMinutes(5));
        SavedReply renamed = replies.rename(a.id(), "HOLDING reply", "ben");
        assertThat(renamed.name()).as("its own name in another case is fine").isEqualTo("HOLDING reply");
        assertThat(renamed.text()).isEqualTo("We're on it.");
        assertThat(renamed.updatedBy()).isEqualTo("ben");
        assertThat(renamed.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(renamed.createdAt()).isEqualTo(T0);

        // the same name in another playbook is another reply
        StoredPlaybook other = services.playbooks().importYaml("other.en.yaml",
                InboxFixture.playbookWithAccount().replace("id: inbox-test", "id: other-test"), "anna");
        replies.create(other.id(), "Holding reply", "Elsewhere.", null, "anna");
        assertThat(replies.list(other.id())).hasSize(1);
        assertThat(replies.list(playbook)).hasSize(2);
    }

    @Test
    void emptyTooLongOrBrokenFieldsAreRefusedWithWhatToDo() {
        assertThatThrownBy(() -> replies.create(playbook, " ", "text", null, "anna"))
                .isInstanceOf(ValidationException.class).hasMessage("a saved reply needs a name");
        assertThatThrownBy(() -> replies.create(playbook, "n".repeat(101), "text", null, "anna"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("the name of a saved reply is longer than 100 characters (101); shorten it");
        assertThatThrownBy(() -> replies.create(playbook, "Name", "\n  \n", null, "anna"))
                .isInstanceOf(ValidationException.class).hasMessage("a saved reply needs its text");
        assertThatThrownBy(() -> replies.create(playbook, "Name", "t".repeat(5001), null, "anna"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("the text of a saved reply is longer than 5000 characters (5001); shorten it");
        assertThatThrownBy(() -> replies.create(playbook, "Na\u0000me", "text", null, "anna"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("the name of the saved reply");
        assertThatThrownBy(() -> replies.create(playbook, "Name", "text", null, " "))
                .isInstanceOf(ValidationException.class).hasMessage("every change needs an author");
        assertThatThrownBy(() -> replies.create(4242, "Name", "text", null, "anna"))
                .isInstanceOf(ValidationException.class).hasMessage("no playbook #4242; list them with: playbooks list");
        assertThat(replies.list(playbook)).isEmpty();
        assertThat(replies.create(playbook, "n".repeat(100), "t".repeat(5000), null, "anna").text()).hasSize(5000);
    }

    @Test
    void deletedRepliesAreGoneAndTheOthersSurviveReopeningTheStore() {
        SavedReply keep = replies.create(playbook, "Keep", "We're sorry.\r\nSee {{hub_url}}.", InboxType.COMPLAINT,
                "anna");
        SavedReply drop = replies.create(playbook, "Drop", "Bye.", null, "anna");
        replies.delete(drop.id());
        assertThat(replies.find(drop.id())).isEmpty();
        assertThatThrownBy(() -> replies.delete(drop.id())).isInstanceOf(ValidationException.class)
                .hasMessage("no saved reply #" + drop.id() + " (it may have been deleted)");

        store.close();
        store = TestStores.openIn(tmp);
        Services again = Services.create(store, clock);
        List<SavedReply> stored = again.savedReplies().list(playbook);
        assertThat(stored).extracting(SavedReply::name).containsExactly("Keep");
        assertThat(stored.get(0).text()).as("line breaks as \\n").isEqualTo("We're sorry.\nSee {{hub_url}}.");
        assertThat(stored.get(0)).isEqualTo(again.savedReplies().find(keep.id()).orElseThrow());
        assertThat(stored.get(0).mentionType()).isEqualTo(InboxType.COMPLAINT);
    }
}

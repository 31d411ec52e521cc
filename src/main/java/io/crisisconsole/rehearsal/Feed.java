package io.crisisconsole.rehearsal;

import io.crisisconsole.playbooks.Channel;

/** The simulated channels of an exercise. Stored by name. */
public enum Feed {
    /** Social posts: the injects' and the team's. */
    MICROBLOG,
    /** News stories, and the team's press statements and hub posts. */
    NEWSWIRE,
    /** E-mail and phone: media inquiries, executives' questions, fact changes; the team's mails, SMS and memos. */
    MAILBOX;

    /** Where a publication of the team on {@code channel} shows. */
    public static Feed of(Channel channel) {
        return switch (channel) {
            case X, FACEBOOK, INSTAGRAM, LINKEDIN -> MICROBLOG;
            case WEBSITE, PRESS -> NEWSWIRE;
            case SMS, EMAIL, STAFF_MEMO, CALL_CENTRE -> MAILBOX;
        };
    }

    /** Where an inject of {@code type} lands. */
    public static Feed of(Scenario.InjectType type) {
        return switch (type) {
            case SOCIAL_POST, SOCIAL_WAVE, STAFF_LEAK, REPLAY -> MICROBLOG;
            case NEWS_STORY -> NEWSWIRE;
            case MEDIA_INQUIRY, EXECUTIVE_QUESTION, FACT_CHANGE -> MAILBOX;
        };
    }
}

package io.crisisconsole.playbooks.ui;

import io.crisisconsole.playbooks.Channel;

/** The message key that names a channel in the UI language ({@code channel.staffMemo}: "Staff memo"). */
public final class ChannelNames {

    private ChannelNames() {
    }

    public static String key(Channel c) {
        return switch (c) {
            case X -> "channel.x";
            case FACEBOOK -> "channel.facebook";
            case INSTAGRAM -> "channel.instagram";
            case LINKEDIN -> "channel.linkedin";
            case SMS -> "channel.sms";
            case EMAIL -> "channel.email";
            case WEBSITE -> "channel.website";
            case PRESS -> "channel.press";
            case STAFF_MEMO -> "channel.staffMemo";
            case CALL_CENTRE -> "channel.callCentre";
        };
    }
}

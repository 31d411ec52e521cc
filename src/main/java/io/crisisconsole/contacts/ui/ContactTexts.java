package io.crisisconsole.contacts.ui;

import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.Network;
import io.crisisconsole.toolkit.Messages;

/**
 * How the window names contact groups and networks: through the messages of the UI language
 * ({@code contactGroup.crisisTeam}, {@code network.other}). The domain {@code label()}s stay English
 * for the command line and the files.
 */
public final class ContactTexts {

    private final Messages messages;

    public ContactTexts(Messages messages) {
        this.messages = messages;
    }

    /** {@code Crisis team}. */
    public String group(ContactGroup group) {
        return messages.get(switch (group) {
            case CRISIS_TEAM -> "contactGroup.crisisTeam";
            case SPOKESPEOPLE -> "contactGroup.spokespeople";
            case CUSTOMER_CARE -> "contactGroup.customerCare";
            case LEGAL -> "contactGroup.legal";
            case EXECUTIVES -> "contactGroup.executives";
            case MEDIA -> "contactGroup.media";
            case AGENCIES -> "contactGroup.agencies";
            case SPECIALISTS -> "contactGroup.specialists";
        });
    }

    /** {@code LinkedIn}, {@code Other}. */
    public String network(Network network) {
        return messages.get(switch (network) {
            case X -> "network.x";
            case FACEBOOK -> "network.facebook";
            case INSTAGRAM -> "network.instagram";
            case LINKEDIN -> "network.linkedin";
            case SIGNAL -> "network.signal";
            case WHATSAPP -> "network.whatsapp";
            case TELEGRAM -> "network.telegram";
            case TEAMS -> "network.teams";
            case SLACK -> "network.slack";
            case OTHER -> "network.other";
        });
    }
}

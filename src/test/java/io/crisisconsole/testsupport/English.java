package io.crisisconsole.testsupport;

import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import java.time.ZoneId;
import java.util.Locale;

/** The English texts and formats (this machine's zone) the app uses by default, for tests. */
public final class English {

    public static final Messages MESSAGES = Messages.forLocale(Locale.ENGLISH);

    private English() {
    }

    public static Formats formats() {
        return new Formats(MESSAGES, ZoneId.systemDefault());
    }
}

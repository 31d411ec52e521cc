package io.crisisconsole.composer;

import io.crisisconsole.playbooks.Channel;
import java.util.List;
import java.util.Map;

/** A realistic English outage draft: the core message, the case and ten clean variants. */
public final class Drafts {

    private Drafts() {
    }

    public static final String HUB = "https://status.example.com";
    public static final String TAG = "#ExampleOutage";

    public static CoreMessage core() {
        return new CoreMessage(
                "Since 14:10 about 3,000 customers cannot log in to the Example app.",
                "Our engineers have found the cause and are rolling out a fix.",
                "Please check " + HUB + " for updates; do not reset your password.",
                "16:30",
                true,
                List.of("about 3,000 customers", "refund of €5 for every affected order", "helpline +44 20 7946 0958"));
    }

    public static MessageContext context() {
        return new MessageContext("en", TAG, HUB, true, Map.of(
                "en", List.of("no comment", "not our fault", "it was an employee's mistake", "the intern", "calm down"),
                "ru", List.of("без комментариев", "это не наша вина", "виноват сотрудник", "успокойтесь"),
                "pl", List.of("bez komentarza", "to nie nasza wina", "zawinił pracownik", "proszę się uspokoić"),
                "es", List.of("sin comentarios", "no es culpa nuestra", "fue culpa de un empleado", "cálmese")));
    }

    public static List<Variant> variants() {
        String body = "We are sorry: since 14:10 about 3,000 customers cannot log in to the Example app. Our engineers "
                + "have found the cause and are rolling out a fix. Please check " + HUB + " for updates and do not reset "
                + "your password. Every affected order gets a refund of €5. Next update at 16:30.";
        return List.of(
                new Variant(Channel.X, "We're sorry: about 3,000 of you can't log in since 14:10. A fix is rolling out. "
                        + "Please check " + HUB + " – next update 16:30. " + TAG),
                new Variant(Channel.FACEBOOK, body + " " + TAG),
                new Variant(Channel.INSTAGRAM, body + " Link in bio. " + TAG),
                new Variant(Channel.LINKEDIN, body + " " + TAG),
                new Variant(Channel.SMS, "Example: sorry, app login is down since 14:10. Fix in progress. Please check "
                        + "status.example.com. Next update 16:30."),
                new Variant(Channel.EMAIL, "Subject: We are sorry - login problems\n\n" + body
                        + "\n\nQuestions? Please call +44 20 7946 0958."),
                new Variant(Channel.WEBSITE, body),
                new Variant(Channel.PRESS, "Example apologizes to customers. " + body),
                new Variant(Channel.STAFF_MEMO, "Team, we are sorry for the stress today. " + body
                        + " Please use the approved lines only."),
                new Variant(Channel.CALL_CENTRE, "Say: we are sorry. About 3,000 customers cannot log in since 14:10. "
                        + "A fix is rolling out; a refund of €5 per affected order. Ask them to check " + HUB
                        + " and not to reset their password. Next update 16:30."));
    }
}

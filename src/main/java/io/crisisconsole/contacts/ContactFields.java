package io.crisisconsole.contacts;

import io.crisisconsole.toolkit.ValidationException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for each contact field, and the text form of the multi-valued ones, shared by the
 * record, the edit form and the CSV and vCard readers. Each check throws a
 * {@link ValidationException} naming the field as the CSV column does ({@code emails},
 * {@code time_zone}); the list readers collect every problem instead of stopping at the first.
 */
public final class ContactFields {

    public static final int MAX_NAME = 200;
    public static final int MAX_ROLE = 200;
    public static final int MAX_ORGANISATION = 200;
    public static final int MAX_AVAILABILITY = 500;
    public static final int MAX_NOTES = 10_000;
    public static final int MAX_EMAIL = 254;

    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");

    private ContactFields() {
    }

    public static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    public static String name(String name) {
        String n = blankToNull(name);
        if (n == null) {
            throw new ValidationException("name", "a contact needs a name");
        }
        return checkLength("name", "the name", n, MAX_NAME);
    }

    public static String roleTitle(String role) {
        return checkLength("role_title", "the role", blankToNull(role), MAX_ROLE);
    }

    public static String organisation(String organisation) {
        return checkLength("organisation", "the organisation", blankToNull(organisation), MAX_ORGANISATION);
    }

    public static String availability(String availability) {
        // one line: it is shown in lists and written as a single vCard property
        String a = availability == null ? null : availability.replaceAll("\\s*\\R\\s*", " ");
        return checkLength("availability", "the availability", blankToNull(a), MAX_AVAILABILITY);
    }

    public static String notes(String notes) {
        // line breaks stored as \n, whatever the file or the platform used
        String n = notes == null ? null : notes.replaceAll("\\r\\n?", "\n");
        return checkLength("notes", "the notes", blankToNull(n), MAX_NOTES);
    }

    private static String checkLength(String field, String what, String value, int max) {
        if (value != null && value.length() > max) {
            throw new ValidationException(field, what + " is longer than " + max + " characters");
        }
        return value;
    }

    /** A lowercase e-mail address. */
    public static String email(String address) {
        String a = address == null ? "" : address.strip();
        if (!EMAIL.matcher(a).matches() || a.length() > MAX_EMAIL || a.contains("..")) {
            throw new ValidationException("emails", "'" + a + "' is not an e-mail address");
        }
        return a.toLowerCase(Locale.ROOT);
    }

    /**
     * An IANA time-zone id such as {@code Europe/Warsaw}, in its canonical spelling (matched ignoring
     * case); null for blank. Offsets like {@code +02:00} are refused: they do not follow summer time.
     */
    public static String timeZone(String zone) {
        String z = blankToNull(zone);
        if (z == null) {
            return null;
        }
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.equalsIgnoreCase(z)) {
                return id;
            }
        }
        throw new ValidationException("time_zone", "'" + z + "' is not a time-zone name (IANA, e.g. Europe/Warsaw, "
                + "America/New_York, UTC)");
    }

    /** A BCP 47 language tag ({@code en}, {@code pl}, {@code es-MX}) in its normal spelling; null for blank. */
    public static String language(String tag) {
        String t = blankToNull(tag);
        if (t == null) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(t.replace('_', '-')).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new ValidationException("language", "'" + t + "' is not a language tag (BCP 47, e.g. en, ru, pl, es, "
                    + "pt-BR)");
        }
    }

    // --- multi-valued fields as text: "label: number; label: number" in CSV, one per line in the form

    /** Splits on {@code separator} (a regex), drops blank parts. */
    static List<String> parts(String text, String separator) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String p : text.split(separator, -1)) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** {@code label:number} items; a part without a colon is a number without a label. */
    public static List<Phone> phones(String text, String separator, List<ValidationException> problems) {
        List<Phone> out = new ArrayList<>();
        for (String p : parts(text, separator)) {
            int colon = p.indexOf(':');
            try {
                out.add(colon < 0 ? new Phone(null, p) : new Phone(p.substring(0, colon), p.substring(colon + 1)));
            } catch (ValidationException e) {
                problems.add(e);
            }
        }
        return out;
    }

    public static List<String> emails(String text, String separator, List<ValidationException> problems) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : parts(text, separator)) {
            try {
                String e = email(p);
                if (!out.add(e)) {
                    problems.add(new ValidationException("emails", "'" + e + "' is listed twice"));
                }
            } catch (ValidationException e) {
                problems.add(e);
            }
        }
        return new ArrayList<>(out);
    }

    /** {@code network:handle} items. */
    public static List<Handle> handles(String text, String separator, List<ValidationException> problems) {
        List<Handle> out = new ArrayList<>();
        for (String p : parts(text, separator)) {
            int colon = p.indexOf(':');
            if (colon < 0) {
                problems.add(new ValidationException("handles", "'" + p + "' has no network: write network:handle, "
                        + "e.g. x:@anna_pr (networks: " + Network.slugs() + ")"));
                continue;
            }
            String net = p.substring(0, colon);
            Network network = Network.find(net).orElse(null);
            if (network == null) {
                problems.add(new ValidationException("handles", "'" + net.strip() + "' is not a network (one of "
                        + Network.slugs() + ")"));
                continue;
            }
            try {
                out.add(new Handle(network, p.substring(colon + 1)));
            } catch (ValidationException e) {
                problems.add(e);
            }
        }
        return out;
    }

    public static Set<ContactGroup> groups(String text, String separator, List<ValidationException> problems) {
        Set<ContactGroup> out = EnumSet.noneOf(ContactGroup.class);
        for (String p : parts(text, separator)) {
            ContactGroup g = ContactGroup.find(p).orElse(null);
            if (g == null) {
                problems.add(new ValidationException("groups", "'" + p + "' is not a contact group (one of "
                        + ContactGroup.slugs() + ")"));
            } else {
                out.add(g);
            }
        }
        return out;
    }

    public static String formatPhones(List<Phone> phones, String separator) {
        return String.join(separator, phones.stream().map(p -> p.label() == null ? p.number()
                : p.label() + ":" + p.number()).toList());
    }

    public static String formatHandles(List<Handle> handles, String separator) {
        return String.join(separator, handles.stream().map(h -> h.network().slug() + ":" + h.handle()).toList());
    }

    public static String formatGroups(Set<ContactGroup> groups, String separator) {
        return String.join(separator, groups.stream().map(ContactGroup::slug).toList());
    }
}

package io.crisisconsole.contacts;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the search box matches: name, organisation, role, e-mail, phone digits (spaces and + in
 * the query are ignored), handle and group (slug or label). Case-insensitive; every word of the
 * query must match somewhere.
 */
public final class ContactSearch {

    private ContactSearch() {
    }

    public static Predicate<Contact> matching(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return c -> true;
        }
        if (q.matches("\\+?[0-9][0-9 ()-]*")) {
            String digits = q.replaceAll("[^0-9]", "");
            return c -> c.phones().stream().anyMatch(p -> p.digits().contains(digits))
                    || c.handles().stream().anyMatch(h -> h.handle().replaceAll("[^0-9]", "").contains(digits)
                            && !digits.isEmpty());
        }
        String[] words = q.split("\\s+");
        return c -> {
            for (String w : words) {
                if (!matchesWord(c, w)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static boolean matchesWord(Contact c, String w) {
        return contains(c.name(), w) || contains(c.organisation(), w) || contains(c.roleTitle(), w)
                || c.emails().stream().anyMatch(e -> e.contains(w))
                || c.handles().stream().anyMatch(h -> contains(h.handle(), w))
                || c.groups().stream().anyMatch(g -> g.slug().contains(w) || contains(g.label(), w));
    }

    private static boolean contains(String field, String needle) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(needle);
    }
}

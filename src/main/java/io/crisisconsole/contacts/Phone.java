package io.crisisconsole.contacts;

import io.crisisconsole.toolkit.ValidationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A phone number with an optional label ("mobile", "office", "duty"). Labels are kept lowercase
 * (vCard TYPE values are case-insensitive, so this is what survives a round trip). The number is
 * written the international way: {@code +}, then digits and single spaces, 6 to 20 digits.
 */
public record Phone(String label, String number) {

    public static final int MAX_LABEL = 40;
    private static final Pattern NUMBER = Pattern.compile("\\+[0-9][0-9 ]*");

    public Phone {
        label = ContactFields.blankToNull(label);
        if (label != null) {
            label = label.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (label.length() > MAX_LABEL) {
                throw new ValidationException("phones", "the phone label '" + label + "' is longer than " + MAX_LABEL
                        + " characters");
            }
            if (label.contains(":") || label.contains(";") || label.contains(",") || label.contains("\n")) {
                throw new ValidationException("phones", "the phone label '" + label + "' cannot contain : ; or ,");
            }
        }
        // hyphens and dots between digit groups are read as spaces: +48-601-234-567
        String n = number == null ? "" : number.replaceAll("(?<=[0-9])[-.](?=[0-9])", " ").strip()
                .replaceAll("\\s+", " ");
        if (!NUMBER.matcher(n).matches()) {
            throw new ValidationException("phones", "'" + n + "' is not a phone number: write it as +, country code "
                    + "and number, digits and spaces only (e.g. +48 601 234 567)");
        }
        long digits = n.chars().filter(Character::isDigit).count();
        if (digits < 6 || digits > 20) {
            throw new ValidationException("phones", "'" + n + "' is not a phone number: it has " + digits
                    + " digits (6 to 20)");
        }
        number = n;
    }

    /** Only the digits, for search. */
    public String digits() {
        return number.replaceAll("[^0-9]", "");
    }

    /** {@code label: number}, or the number alone. */
    @Override
    public String toString() {
        return label == null ? number : label + ": " + number;
    }
}

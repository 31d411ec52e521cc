package io.crisisconsole.contacts;

import java.util.List;

/**
 * What a CSV or vCard reader found: the valid records with where they came from, and every problem
 * as one line ({@code contacts.csv:12: column 'emails': 'anna(at)x' is not an e-mail address}).
 */
public record ImportRecords(List<Located> records, List<String> problems) {

    public ImportRecords {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    /**
     * One record.
     *
     * @param where the start of a problem line about it: {@code contacts.csv:12} or
     *        {@code contacts.vcf:30: card 3 (Anna Nowak)}
     * @param ref how another problem line refers to it: {@code line 12}, {@code card 3 (Anna Nowak)}
     * @param emailField how its e-mail field is named in a problem: {@code column 'emails'}, {@code EMAIL}
     */
    public record Located(String where, String ref, String emailField, ContactDetails details) {
    }
}

package io.crisisconsole.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crisisconsole.inbox.MentionValues.DateOrder;
import io.crisisconsole.inbox.MentionValues.SentimentScale;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which column of an export feeds which field of a mention, how its ambiguous dates ({@code 03/04/2026})
 * and sentiment numbers are read, and the header it was made for. The preview guesses one; the
 * person may change it; it can be saved as JSON ({@link #toJson}, {@link #fromJson}) and found again
 * for files with the same header by {@link #headerSignature()}.
 *
 * @param header the header row's cells as in the file
 * @param columns one entry per mapped field (at most one column per field), in column order
 * @param dateOrder how {@code 03/04/2026} is read (a value over 12 in the file settles it in the preview)
 * @param sentimentScale the scale of numeric sentiment scores
 */
public record MentionColumnMapping(List<String> header, List<Column> columns, DateOrder dateOrder,
        SentimentScale sentimentScale) {

    /** One mapped column: its 0-based index and header text. */
    public record Column(MentionField field, int index, String header) {
        public Column {
            Objects.requireNonNull(field, "field");
            if (index < 0) {
                throw new IllegalArgumentException("a column index is 0 or more");
            }
        }
    }

    public MentionColumnMapping {
        header = List.copyOf(header);
        Objects.requireNonNull(dateOrder, "dateOrder");
        Objects.requireNonNull(sentimentScale, "sentimentScale");
        List<Column> sorted = new ArrayList<>(columns);
        sorted.sort(Comparator.comparingInt(Column::index));
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                if (sorted.get(i).field() == sorted.get(j).field()) {
                    throw new IllegalArgumentException("the field " + sorted.get(i).field() + " is mapped twice");
                }
            }
        }
        columns = List.copyOf(sorted);
    }

    /** The column feeding {@code field}, if any. */
    public Optional<Column> column(MentionField field) {
        return columns.stream().filter(c -> c.field() == field).findFirst();
    }

    /** Index of the column feeding {@code field}, or -1. */
    public int indexOf(MentionField field) {
        return column(field).map(Column::index).orElse(-1);
    }

    /** This mapping with {@code field} fed by column {@code index} of the header (another field there loses it). */
    public MentionColumnMapping with(MentionField field, int index) {
        if (index >= header.size()) {
            throw new IllegalArgumentException("the header has " + header.size() + " columns, no column " + (index + 1));
        }
        List<Column> next = new ArrayList<>();
        for (Column c : columns) {
            if (c.field() != field && c.index() != index) {
                next.add(c);
            }
        }
        next.add(new Column(field, index, header.get(index)));
        return new MentionColumnMapping(header, next, dateOrder, sentimentScale);
    }

    /** This mapping without a column for {@code field}. */
    public MentionColumnMapping without(MentionField field) {
        List<Column> next = columns.stream().filter(c -> c.field() != field).toList();
        return new MentionColumnMapping(header, next, dateOrder, sentimentScale);
    }

    public MentionColumnMapping withDateOrder(DateOrder order) {
        return new MentionColumnMapping(header, columns, order, sentimentScale);
    }

    public MentionColumnMapping withSentimentScale(SentimentScale scale) {
        return new MentionColumnMapping(header, columns, dateOrder, scale);
    }

    /** What is missing for a file to be read with it (a date and a text column), as a sentence; empty when nothing. */
    public List<String> missing() {
        List<String> m = new ArrayList<>();
        if (indexOf(MentionField.DATE) < 0) {
            m.add("no column is mapped to the date; choose the column with the publication date");
        }
        if (indexOf(MentionField.TEXT) < 0) {
            m.add("no column is mapped to the text; choose the column with the mention's text");
        }
        return m;
    }

    /**
     * A stable key of the header (SHA-256, hex, of the normalised cells joined by a unit separator):
     * files whose header rows differ only in case, accents, punctuation or spacing have the same one.
     */
    public String headerSignature() {
        return signatureOf(header);
    }

    /** {@link #headerSignature()} of any header row. */
    public static String signatureOf(List<String> header) {
        String joined = String.join("\u001f", MentionColumns.normalised(header));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /** The mapping as JSON: {@code {"header":[...],"columns":[{"field":"DATE","index":0,"header":"Date"}],...}}. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a mapping is always writable", e);
        }
    }

    /** A mapping from {@link #toJson()}; a damaged text is refused with an {@link IllegalArgumentException} saying why. */
    public static MentionColumnMapping fromJson(String json) {
        try {
            MentionColumnMapping m = JSON.readValue(json, MentionColumnMapping.class);
            for (Column c : m.columns()) {
                if (c.index() >= m.header().size()) {
                    throw new IllegalArgumentException("the saved mapping names column " + (c.index() + 1)
                            + " but its header has " + m.header().size());
                }
            }
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the saved mapping is not readable: " + e.getOriginalMessage(), e);
        }
    }
}

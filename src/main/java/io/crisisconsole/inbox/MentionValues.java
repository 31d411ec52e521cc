package io.crisisconsole.inbox;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the cells of a mention export are read: dates and times in the shapes the listening tools
 * write them, counts with their separators and suffixes, sentiment words and scores, platform
 * names and domains, languages. Every method either returns the value or throws a
 * {@link MentionValueException} whose message names the cell ("the date '31/02/2026' is not a day").
 */
public final class MentionValues {

    /** Which of two small numbers comes first in a date like {@code 03/04/2026}. */
    public enum DateOrder {
        DAY_FIRST, MONTH_FIRST
    }

    /** How a tool scores sentiment in numbers (words are always understood). */
    public enum SentimentScale {
        /** -1 .. 1 (a value within ±0.05 is neutral). */
        MINUS_ONE_TO_ONE,
        /** -5 .. 5 (Talkwalker): below 0 negative, 0 neutral, above 0 positive. */
        MINUS_FIVE_TO_FIVE,
        /** 1 .. 5 like stars: 1-2 negative, 3 neutral, 4-5 positive. */
        ONE_TO_FIVE,
        /** 0 .. 100: below 40 negative, 40-60 neutral, above 60 positive. */
        ZERO_TO_HUNDRED
    }

    private MentionValues() {
    }

    // ---------------------------------------------------------------- text normalising

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * A header cell or word as it is compared: lowercase, accents dropped (NFD marks), {@code ł} as
     * {@code l}, {@code ё} as {@code е}, punctuation and runs of spaces as one space, trimmed.
     */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() > 64) {
            return normaliseNow(text);
        }
        String cached = NORMALISED.get(text);
        if (cached == null) {
            cached = normaliseNow(text);
            if (NORMALISED.size() < 4096) {
                NORMALISED.put(text, cached);
            }
        }
        return cached;
    }

    /** Short cells repeat (sentiment words, platforms, languages): their normal forms are kept, up to 4,096. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> NORMALISED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String normaliseNow(String text) {
        String t = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        t = MARKS.matcher(t).replaceAll("");
        t = t.replace('ł', 'l').replace('ё', 'е').replace('ß', 's');
        return NOT_WORD.matcher(t).replaceAll(" ").strip();
    }

    // ---------------------------------------------------------------- dates

    /** A date and maybe a time of day and an offset, as read from one cell. */
    record ParsedDate(LocalDate date, LocalTime time, ZoneOffset offset) {
        boolean hasTime() {
            return time != null;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:[.,][0-9]+)?");
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,4})([./-])(\\d{1,2})\\2(\\d{1,4})(?:[,T]?\\s*(.*))?");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2})(?:[.,]\\d{1,9})?)?\\s*(am|pm|a\\.\\s?m\\.?|p\\.\\s?m\\.?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OFFSET = Pattern.compile("(?:Z|UTC|GMT)?([+-])(\\d{1,2})(?::?(\\d{2}))?|Z|UTC|GMT",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MERIDIEM = Pattern.compile("am|pm|a\\.?\\s?m\\.?|p\\.?\\s?m\\.?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DASH_BETWEEN = Pattern.compile("(?<=\\p{L})-(?=\\d)|(?<=\\d)-(?=\\p{L})");
    private static final Pattern MERIDIEM_AFTER_DIGIT = Pattern.compile(
            "(?<=\\d)(?=(?i:am|pm|a\\.m\\.|p\\.m\\.)(?:\\s|$))");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final LocalDate EXCEL_EPOCH_1904 = LocalDate.of(1904, 1, 1);
    private static final Map<String, Integer> MONTHS = months();
    private static final List<String> SKIPPED_WORDS = List.of("de", "del", "г", "года", "год", "r", "roku", "в", "o",
            "a", "las", "la", "at", "um", "w", "godz", "ч");
    private static final List<String> WEEKDAYS = List.of("mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday",
            "thu", "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
            "пн", "вт", "ср", "чт", "пт", "сб", "вс", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
            "воскресенье", "pon", "wt", "sr", "czw", "pt", "sob", "niedz", "nd", "poniedzialek", "wtorek", "sroda",
            "czwartek", "piatek", "sobota", "niedziela", "lun", "mie", "jue", "vie", "sab", "dom", "lunes",
            "martes", "miercoles", "jueves", "viernes", "sabado", "domingo");

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new HashMap<>();
        String[][] names = {
            // English
            {"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"}, {"may"}, {"june", "jun"},
            {"july", "jul"}, {"august", "aug"}, {"september", "sep", "sept"}, {"october", "oct"},
            {"november", "nov"}, {"december", "dec"},
        };
        String[][] ru = {
            {"январь", "января", "янв"}, {"февраль", "февраля", "фев", "февр"}, {"март", "марта", "мар"},
            {"апрель", "апреля", "апр"}, {"май", "мая"}, {"июнь", "июня", "июн"}, {"июль", "июля", "июл"},
            {"август", "августа", "авг"}, {"сентябрь", "сентября", "сен", "сент"}, {"октябрь", "октября", "окт"},
            {"ноябрь", "ноября", "ноя", "нояб"}, {"декабрь", "декабря", "дек"},
        };
        String[][] pl = {
            {"styczen", "stycznia", "sty"}, {"luty", "lutego", "lut"}, {"marzec", "marca"},
            {"kwiecien", "kwietnia", "kwi"}, {"maj", "maja"}, {"czerwiec", "czerwca", "cze"},
            {"lipiec", "lipca", "lip"}, {"sierpien", "sierpnia", "sie"}, {"wrzesien", "wrzesnia", "wrz"},
            {"pazdziernik", "pazdziernika", "paz"}, {"listopad", "listopada", "lis"}, {"grudzien", "grudnia", "gru"},
        };
        String[][] es = {
            {"enero", "ene"}, {"febrero"}, {"marzo"}, {"abril", "abr"}, {"mayo"}, {"junio"}, {"julio"},
            {"agosto", "ago"}, {"septiembre", "setiembre", "set"}, {"octubre"}, {"noviembre"},
            {"diciembre", "dic"},
        };
        for (String[][] lang : new String[][][] {names, ru, pl, es}) {
            for (int i = 0; i < 12; i++) {
                for (String n : lang[i]) {
                    m.putIfAbsent(normalise(n), i + 1);
                }
            }
        }
        return Map.copyOf(m);
    }

    /**
     * The instant a date cell (and an optional time cell) stands for. {@code zone} is used when the
     * value has no offset of its own; {@code order} decides {@code 03/04/2026}. Unix seconds and
     * milliseconds and Excel serial days ({@code 46095.33}) are understood.
     */
    public static Instant instant(String dateCell, String timeCell, DateOrder order, ZoneId zone) {
        String d = dateCell == null ? "" : dateCell.strip();
        if (d.isEmpty()) {
            throw new MentionValueException("no date");
        }
        ParsedDate p = parseDate(d, order);
        String t = timeCell == null ? "" : timeCell.strip();
        if (!p.hasTime() && !t.isEmpty()) {
            ParsedDate time = parseTimeOnly(t);
            p = new ParsedDate(p.date(), time.time(), time.offset() != null ? time.offset() : p.offset());
        }
        LocalDateTime local = LocalDateTime.of(p.date(), p.time() == null ? LocalTime.MIDNIGHT : p.time());
        if (p.offset() != null) {
            return local.toInstant(p.offset());
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /** An Excel serial day number as a local date-time (1900 date system unless {@code date1904}). */
    public static LocalDateTime excelSerial(double serial, boolean date1904) {
        long millis = Math.round(serial * 86_400_000d);
        long days = Math.floorDiv(millis, 86_400_000L);
        long inDay = Math.floorMod(millis, 86_400_000L);
        LocalDate base = date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH;
        return LocalDateTime.of(base.plusDays(days), LocalTime.ofNanoOfDay(inDay * 1_000_000L));
    }

    /** Whether {@code cell} is written like day-month or month-day numbers and which one it must be. */
    static DateOrder settledOrder(String cell) {
        Matcher m = NUMERIC.matcher(cell == null ? "" : cell.strip());
        if (!m.matches() || m.group(1).length() > 2) {
            return null;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        if (a > 12 && b <= 12) {
            return DateOrder.DAY_FIRST;
        }
        if (b > 12 && a <= 12) {
            return DateOrder.MONTH_FIRST;
        }
        return null;
    }

    static ParsedDate parseDate(String value, DateOrder order) {
        if (NUMBER.matcher(value).matches()) {
            return serialOrEpoch(value);
        }
        Matcher iso = ISO.matcher(value);
        if (iso.matches()) {
            LocalDate date = date(value, Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)));
            LocalTime time = null;
            if (iso.group(4) != null) {
                time = time(value, Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)),
                        iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)), null);
                if (iso.group(7) != null) {
                    String f = (iso.group(7) + "000000000").substring(0, 9);
                    time = time.withNano(Integer.parseInt(f));
                }
            }
            return new ParsedDate(date, time, iso.group(8) == null ? null : offset(value, iso.group(8)));
        }
        Matcher num = NUMERIC.matcher(value);
        if (num.matches()) {
            String a = num.group(1);
            String b = num.group(3);
            String c = num.group(4);
            LocalDate date;
            if (a.length() == 4) {
                date = date(value, Integer.parseInt(a), Integer.parseInt(b), Integer.parseInt(c));
            } else if (c.length() == 4 || c.length() == 2) {
                int year = Integer.parseInt(c);
                if (c.length() == 2) {
                    year += 2000;
                }
                int x = Integer.parseInt(a);
                int y = Integer.parseInt(b);
                boolean dayFirst = order == DateOrder.DAY_FIRST;
                if (x > 12 && order == DateOrder.MONTH_FIRST || y > 12 && order == DateOrder.DAY_FIRST) {
                    throw new MentionValueException("the date '" + value + "' does not fit the "
                            + (dayFirst ? "day-first" : "month-first") + " order of its column (change the order)");
                }
                date = dayFirst ? date(value, year, y, x) : date(value, year, x, y);
            } else {
                throw new MentionValueException("the date '" + value + "' is not a date");
            }
            String rest = num.group(5) == null ? "" : num.group(5).strip();
            if (rest.isEmpty()) {
                return new ParsedDate(date, null, null);
            }
            ParsedDate t = parseTimeOnly(rest, value);
            return new ParsedDate(date, t.time(), t.offset());
        }
        return parseWords(value);
    }

    private static ParsedDate serialOrEpoch(String value) {
        String v = value.replace(',', '.');
        BigDecimal n = new BigDecimal(v);
        if (v.indexOf('.') < 0 && n.compareTo(BigDecimal.valueOf(100_000_000_000L)) >= 0) {
            return fromInstant(Instant.ofEpochMilli(n.longValueExact()), value);
        }
        if (v.indexOf('.') < 0 && n.compareTo(BigDecimal.valueOf(100_000_000L)) >= 0) {
            return fromInstant(Instant.ofEpochSecond(n.longValueExact()), value);
        }
        double serial = n.doubleValue();
        if (serial >= 20_000 && serial < 80_000) { // 1954-10-03 .. 2119-01-10: a serial day, not a count
            LocalDateTime t = excelSerial(serial, false);
            boolean hasTime = v.indexOf('.') >= 0;
            return new ParsedDate(t.toLocalDate(), hasTime ? t.toLocalTime() : null, null);
        }
        throw new MentionValueException("the date '" + value + "' is not a date");
    }

    private static ParsedDate fromInstant(Instant i, String value) {
        LocalDateTime t = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        if (t.getYear() < 1990 || t.getYear() > 2200) {
            throw new MentionValueException("the date '" + value + "' is not a date");
        }
        return new ParsedDate(t.toLocalDate(), t.toLocalTime(), ZoneOffset.UTC);
    }

    private static ParsedDate parseTimeOnly(String value) {
        if (NUMBER.matcher(value).matches()) { // an Excel time fraction in a CSV
            double f = Double.parseDouble(value.replace(',', '.'));
            if (f >= 0 && f < 1) {
                return new ParsedDate(null, excelSerial(f, false).toLocalTime(), null);
            }
        }
        return parseTimeOnly(value, value);
    }

    private static ParsedDate parseTimeOnly(String rest, String whole) {
        Matcher t = TIME.matcher(rest);
        if (!t.lookingAt()) {
            throw new MentionValueException("the time in '" + whole + "' is not a time of day");
        }
        LocalTime time = time(whole, Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)),
                t.group(3) == null ? 0 : Integer.parseInt(t.group(3)), t.group(4));
        String after = rest.substring(t.end()).strip();
        ZoneOffset off = null;
        if (!after.isEmpty()) {
            off = offset(whole, after);
        }
        return new ParsedDate(null, time, off);
    }

    /** Dates with month names: {@code 14 марта 2026}, {@code Mar 14, 2026 8:00 AM}, {@code 14-Mar-2026 08:30AM}. */
    private static ParsedDate parseWords(String value) {
        String v = MERIDIEM_AFTER_DIGIT.matcher(DASH_BETWEEN.matcher(value).replaceAll(" ")).replaceAll(" ");
        String[] tokens = v.split("[\\s,]+");
        Integer day = null;
        Integer month = null;
        Integer year = null;
        LocalTime time = null;
        String meridiem = null;
        ZoneOffset offset = null;
        int[] timeParts = null;
        for (String raw : tokens) {
            if (raw.isEmpty()) {
                continue;
            }
            String tok = raw.toLowerCase(Locale.ROOT);
            Matcher tm = TIME.matcher(tok);
            if (timeParts == null && tok.contains(":") && tm.matches()) {
                timeParts = new int[] {Integer.parseInt(tm.group(1)), Integer.parseInt(tm.group(2)),
                    tm.group(3) == null ? 0 : Integer.parseInt(tm.group(3))};
                meridiem = tm.group(4);
                continue;
            }
            if (MERIDIEM.matcher(tok).matches()) {
                meridiem = tok;
                continue;
            }
            if (OFFSET.matcher(raw).matches() && (tok.startsWith("+") || tok.startsWith("-") || tok.startsWith("z")
                    || tok.startsWith("utc") || tok.startsWith("gmt"))) {
                offset = offset(value, raw);
                continue;
            }
            String word = normalise(tok);
            if (word.isEmpty()) {
                continue;
            }
            if (word.chars().allMatch(Character::isDigit)) {
                if (word.length() == 4 && year == null) {
                    year = Integer.parseInt(word);
                    continue;
                }
                if (word.length() <= 2 && day == null) {
                    day = Integer.parseInt(word);
                    continue;
                }
                throw new MentionValueException("the date '" + value + "' is not a date");
            }
            Integer m = MONTHS.get(word);
            if (m == null && word.length() > 3 && word.endsWith("a")) {
                m = MONTHS.get(word.substring(0, word.length() - 1)); // rare genitives
            }
            if (m != null && month == null) {
                month = m;
                continue;
            }
            if (WEEKDAYS.contains(word) || SKIPPED_WORDS.contains(word)) {
                continue;
            }
            throw new MentionValueException("the date '" + value + "' is not a date");
        }
        if (day == null || month == null || year == null) {
            throw new MentionValueException("the date '" + value + "' is not a date");
        }
        LocalDate date = date(value, year, month, day);
        if (timeParts != null) {
            time = time(value, timeParts[0], timeParts[1], timeParts[2], meridiem);
        }
        return new ParsedDate(date, time, offset);
    }

    private static LocalDate date(String value, int year, int month, int day) {
        if (year < 1900 || year > 2200) {
            throw new MentionValueException("the date '" + value + "' is not a date (year " + year + ")");
        }
        if (month < 1 || month > 12) {
            throw new MentionValueException("the date '" + value + "' is not a date (there is no month " + month + ")");
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new MentionValueException("the date '" + value + "' is not a day");
        }
    }

    private static LocalTime time(String value, int hour, int minute, int second, String meridiem) {
        int h = hour;
        if (meridiem != null) {
            boolean pm = Character.toLowerCase(meridiem.charAt(0)) == 'p';
            if (h < 1 || h > 12) {
                throw new MentionValueException("the time in '" + value + "' is not a time of day");
            }
            h = h % 12 + (pm ? 12 : 0);
        }
        if (h > 23 || minute > 59 || second > 59) {
            throw new MentionValueException("the time in '" + value + "' is not a time of day");
        }
        return LocalTime.of(h, minute, second);
    }

    private static ZoneOffset offset(String value, String text) {
        Matcher m = OFFSET.matcher(text.strip());
        if (!m.matches()) {
            throw new MentionValueException("the time zone in '" + value + "' is not an offset such as +01:00 or Z");
        }
        if (m.group(1) == null) {
            return ZoneOffset.UTC;
        }
        try {
            int h = Integer.parseInt(m.group(2));
            int min = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            int sign = m.group(1).equals("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * h, sign * min);
        } catch (DateTimeException e) {
            throw new MentionValueException("the time zone in '" + value + "' is not an offset such as +01:00 or Z");
        }
    }

    // ---------------------------------------------------------------- numbers

    private static final Pattern GROUP_SPACES = Pattern.compile("[\\s\\u00A0\\u202F\\u2009\\u2007']+");
    private static final Pattern COUNT = Pattern.compile("([0-9]+(?:[.,][0-9]+)*)\\s*(\\p{L}+\\.?)?");
    private static final Map<String, Long> SUFFIXES = Map.ofEntries(Map.entry("k", 1_000L),
            Map.entry("тыс", 1_000L), Map.entry("tys", 1_000L), Map.entry("mil", 1_000L), Map.entry("m", 1_000_000L),
            Map.entry("mln", 1_000_000L), Map.entry("млн", 1_000_000L), Map.entry("mm", 1_000_000L),
            Map.entry("b", 1_000_000_000L), Map.entry("bn", 1_000_000_000L), Map.entry("млрд", 1_000_000_000L),
            Map.entry("mld", 1_000_000_000L));

    /**
     * A count such as reach or followers: {@code 1 234}, {@code 1 234} (no-break and narrow no-break
     * spaces), {@code 1.234}, {@code 1,234}, {@code 1.234,5}, {@code 12K}, {@code 1.2M},
     * {@code 12 тыс.}; null for an empty cell.
     */
    public static Long count(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String v = GROUP_SPACES.matcher(cell.strip()).replaceAll("");
        String spaced = cell.strip();
        Matcher m = COUNT.matcher(v);
        if (!m.matches()) {
            throw new MentionValueException("the number '" + spaced + "' is not a count");
        }
        String digits = m.group(1);
        long factor = 1;
        if (m.group(2) != null) {
            String s = m.group(2).toLowerCase(Locale.ROOT).replace(".", "");
            Long f = SUFFIXES.get(s);
            if (f == null) {
                throw new MentionValueException("the number '" + spaced + "' is not a count");
            }
            factor = f;
        }
        int dot = digits.lastIndexOf('.');
        int comma = digits.lastIndexOf(',');
        String plain;
        if (dot >= 0 && comma >= 0) {
            char decimal = dot > comma ? '.' : ',';
            char group = decimal == '.' ? ',' : '.';
            plain = digits.replace(String.valueOf(group), "").replace(decimal, '.');
        } else if (dot >= 0 || comma >= 0) {
            char sep = dot >= 0 ? '.' : ',';
            int first = digits.indexOf(sep);
            int last = Math.max(dot, comma);
            boolean grouping = first != last || (factor == 1 && digits.length() - last - 1 == 3);
            plain = grouping ? digits.replace(String.valueOf(sep), "") : digits.replace(sep, '.');
        } else {
            plain = digits;
        }
        try {
            return new BigDecimal(plain).multiply(BigDecimal.valueOf(factor)).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new MentionValueException("the number '" + spaced + "' is not a count");
        }
    }

    // ---------------------------------------------------------------- sentiment

    private static final Map<String, Sentiment> SENTIMENT_WORDS = sentimentWords();

    private static Map<String, Sentiment> sentimentWords() {
        Map<String, Sentiment> m = new HashMap<>();
        for (String w : List.of("positive", "pos", "positivo", "positiva", "позитив", "позитивный", "позитивная",
                "позитивное", "положительный", "положительная", "положительное", "pozytywny", "pozytywna",
                "pozytywne", "pozytyw", "good")) {
            m.put(normalise(w), Sentiment.POSITIVE);
        }
        for (String w : List.of("negative", "neg", "negativo", "negativa", "негатив", "негативный", "негативная",
                "негативное", "отрицательный", "отрицательная", "отрицательное", "negatywny", "negatywna",
                "negatywne", "negatyw", "bad")) {
            m.put(normalise(w), Sentiment.NEGATIVE);
        }
        for (String w : List.of("neutral", "neu", "neutro", "neutra", "нейтральный", "нейтральная", "нейтральное",
                "нейтрально", "нейтрал", "neutralny", "neutralna", "neutralne", "mixed", "смешанный", "mieszany",
                "mixto")) {
            m.put(normalise(w), Sentiment.NEUTRAL);
        }
        for (String w : List.of("unknown", "not rated", "unrated", "none", "n a", "na", "undefined", "не определено",
                "неизвестно", "nieznany", "brak", "desconocido", "sin clasificar")) {
            m.put(normalise(w), Sentiment.UNKNOWN);
        }
        return Map.copyOf(m);
    }

    /** The sentiment a cell says, as a word in en/ru/pl/es or a number on {@code scale}; UNKNOWN when empty. */
    public static Sentiment sentiment(String cell, SentimentScale scale) {
        if (cell == null || cell.isBlank() || cell.strip().equals("-") || cell.strip().equals("—")) {
            return Sentiment.UNKNOWN;
        }
        String word = normalise(cell);
        Sentiment s = SENTIMENT_WORDS.get(word);
        if (s != null) {
            return s;
        }
        String n = cell.strip().replace(',', '.').replace('\u2212', '-');
        double v;
        try {
            v = Double.parseDouble(n);
        } catch (NumberFormatException e) {
            throw new MentionValueException("the sentiment '" + cell.strip()
                    + "' is neither a word such as positive, neutral, negative nor a score");
        }
        SentimentScale sc = scale == null ? SentimentScale.MINUS_ONE_TO_ONE : scale;
        switch (sc) {
            case MINUS_ONE_TO_ONE:
                inRange(cell, v, -1, 1, "-1 to 1");
                return v < -0.05 ? Sentiment.NEGATIVE : v > 0.05 ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
            case MINUS_FIVE_TO_FIVE:
                inRange(cell, v, -5, 5, "-5 to 5");
                return v < 0 ? Sentiment.NEGATIVE : v > 0 ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
            case ONE_TO_FIVE:
                inRange(cell, v, 1, 5, "1 to 5");
                return v < 3 ? Sentiment.NEGATIVE : v > 3 ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
            default:
                inRange(cell, v, 0, 100, "0 to 100");
                return v < 40 ? Sentiment.NEGATIVE : v > 60 ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
        }
    }

    private static void inRange(String cell, double v, double min, double max, String range) {
        if (v < min || v > max) {
            throw new MentionValueException("the sentiment score '" + cell.strip() + "' is outside the column's scale "
                    + range);
        }
    }

    /** The scale numbers of a column are most likely on, from some of its values; null when none is a number. */
    static SentimentScale guessScale(List<String> cells) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        boolean fractions = false;
        for (String c : cells) {
            if (c == null || SENTIMENT_WORDS.containsKey(normalise(c))) {
                continue;
            }
            try {
                double v = Double.parseDouble(c.strip().replace(',', '.'));
                min = Math.min(min, v);
                max = Math.max(max, v);
                fractions |= v != Math.rint(v);
            } catch (NumberFormatException e) {
                // a word the sentiment reader will report
            }
        }
        if (min == Double.MAX_VALUE) {
            return null;
        }
        if (max > 5) {
            return SentimentScale.ZERO_TO_HUNDRED;
        }
        if (min >= -1 && max <= 1) {
            return SentimentScale.MINUS_ONE_TO_ONE;
        }
        if (min < 0 || fractions) {
            return SentimentScale.MINUS_FIVE_TO_FIVE;
        }
        return min >= 1 ? SentimentScale.ONE_TO_FIVE : SentimentScale.MINUS_FIVE_TO_FIVE;
    }

    // ---------------------------------------------------------------- platforms and languages

    private static final Map<String, String> PLATFORMS = platforms();
    private static final Pattern WEB_PREFIX = Pattern.compile("^(?i)(https?://)?(www\\.|m\\.|mobile\\.)?");
    private static final Pattern SCHEME = Pattern.compile("^(?i)https?://");

    private static Map<String, String> platforms() {
        Map<String, String> m = new HashMap<>();
        String[][] keys = {
            {"x", "x", "twitter", "x twitter", "twitter x", "tweet", "twitter com", "x com", "t co"},
            {"facebook", "facebook", "fb", "facebook com", "fb com", "fb me", "meta"},
            {"instagram", "instagram", "ig", "instagram com", "instagr am"},
            {"linkedin", "linkedin", "linkedin com", "lnkd in"},
            {"tiktok", "tiktok", "tik tok", "tiktok com"},
            {"youtube", "youtube", "you tube", "youtube com", "youtu be"},
            {"telegram", "telegram", "telegram org", "t me", "телеграм"},
            {"vk", "vk", "vkontakte", "вконтакте", "vk com", "vk ru"},
            {"reddit", "reddit", "reddit com"},
            {"news", "news", "online news", "print", "broadcast", "press", "новости", "сми", "пресса",
                "wiadomosci", "media", "prasa", "noticias", "prensa", "medios", "online", "portal", "portals",
                "news sites", "tv", "radio", "podcast", "podcasts"},
            {"blog", "blog", "blogs", "блог", "блоги", "blogi", "tumblr", "medium"},
            {"forum", "forum", "forums", "форум", "форумы", "fora", "foro", "foros", "message boards"},
            {"review", "review", "reviews", "отзыв", "отзывы", "opinie", "recenzje", "resenas", "resena",
                "opiniones", "google reviews", "trustpilot"},
        };
        for (String[] k : keys) {
            for (int i = 1; i < k.length; i++) {
                m.put(normalise(k[i]), k[0]);
            }
        }
        return Map.copyOf(m);
    }

    /**
     * The lowercase platform key ({@link IncomingMention#platform()}) of a platform cell (a name or a
     * domain), else of the mention's address; {@code other} when neither says.
     */
    public static String platform(String cell, String url) {
        String p = platformOf(cell);
        if (p != null) {
            return p;
        }
        String host = host(url);
        if (host != null) {
            p = platformOf(host);
            if (p != null) {
                return p;
            }
        }
        return "other";
    }

    private static String platformOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String n = normalise(WEB_PREFIX.matcher(text.strip()).replaceFirst(""));
        String p = PLATFORMS.get(n);
        if (p != null) {
            return p;
        }
        String[] words = n.split(" ");
        // a domain: twitter com / status ...; match on its first two words, then its first
        if (words.length >= 2) {
            p = PLATFORMS.get(words[0] + " " + words[1]);
        }
        return p != null ? p : words.length > 1 ? PLATFORMS.get(words[0]) : null;
    }

    private static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = SCHEME.matcher(url.strip()).replaceFirst("");
        int end = 0;
        while (end < u.length() && "/?#:".indexOf(u.charAt(end)) < 0) {
            end++;
        }
        return end == 0 ? null : u.substring(0, end);
    }

    private static final Map<String, String> LANGUAGES = normalisedKeys(Map.ofEntries(Map.entry("english", "en"),
            Map.entry("английский", "en"), Map.entry("angielski", "en"), Map.entry("ingles", "en"),
            Map.entry("russian", "ru"), Map.entry("русский", "ru"), Map.entry("rosyjski", "ru"), Map.entry("ruso", "ru"),
            Map.entry("polish", "pl"), Map.entry("польский", "pl"), Map.entry("polski", "pl"), Map.entry("polaco", "pl"),
            Map.entry("spanish", "es"), Map.entry("испанский", "es"), Map.entry("hiszpanski", "es"),
            Map.entry("espanol", "es"), Map.entry("castellano", "es"), Map.entry("ukrainian", "uk"),
            Map.entry("украинский", "uk"), Map.entry("german", "de"), Map.entry("french", "fr")));

    private static Map<String, String> normalisedKeys(Map<String, String> m) {
        Map<String, String> out = new HashMap<>();
        m.forEach((k, v) -> out.put(normalise(k), v));
        return Map.copyOf(out);
    }
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*");

    /** A BCP 47 tag for a language cell ({@code en}, {@code English}, {@code русский}, {@code es-ES}); null when empty or unknown. */
    public static String language(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String n = normalise(cell);
        String tag = LANGUAGES.get(n);
        if (tag != null) {
            return tag;
        }
        String v = cell.strip();
        if (LANGUAGE_TAG.matcher(v).matches()) {
            String t = Locale.forLanguageTag(v.replace('_', '-')).toLanguageTag();
            return t.equals("und") ? null : t;
        }
        return null;
    }
}

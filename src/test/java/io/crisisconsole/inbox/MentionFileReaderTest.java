package io.crisisconsole.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.crisisconsole.inbox.MentionFilePreview.Format;
import io.crisisconsole.inbox.MentionValues.DateOrder;
import io.crisisconsole.inbox.MentionValues.SentimentScale;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports in the shapes the listening tools write (see README "Importing mentions" for what each
 * layout is based on), made here, and hostile files.
 */
class MentionFileReaderTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant AT_0800 = Instant.parse("2026-03-14T08:00:00Z");

    @TempDir
    Path dir;

    private Path write(String name, String text, Charset cs, boolean bom) throws IOException {
        Path f = dir.resolve(name);
        byte[] body = text.getBytes(cs);
        byte[] prefix = !bom ? new byte[0]
                : cs.equals(StandardCharsets.UTF_8) ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                : cs.equals(StandardCharsets.UTF_16LE) ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                : new byte[] {(byte) 0xFE, (byte) 0xFF};
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        Files.write(f, all);
        return f;
    }

    private static MentionReadResult readAll(Path f, MentionFilePreview p) {
        return MentionFileReader.read(f, p, p.mapping(), UTC, MentionFileReader.Progress.none(), () -> false);
    }

    @Test
    void brandwatchCsvWithPreambleEmbeddedNewlinesQuotesAndFormulaCells() throws IOException {
        String csv = "Brandwatch Report\r\n"
                + "\"Report:\",\"Mentions export\"\r\n"
                + "\"Query Name:\",\"Acme outage\"\r\n"
                + "\"Date Range:\",\"2026-03-13 - 2026-03-14\"\r\n"
                + "\r\n"
                + "Query Id,Query Name,Date,Title,Url,Domain,Sentiment,Page Type,Language,Country,Author,Full Name,"
                + "Full Text,Thread Id,Twitter Followers,Resource Id\r\n"
                + "1998,Acme outage,2026-03-14 08:00:00.0,,https://twitter.com/anna/status/1,twitter.com,negative,"
                + "twitter,en,Poland,anna,Anna N,\"Down again?\r\nSecond line, with \"\"quotes\"\"\",,\"1,234\",111\r\n"
                + "1998,Acme outage,2026-03-14 08:05:00.0,,https://twitter.com/bob/status/2,twitter.com,neutral,"
                + "twitter,en,Poland,bob,Bob,\"'+48 600 100 200 is your hotline?\",111,12K,112\r\n"
                + "1998,Acme outage,2026-03-14 08:06:00.0,,https://forum.example/t/3,forum.example,positive,"
                + "forum,en,Poland,@carol,Carol,@acme thanks,,,113\r\n";
        Path f = write("brandwatch.csv", csv, StandardCharsets.UTF_8, true);
        MentionFilePreview p = MentionFileReader.preview(f, UTC);
        assertThat(p.problems()).isEmpty();
        assertThat(p.layout()).isEqualTo("Brandwatch");
        assertThat(p.format()).isEqualTo(Format.CSV);
        assertThat(p.encoding()).isEqualTo("UTF-8");
        assertThat(p.delimiter()).isEqualTo(',');
        assertThat(p.headerLine()).isEqualTo(6);
        assertThat(p.mapping().column(MentionField.TEXT).orElseThrow().header()).isEqualTo("Full Text");
        assertThat(p.mapping().column(MentionField.PLATFORM).orElseThrow().header()).isEqualTo("Page Type");
        assertThat(p.rows()).hasSize(3);
        assertThat(p.rows()).allSatisfy(r -> assertThat(r.problems()).isEmpty());

        MentionReadResult r = readAll(f, p);
        assertThat(r.ok()).isTrue();
        assertThat(r.mentions()).hasSize(3);
        IncomingMention first = r.mentions().get(0);
        assertThat(first.line()).isEqualTo(7);
        assertThat(first.text()).isEqualTo("Down again?\r\nSecond line, with \"quotes\"");
        assertThat(first.publishedAt()).isEqualTo(AT_0800);
        assertThat(first.platform()).isEqualTo("x");
        assertThat(first.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(first.reach()).isEqualTo(1234L);
        assertThat(first.sourceId()).isEqualTo("111");
        assertThat(first.language()).isEqualTo("en");
        IncomingMention second = r.mentions().get(1);
        assertThat(second.line()).isEqualTo(9);
        assertThat(second.text()).isEqualTo("+48 600 100 200 is your hotline?");
        assertThat(second.replyTo()).isEqualTo("111");
        assertThat(second.reach()).isEqualTo(12_000L);
        assertThat(r.mentions().get(2).text()).isEqualTo("@acme thanks");
        assertThat(r.mentions().get(2).platform()).isEqualTo("forum");
    }

    private static final String MELTWATER_HEADER = String.join("\t", "Date", "Headline", "URL", "Opening Text",
            "Hit Sentence", "Source", "Influencer", "Country", "Subregion", "Language", "Reach", "Desktop Reach",
            "Mobile Reach", "Twitter Social Echo", "Facebook Social Echo", "Reddit Social Echo", "National Viewership",
            "Engagement", "AVE", "Sentiment", "Key Phrases", "Input Name", "Keywords", "Twitter Authority", "Tweet Id",
            "Twitter Id", "Twitter Client", "Twitter Screen Name", "Twitter User Profile Url", "Twitter Bio",
            "Twitter Followers", "Twitter Following", "Alternate Date Format", "Time", "State", "City",
            "Document Tags");

    private static String meltwaterRow(String date, String text, String source, String sentiment, String reach) {
        String[] cells = new String[37];
        java.util.Arrays.fill(cells, "");
        cells[0] = date;
        cells[2] = "https://twitter.com/acme_fan/status/99";
        cells[4] = text;
        cells[5] = source;
        cells[6] = "@acme_fan";
        cells[9] = "English";
        cells[10] = reach;
        cells[19] = sentiment;
        cells[21] = "Acme outage";
        cells[24] = "99";
        cells[32] = "Mar 14, 2026";
        cells[33] = "08:00 AM";
        return String.join("\t", cells);
    }

    @Test
    void meltwaterLegacyUtf16LeTabExportWithAndWithoutBom() throws IOException {
        String text = MELTWATER_HEADER + "\r\n"
                + meltwaterRow("14-Mar-2026 08:00AM", "@acme why is the app down", "Twitter", "Negative", "1 234") + "\r\n"
                + meltwaterRow("14-Mar-2026 08:30AM", "Zażółć gęślą jaźń – works for me", "Twitter", "Not Rated", "")
                + "\r\n";
        for (boolean bom : new boolean[] {true, false}) {
            Path f = write("meltwater" + bom + ".csv", text, StandardCharsets.UTF_16LE, bom);
            MentionFilePreview p = MentionFileReader.preview(f, UTC);
            assertThat(p.problems()).isEmpty();
            assertThat(p.encoding()).isEqualTo("UTF-16LE");
            assertThat(p.delimiter()).isEqualTo('\t');
            assertThat(p.format()).isEqualTo(Format.TSV);
            assertThat(p.layout()).isEqualTo("Meltwater");
            assertThat(p.mapping().column(MentionField.TEXT).orElseThrow().header()).isEqualTo("Hit Sentence");
            assertThat(p.mapping().column(MentionField.AUTHOR).orElseThrow().header()).isEqualTo("Influencer");
            MentionReadResult r = readAll(f, p);
            assertThat(r.problems()).isEmpty();
            assertThat(r.mentions()).extracting(IncomingMention::publishedAt)
                    .containsExactly(AT_0800, Instant.parse("2026-03-14T08:30:00Z"));
            assertThat(r.mentions().get(0).author()).isEqualTo("@acme_fan");
            assertThat(r.mentions().get(0).reach()).isEqualTo(1234L);
            assertThat(r.mentions().get(0).sourceId()).isEqualTo("99");
            assertThat(r.mentions().get(1).text()).isEqualTo("Zażółć gęślą jaźń – works for me");
            assertThat(r.mentions().get(1).sentiment()).isEqualTo(Sentiment.UNKNOWN);
        }
    }

    @Test
    void meltwaterCurrentCsvMonthFirstWithTimeColumn() throws IOException {
        String header = "Date,Headline,URL,Opening Text,Hit Sentence,Source,Influencer,Country,Subregion,State,City,"
                + "Language,Reach,Desktop Reach,Mobile Reach,Twitter Social Echo,Facebook Social Echo,"
                + "Reddit Social Echo,Earned Traffic,National Viewership,AVE,Sentiment,Key Phrases,Input Name,"
                + "Keywords,Document Tags,Engagement,Hashtags,Views,Estimated Views,Custom Categories";
        String row = "03/14/2026,Acme outage hits users,https://news.example/acme,Acme's app was down on Saturday,"
                + "Acme's app was down,Example News,Jane Reporter,United States,,,,English,\"120,000\",,,,,,,,,"
                + "Neutral,,Acme outage,,,,,,,";
        Path f = write("meltwater-current.csv", header + "\n" + row + "\n", StandardCharsets.UTF_8, false);
        MentionFilePreview p = MentionFileReader.preview(f, ZoneId.of("America/New_York"));
        assertThat(p.layout()).isEqualTo("Meltwater");
        assertThat(p.mapping().dateOrder()).isEqualTo(DateOrder.MONTH_FIRST); // 14 settles it
        MentionReadResult r = MentionFileReader.read(f, p, p.mapping(), ZoneId.of("America/New_York"),
                MentionFileReader.Progress.none(), () -> false);
        assertThat(r.problems()).isEmpty();
        IncomingMention m = r.mentions().get(0);
        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2026-03-14T04:00:00Z")); // midnight EDT
        assertThat(m.reach()).isEqualTo(120_000L);
        assertThat(m.platform()).isEqualTo("news"); // from the address news.example
        assertThat(m.author()).isEqualTo("Jane Reporter");
    }

    @Test
    void talkwalkerEpochMillisecondsAndMinusFiveToFiveSentiment() throws IOException {
        String csv = "url,published,title,content,lang,sentiment,source_type,reach,extra_author_attributes.name,"
                + "parent_url\n"
                + "https://www.reddit.com/r/acme/1," + AT_0800.toEpochMilli() + ",,So the outage again,en,-3,"
                + "SOCIAL,\"2,500\",redditor,\n"
                + "https://www.youtube.com/watch?v=x," + (AT_0800.toEpochMilli() + 60_000) + ",,Review video,en,4,"
                + "VIDEO,1.2M,vlogger,https://www.reddit.com/r/acme/1\n";
        Path f = write("talkwalker.csv", csv, StandardCharsets.UTF_8, false);
        MentionFilePreview p = MentionFileReader.preview(f, UTC);
        assertThat(p.layout()).isEqualTo("Talkwalker");
        assertThat(p.mapping().sentimentScale()).isEqualTo(SentimentScale.MINUS_FIVE_TO_FIVE);
        MentionReadResult r = readAll(f, p);
        assertThat(r.problems()).isEmpty();
        assertThat(r.mentions()).extracting(IncomingMention::sentiment)
                .containsExactly(Sentiment.NEGATIVE, Sentiment.POSITIVE);
        assertThat(r.mentions()).extracting(IncomingMention::platform).containsExactly("reddit", "youtube");
        assertThat(r.mentions().get(0).publishedAt()).isEqualTo(AT_0800);
        assertThat(r.mentions().get(1).replyTo()).isEqualTo("https://www.reddit.com/r/acme/1");
        assertThat(r.mentions().get(1).reach()).isEqualTo(1_200_000L);
        assertThat(r.mentions().get(0).author()).isEqualTo("redditor");
    }

    @Test
    void brand24XlsxWithDateStyledCellAndSplitHour() throws IOException {
        Path f = dir.resolve("brand24.xlsx");
        XlsxFixture.write(f, XlsxFixture.brand24());
        MentionFilePreview p = MentionFileReader.preview(f, UTC);
        assertThat(p.problems()).isEmpty();
        assertThat(p.format()).isEqualTo(Format.XLSX);
        assertThat(p.layout()).isEqualTo("Brand24");
        assertThat(p.headerLine()).isEqualTo(3);
        AtomicInteger calls = new AtomicInteger();
        MentionReadResult r = MentionFileReader.read(f, p, p.mapping(), UTC, (d, t) -> calls.incrementAndGet(),
                () -> false);
        assertThat(r.problems()).isEmpty();
        assertThat(r.mentions()).hasSize(2);
        assertThat(r.mentions().get(0).publishedAt()).isEqualTo(AT_0800);
        assertThat(r.mentions().get(0).text()).isEqualTo("Line one\nline two");
        assertThat(r.mentions().get(0).line()).isEqualTo(4);
        assertThat(r.mentions().get(1).publishedAt()).isEqualTo(Instant.parse("2026-03-14T09:00:00Z"));
        assertThat(r.mentions().get(1).text()).isEqualTo("=not a formula");
        assertThat(r.mentions().get(1).platform()).isEqualTo("facebook");
        assertThat(calls.get()).isPositive();
    }

    @Test
    void youscanRussianExportInWindows1251WithSemicolons() throws IOException {
        String csv = "Дата;Время;Источник;Тип поста;Автор;Аудитория;Текст;Тональность;Ссылка;Язык\r\n"
                + "14.03.2026;08:00;vk.com;Пост;Иван Петров;12 тыс.;Опять не работает приложение, что случилось?;"
                + "негатив;https://vk.com/wall-1_2;русский\r\n"
                + "14.03.2026;08:15;telegram;Комментарий;Мария;1 234;Спасибо, у меня всё работает;позитив;"
                + "https://t.me/acme/5;русский\r\n";
        Path f = write("youscan.csv", csv, Charset.forName("windows-1251"), false);
        MentionFilePreview p = MentionFileReader.preview(f, UTC);
        assertThat(p.problems()).isEmpty();
        assertThat(p.encoding()).isEqualTo("windows-1251");
        assertThat(p.delimiter()).isEqualTo(';');
        assertThat(p.layout()).isEqualTo("YouScan");
        MentionReadResult r = readAll(f, p);
        assertThat(r.problems()).isEmpty();
        IncomingMention m = r.mentions().get(0);
        assertThat(m.text()).isEqualTo("Опять не работает приложение, что случилось?");
        assertThat(m.author()).isEqualTo("Иван Петров");
        assertThat(m.publishedAt()).isEqualTo(AT_0800);
        assertThat(m.reach()).isEqualTo(12_000L);
        assertThat(m.platform()).isEqualTo("vk");
        assertThat(m.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(m.language()).isEqualTo("ru");
        assertThat(r.mentions().get(1).platform()).isEqualTo("telegram");
        assertThat(r.mentions().get(1).reach()).isEqualTo(1234L);
    }

    @Test
    void sproutSocialMonthFirstTwelveHourClock() throws IOException {
        String csv = "Date,Network,Message Type,Profile,From,Message,Link,Sentiment\n"
                + "03/04/2026 8:00 PM,Instagram,Comment,Acme,@fan1,Love it,https://instagram.com/p/1,Positive\n"
                + "03/04/2026 8:05 am,LinkedIn,Mention,Acme,Jan Kowalski,Any update?,https://linkedin.com/x,\n";
        Path f = write("sprout.csv", csv, StandardCharsets.UTF_8, false);
        MentionFilePreview p = MentionFileReader.preview(f, UTC);
        assertThat(p.layout()).isEqualTo("Sprout Social");
        assertThat(p.mapping().dateOrder()).isEqualTo(DateOrder.MONTH_FIRST); // from the layout: nothing settles it
        MentionReadResult r = readAll(f, p);
        assertThat(r.problems()).isEmpty();
        assertThat(r.mentions()).extracting(IncomingMention::publishedAt).containsExactly(
                Instant.parse("2026-03-04T20:00:00Z"), Instant.parse("2026-03-04T08:05:00Z"));
        assertThat(r.mentions()).extracting(IncomingMention::platform).containsExactly("instagram", "linkedin");
        assertThat(r.mentions().get(0).author()).isEqualTo("@fan1");
        // the person says it is day-first: the same rows read as 3 April
        MentionReadResult dayFirst = MentionFileReader.read(f, p, p.mapping().withDateOrder(DateOrder.DAY_FIRST), UTC,
                MentionFileReader.Progress.none(), () -> false);
        assertThat(dayFirst.mentions().get(0).publishedAt()).isEqualTo(Instant.parse("2026-04-03T20:00:00Z"));
    }

    @Test
    void hootsuiteInboxMessagesExport() throws IOException {
        String csv = "Message ID,Conversation ID,Created at,Medium,Channel,Contact Primary Identifier,Direction,Content\n"
                + "m-1,c-9,2026-03-14T08:00:00Z,Facebook,Acme Page,Piotr,Inbound,Where is my refund?\n";
        Path f = write("hootsuite.csv", csv, StandardCharsets.UTF_8, false);
        MentionFilePreview p = MentionFileReader.preview(f, UTC);
        assertThat(p.layout()).isEqualTo("Hootsuite");
        MentionReadResult r = readAll(f, p);
        assertThat(r.problems()).isEmpty();
        IncomingMention m = r.mentions().get(0);
        assertThat(m.sourceId()).isEqualTo("m-1");
        assertThat(m.replyTo()).isEqualTo("c-9");
        assertThat(m.platform()).isEqualTo("facebook");
        assertThat(m.author()).isEqualTo("Piotr");
    }

    @Test
    void polishWindows1250WithExcelSepLineAndSpanishPipes() throws IOException {
        String pl = "sep=;\r\nData;Treść;Autor;Link;Zasięg;Sentyment\r\n"
                + "14 marca 2026 08:00;Aplikacja znów nie działa, źle się dzieje;Łukasz Żółć;https://wykop.pl/1;"
                + "1.234;negatywny\r\n";
        Path f = write("wzmianki.csv", pl, Charset.forName("windows-1250"), false);
        MentionFilePreview p = MentionFileReader.preview(f, UTC);
        assertThat(p.problems()).isEmpty();
        assertThat(p.encoding()).isEqualTo("windows-1250");
        assertThat(p.delimiter()).isEqualTo(';');
        assertThat(p.headerLine()).isEqualTo(2);
        MentionReadResult r = readAll(f, p);
        assertThat(r.problems()).isEmpty();
        assertThat(r.mentions().get(0).text()).isEqualTo("Aplikacja znów nie działa, źle się dzieje");
        assertThat(r.mentions().get(0).author()).isEqualTo("Łukasz Żółć");
        assertThat(r.mentions().get(0).line()).isEqualTo(3);
        assertThat(r.mentions().get(0).reach()).isEqualTo(1234L);
        assertThat(r.mentions().get(0).publishedAt()).isEqualTo(AT_0800);

        String latin2 = "Data;Treść;Autor\n14.03.2026 08:00;Ślą pozdrowienia, żółć i źdźbło;Ąna\n";
        Path l2 = write("latin2.csv", latin2, Charset.forName("ISO-8859-2"), false);
        MentionFilePreview p2 = MentionFileReader.preview(l2, UTC);
        assertThat(p2.encoding()).isEqualTo("ISO-8859-2");
        assertThat(readAll(l2, p2).mentions().get(0).text()).isEqualTo("Ślą pozdrowienia, żółć i źdźbło");

        String es = "Fecha|Texto|Autor|Enlace|Alcance|Sentimiento\n"
                + "14 de marzo de 2026 08:00|¿Por qué no funciona la aplicación?|José|https://x.com/jose/1|1.234,5|Negativo\n";
        Path e = write("menciones.csv", es, Charset.forName("windows-1252"), false);
        MentionFilePreview pe = MentionFileReader.preview(e, UTC);
        assertThat(pe.encoding()).isEqualTo("windows-1252");
        assertThat(pe.delimiter()).isEqualTo('|');
        MentionReadResult re = readAll(e, pe);
        assertThat(re.problems()).isEmpty();
        assertThat(re.mentions().get(0).text()).isEqualTo("¿Por qué no funciona la aplicación?");
        assertThat(re.mentions().get(0).platform()).isEqualTo("x");
        assertThat(re.mentions().get(0).reach()).isEqualTo(1235L);
    }

    @Test
    void utf16BigEndianWithBom() throws IOException {
        Path f = write("be.tsv", "Date\tText\n2026-03-14 08:00\tHello\n", StandardCharsets.UTF_16BE, true);
        MentionFilePreview p = MentionFileReader.preview(f, UTC);
        assertThat(p.encoding()).isEqualTo("UTF-16BE");
        assertThat(readAll(f, p).mentions()).extracting(IncomingMention::text).containsExactly("Hello");
    }

    @Test
    void rowsWithProblemsAreLocatedAndTheGoodRowsKept() throws IOException {
        StringBuilder csv = new StringBuilder("Date,Text,Sentiment\n");
        csv.append("14/03/2026 08:00,\"first\nspans two lines\",positive\n"); // lines 2-3
        csv.append("31/02/2026 08:00,no such day,neutral\n"); // line 4
        csv.append("14/03/2026 08:01,,neutral\n"); // line 5
        csv.append("14/03/2026 08:02,fine,very happy\n"); // line 6
        Path f = write("mentions.csv", csv.toString(), StandardCharsets.UTF_8, false);
        MentionFilePreview p = MentionFileReader.preview(f, UTC);
        assertThat(p.mapping().dateOrder()).isEqualTo(DateOrder.DAY_FIRST);
        assertThat(p.rows().get(1).problems()).containsExactly("mentions.csv:4: the date '31/02/2026 08:00' is not a day");
        MentionReadResult r = readAll(f, p);
        assertThat(r.goodRows()).isEqualTo(1);
        assertThat(r.problems()).containsExactly(
                "mentions.csv:4: the date '31/02/2026 08:00' is not a day",
                "mentions.csv:5: no text",
                "mentions.csv:6: the sentiment 'very happy' is neither a word such as positive, neutral, negative nor a score");
        assertThat(r.ok()).isFalse();
        assertThat(r.refused()).isFalse();
    }

    @Test
    void atMostOneHundredProblemsAreListed() throws IOException {
        StringBuilder csv = new StringBuilder("Date,Text\n");
        for (int i = 0; i < 150; i++) {
            csv.append("not a date,text ").append(i).append('\n');
        }
        Path f = write("many.csv", csv.toString(), StandardCharsets.UTF_8, false);
        MentionReadResult r = readAll(f, MentionFileReader.preview(f, UTC));
        assertThat(r.problemCount()).isEqualTo(150);
        assertThat(r.problems()).hasSize(101);
        assertThat(r.problems().get(100)).isEqualTo("and 50 more problems (only the first 100 are listed)");
    }

    @Test
    void progressIsReportedAndCancelStopsPromptly() throws IOException {
        StringBuilder csv = new StringBuilder("Date,Text\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("2026-03-14T08:00:00Z,mention ").append(i).append('\n');
        }
        Path f = write("big.csv", csv.toString(), StandardCharsets.UTF_8, false);
        MentionFilePreview p = MentionFileReader.preview(f, UTC);
        List<long[]> updates = new ArrayList<>();
        MentionReadResult all = MentionFileReader.read(f, p, p.mapping(), UTC, (d, t) -> updates.add(new long[] {d, t}),
                () -> false);
        assertThat(all.mentions()).hasSize(5000);
        assertThat(updates).isNotEmpty();
        assertThat(updates.get(updates.size() - 1)).containsExactly(Files.size(f), Files.size(f));
        AtomicInteger seen = new AtomicInteger();
        MentionReadResult cancelled = MentionFileReader.read(f, p, p.mapping(), UTC, MentionFileReader.Progress.none(),
                () -> seen.get() >= 10, m -> seen.incrementAndGet());
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(seen.get()).isEqualTo(10);
    }

    @Test
    void mappingRoundTripsAsJsonAndItsSignatureIgnoresCaseAndPunctuation() throws IOException {
        Path f = write("m.csv", "Date,Full Text,Author\n2026-03-14T08:00:00Z,hi,anna\n", StandardCharsets.UTF_8, false);
        MentionColumnMapping m = MentionFileReader.preview(f, UTC).mapping().with(MentionField.URL, 2);
        assertThat(m.indexOf(MentionField.AUTHOR)).isEqualTo(-1);
        assertThat(MentionColumnMapping.fromJson(m.toJson())).isEqualTo(m);
        assertThat(m.headerSignature()).isEqualTo(MentionColumnMapping.signatureOf(List.of(" DATE", "full-text", "Author")))
                .isNotEqualTo(MentionColumnMapping.signatureOf(List.of("Date", "Text", "Author")));

        Path other = write("other.csv", "Date,Text\n2026-03-14T08:00:00Z,hi\n", StandardCharsets.UTF_8, false);
        MentionReadResult r = MentionFileReader.read(other, MentionFileReader.preview(other, UTC), m, UTC,
                MentionFileReader.Progress.none(), () -> false);
        assertThat(r.refused()).isTrue();
        assertThat(r.problems()).containsExactly("other.csv:1: the mapping was made for another header (Date, Full Text,"
                + " Author); choose the columns for this file's header");
    }

    @Test
    void aColumnTheGuessMissedIsMappedByHandAndThePreviewReadAgain() throws IOException {
        Path f = write("comments.csv", "Date,Author,Kommentar\n2026-03-14T08:00:00Z,anna,the app is down\n",
                StandardCharsets.UTF_8, false);
        MentionFilePreview p = MentionFileReader.preview(f, UTC);
        assertThat(p.problems()).containsExactly(
                "comments.csv:1: no column is mapped to the text; choose the column with the mention's text");
        assertThat(p.readable()).isFalse();
        assertThat(readAll(f, p).problems()).containsExactly(
                "comments.csv:1: no column is mapped to the text; choose the column with the mention's text");
        MentionFilePreview fixed = MentionFileReader.withMapping(p, p.mapping().with(MentionField.TEXT, 2), UTC);
        assertThat(fixed.problems()).isEmpty();
        assertThat(fixed.rows().get(0).mention().text()).isEqualTo("the app is down");
        MentionReadResult r = MentionFileReader.read(f, fixed, fixed.mapping(), UTC, MentionFileReader.Progress.none(),
                () -> false);
        assertThat(r.ok()).isTrue();
        assertThat(r.mentions()).extracting(IncomingMention::author).containsExactly("anna");
    }

    // ---------------------------------------------------------------- hostile files

    @Test
    void binaryFilesAreOneClearProblem() throws IOException {
        Path png = dir.resolve("mentions.csv");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        assertThat(MentionFileReader.preview(png, UTC).problems())
                .containsExactly("mentions.csv: is a PNG image, not a CSV or TSV export; choose the exported .csv, .tsv or .xlsx file");
        Path zip = dir.resolve("export.csv");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("a.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(MentionFileReader.preview(zip, UTC).problems()).singleElement().asString()
                .startsWith("export.csv: is a ZIP archive");
        Path noise = dir.resolve("noise.csv");
        byte[] b = new byte[4000];
        new java.util.Random(1).nextBytes(b);
        Files.write(noise, b);
        assertThat(MentionFileReader.preview(noise, UTC).problems()).singleElement().asString()
                .startsWith("noise.csv: is not text");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeReading() throws IOException {
        Path f = dir.resolve("huge.csv");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(200L * 1024 * 1024); // sparse: 200 MB without writing them
        }
        assertThat(MentionFileReader.preview(f, UTC).problems()).containsExactly(
                "huge.csv: the file is 200.0 MiB; exports up to 128 MiB can be imported (split it in the listening tool)");
    }

    @Test
    void aHundredMegabyteLineAndAMillionColumnsAreRefusedWithTheLimit() throws IOException {
        Path f = dir.resolve("longline.csv");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("Date,Text\n2026-03-14T08:00:00Z,".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        MentionFilePreview p = MentionFileReader.preview(f, UTC);
        assertThat(p.problems()).containsExactly("longline.csv:2: a row longer than 1048576 characters"
                + " (a quote that is never closed, or not an export); it is not read");

        Path cols = dir.resolve("columns.csv");
        StringBuilder sb = new StringBuilder("Date,Text");
        sb.append(",".repeat(1_000_000)).append("\n");
        Files.writeString(cols, sb);
        assertThat(MentionFileReader.preview(cols, UTC).problems()).singleElement().asString()
                .isEqualTo("columns.csv:1: a row with 1000002 cells; at most 1024 columns are read");
    }

    @Test
    void anXlsxZipBombIsRefused() throws IOException {
        Path f = dir.resolve("bomb.xlsx");
        XlsxFixture.zipBomb(f);
        assertThat(MentionFileReader.preview(f, UTC).problems()).containsExactly("bomb.xlsx: the workbook part "
                + "xl/worksheets/sheet1.xml inflates more than 100 times its compressed size (a zip bomb?); it is not read");
    }

    @Test
    void emptyHeaderOnlyAndSheetlessFiles() throws IOException {
        Path empty = write("empty.csv", "", StandardCharsets.UTF_8, false);
        assertThat(MentionFileReader.preview(empty, UTC).problems()).containsExactly("empty.csv: the file is empty");

        Path headerOnly = write("header.csv", "Date,Text,Author\r\n", StandardCharsets.UTF_8, false);
        MentionFilePreview p = MentionFileReader.preview(headerOnly, UTC);
        assertThat(p.problems()).isEmpty();
        MentionReadResult r = readAll(headerOnly, p);
        assertThat(r.mentions()).isEmpty();
        assertThat(r.problems()).containsExactly("header.csv: no mentions below the header on line 1");

        Path noHeader = write("words.csv", "just,some\nwords,here\n", StandardCharsets.UTF_8, false);
        assertThat(MentionFileReader.preview(noHeader, UTC).problems()).singleElement().asString()
                .startsWith("words.csv: no header row in the first 50 rows");

        Path sheetless = dir.resolve("nosheets.xlsx");
        XlsxFixture.write(sheetless, null);
        assertThat(MentionFileReader.preview(sheetless, UTC).problems())
                .containsExactly("nosheets.xlsx: the workbook has no sheets");

        Path fake = write("fake.xlsx", "Date,Text\n", StandardCharsets.UTF_8, false);
        assertThat(MentionFileReader.preview(fake, UTC).problems()).singleElement().asString()
                .startsWith("fake.xlsx: is not an Excel .xlsx workbook");
    }
}

package io.crisisconsole.inbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes .xlsx workbooks the way Excel lays them out (the OOXML parts zipped by hand): text cells
 * as indexes into the shared strings part ({@code t="s"}), {@link Number} cells as numbers, {@link DateCell} as a serial day number
 * with a date style (built-in format 22, {@code m/d/yyyy h:mm}).
 */
public final class XlsxFixture {

    /** An Excel serial day number shown with a date style. */
    public record DateCell(double serial) {
    }

    private XlsxFixture() {
    }

    /**
     * Brand24's XLSX download of two mentions: a title row, an empty row, then its columns (ID, Date,
     * Hour...); the dates are Excel date cells of 14 March 2026, the first with its hour apart
     * (08:00:00), the second at 09:00 in the date cell; a formula-looking text.
     */
    public static List<List<Object>> brand24() {
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of("Brand24 - mentions of Acme"));
        rows.add(List.of());
        rows.add(List.of("ID", "Date", "Hour", "Title", "Content", "Source", "Author", "Sentiment", "Influence Score",
                "Reach", "Url"));
        rows.add(List.of("b24-1", new DateCell(46095), "08:00:00", "", "Line one\nline two", "twitter.com",
                "anna", "negative", 7, 1500, "https://twitter.com/anna/status/7"));
        rows.add(List.of("b24-2", new DateCell(46095.375), "", "", "=not a formula", "facebook.com",
                "jan", "positive", 3, "12K", "https://facebook.com/p/8"));
        return rows;
    }

    /** A "workbook" whose sheet part is 20 MiB of zeros (inflating about 1000 times): a zip bomb. */
    public static void zipBomb(Path f) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("xl/workbook.xml"));
            z.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 20; i++) {
                z.write(zeros);
            }
        }
    }

    public static void write(Path file, List<List<Object>> rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                    + "</Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            boolean sheet = rows != null;
            List<String> strings = new java.util.ArrayList<>();
            java.util.Map<String, Integer> indexes = new java.util.HashMap<>();
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + (sheet ? "<sheet name=\"Mentions\" sheetId=\"1\" r:id=\"rId1\"/>" : "") + "</sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + (sheet ? "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" : "")
                    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                    + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                    + "</Relationships>");
            put(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                    + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                    + "<borders count=\"1\"><border/></borders>"
                    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                    + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                    + "<xf numFmtId=\"22\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
                    + "</styleSheet>");
            if (sheet) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                for (int r = 0; r < rows.size(); r++) {
                    sb.append("<row r=\"").append(r + 1).append("\">");
                    List<Object> cells = rows.get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Object v = cells.get(c);
                        String ref = column(c) + (r + 1);
                        if (v == null) {
                            continue;
                        }
                        if (v instanceof DateCell d) {
                            sb.append("<c r=\"").append(ref).append("\" s=\"1\"><v>").append(d.serial()).append("</v></c>");
                        } else if (v instanceof Number n) {
                            sb.append("<c r=\"").append(ref).append("\"><v>").append(n).append("</v></c>");
                        } else {
                            Integer index = indexes.computeIfAbsent(v.toString(), k -> {
                                strings.add(k);
                                return strings.size() - 1;
                            });
                            sb.append("<c r=\"").append(ref).append("\" t=\"s\"><v>").append(index).append("</v></c>");
                        }
                    }
                    sb.append("</row>");
                    if (sb.length() > 1 << 16) {
                        zip.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                        sb.setLength(0);
                    }
                }
                sb.append("</sheetData></worksheet>");
                zip.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"")
                    .append(strings.size()).append("\" uniqueCount=\"").append(strings.size()).append("\">");
            for (String t : strings) {
                sst.append("<si><t xml:space=\"preserve\">").append(escape(t)).append("</t></si>");
            }
            put(zip, "xl/sharedStrings.xml", sst.append("</sst>").toString());
        }
    }

    static String column(int c) {
        StringBuilder s = new StringBuilder();
        int n = c + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            s.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return s.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}

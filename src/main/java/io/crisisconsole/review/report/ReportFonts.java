package io.crisisconsole.review.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled font of the review report: DejaVu Sans, Sans Bold and Sans Mono (free licence, see
 * {@code fonts/LICENSE-DejaVu.txt} beside them), with Latin, Polish, Cyrillic and Greek glyphs. The
 * PDF embeds them; the charts draw with them.
 */
final class ReportFonts {

    static final String FAMILY = "DejaVu Sans";
    static final String MONO_FAMILY = "DejaVu Sans Mono";
    static final String REGULAR = "fonts/DejaVuSans.ttf";
    static final String BOLD = "fonts/DejaVuSans-Bold.ttf";
    static final String MONO = "fonts/DejaVuSansMono.ttf";

    private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();
    private static final Map<Integer, Font> AWT = new ConcurrentHashMap<>();

    private ReportFonts() {
    }

    /** The font file's bytes (read once). */
    static byte[] bytes(String resource) {
        return BYTES.computeIfAbsent(resource, r -> {
            try (InputStream in = ReportFonts.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("The report font " + r + " is missing from the application; "
                            + "rebuild it (mvn package).");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** DejaVu Sans (or Bold) for the charts, at {@code size} points. */
    static Font chartFont(int style, float size) {
        Font base = AWT.computeIfAbsent(style == Font.BOLD ? Font.BOLD : Font.PLAIN, s -> {
            try (InputStream in = new java.io.ByteArrayInputStream(bytes(s == Font.BOLD ? BOLD : REGULAR))) {
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("The bundled report font cannot be read: " + e.getMessage(), e);
            }
        });
        return base.deriveFont(size);
    }
}

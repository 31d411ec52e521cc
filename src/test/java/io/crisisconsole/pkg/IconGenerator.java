package io.crisisconsole.pkg;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the app's icon (a dark rounded square, an amber speech bubble with "CC" drawn as two arcs,
 * two signal arcs above it) with Java2D at each size, and writes the files the installers take,
 * under {@code src/main/package}: {@code linux/crisis-console.png} (512),
 * {@code windows/crisis-console.ico} (16 to 64 as 32-bit bitmaps, 256 as PNG) and
 * {@code macos/crisis-console.icns} (PNG entries, 16 to 1024); and the window's own icons (16, 32,
 * 64, 256) under {@code src/main/resources/io/crisisconsole/icons}. No font: the letters are
 * strokes, so every machine draws the same picture.
 *
 * <p>Run after changing the drawing: {@code mvn -q test-compile && java -Djava.awt.headless=true -cp
 * target/test-classes io.crisisconsole.pkg.IconGenerator src/main}; {@code IconFilesTest} checks the
 * committed files.
 */
public final class IconGenerator {

    private static final Color TOP = new Color(0x2B3A4D);
    private static final Color BOTTOM = new Color(0x111923);
    private static final Color SIGNAL = new Color(0xFFB02E);
    private static final Color INK = new Color(0x111923);

    /** The sizes in the Windows icon; 256 is stored as PNG, the others as bitmaps (every Windows reads those). */
    static final List<Integer> ICO_SIZES = List.of(16, 24, 32, 48, 64, 256);
    /** The window's icons (title bar, task bar, Alt+Tab), in the jar. */
    static final List<Integer> WINDOW_SIZES = List.of(16, 32, 64, 256);
    /** The macOS icon entries: type and pixel size, each a PNG. */
    static final List<IcnsEntry> ICNS_ENTRIES = List.of(new IcnsEntry("icp4", 16), new IcnsEntry("icp5", 32),
            new IcnsEntry("ic11", 32), new IcnsEntry("ic12", 64), new IcnsEntry("ic07", 128),
            new IcnsEntry("ic13", 256), new IcnsEntry("ic08", 256), new IcnsEntry("ic14", 512),
            new IcnsEntry("ic09", 512), new IcnsEntry("ic10", 1024));

    record IcnsEntry(String type, int size) {
    }

    private IconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path main = Path.of(args.length > 0 ? args[0] : "src/main");
        Path out = main.resolve("package");
        Files.createDirectories(out.resolve("linux"));
        Files.createDirectories(out.resolve("windows"));
        Files.createDirectories(out.resolve("macos"));
        Files.write(out.resolve("linux/crisis-console.png"), png(draw(512)));
        Files.write(out.resolve("windows/crisis-console.ico"), ico());
        Files.write(out.resolve("macos/crisis-console.icns"), icns());
        Path window = main.resolve("resources/io/crisisconsole/icons");
        Files.createDirectories(window);
        for (int size : WINDOW_SIZES) {
            Files.write(window.resolve("crisis-console-" + size + ".png"), png(draw(size)));
        }
    }

    /** The icon drawn at {@code size} pixels square, transparent outside the rounded square. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.transform(AffineTransform.getScaleInstance(size / 512.0, size / 512.0));
            // the tile; small sizes fill more of it, so they read at 16 px
            double inset = size <= 32 ? 0 : 16;
            g.setPaint(new GradientPaint(0, 0, TOP, 0, 512, BOTTOM));
            g.fill(new RoundRectangle2D.Double(inset, inset, 512 - 2 * inset, 512 - 2 * inset, 112, 112));

            g.setColor(SIGNAL);
            g.fill(bubble());
            if (size > 24) {
                // two signal arcs from the bubble's upper right corner
                g.setStroke(new BasicStroke(24, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                for (double r : new double[] {50, 92}) {
                    g.draw(new Arc2D.Double(372 - r, 150 - r, 2 * r, 2 * r, 5, 80, Arc2D.OPEN));
                }
            }
            // "CC": two open arcs, the opening to the right
            g.setColor(INK);
            g.setStroke(new BasicStroke(size <= 24 ? 44 : 32, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (double cx : new double[] {168, 282}) {
                g.draw(new Arc2D.Double(cx - 52, 258 - 58, 104, 116, 50, 260, Arc2D.OPEN));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Area bubble() {
        Area bubble = new Area(new RoundRectangle2D.Double(60, 150, 320, 216, 84, 84));
        Path2D tail = new Path2D.Double();
        tail.moveTo(112, 330);
        tail.lineTo(96, 436);
        tail.lineTo(204, 352);
        tail.closePath();
        bubble.add(new Area(tail));
        return bubble;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An ICO file: the header, one directory entry per size, then each image. */
    static byte[] ico() {
        List<byte[]> images = ICO_SIZES.stream().map(s -> s >= 256 ? png(draw(s)) : dib(draw(s))).toList();
        ByteBuffer out = ByteBuffer.allocate(6 + 16 * images.size() + images.stream().mapToInt(b -> b.length).sum())
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        int offset = 6 + 16 * images.size();
        for (int i = 0; i < images.size(); i++) {
            int size = ICO_SIZES.get(i);
            out.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)); // 0 means 256
            out.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            out.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(out::put);
        return out.array();
    }

    /** A 32-bit BGRA bitmap as an ICO entry holds it: bottom-up, twice the height, an all-zero AND mask. */
    private static byte[] dib(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int maskRow = ((w + 31) / 32) * 4;
        ByteBuffer out = ByteBuffer.allocate(40 + w * h * 4 + maskRow * h).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(40).putInt(w).putInt(2 * h).putShort((short) 1).putShort((short) 32);
        out.putInt(0).putInt(w * h * 4 + maskRow * h).putInt(0).putInt(0).putInt(0).putInt(0);
        for (int y = h - 1; y >= 0; y--) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                out.put((byte) argb).put((byte) (argb >> 8)).put((byte) (argb >> 16)).put((byte) (argb >>> 24));
            }
        }
        return out.array(); // the mask stays zero: the alpha channel decides
    }

    /** An ICNS file: {@code icns}, the total length, then each entry as type, length and PNG data. */
    static byte[] icns() {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream entries = new DataOutputStream(body);
            for (IcnsEntry e : ICNS_ENTRIES) {
                byte[] data = png(draw(e.size()));
                entries.writeBytes(e.type());
                entries.writeInt(8 + data.length);
                entries.write(data);
            }
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            DataOutputStream header = new DataOutputStream(file);
            header.writeBytes("icns");
            header.writeInt(8 + body.size());
            body.writeTo(file);
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

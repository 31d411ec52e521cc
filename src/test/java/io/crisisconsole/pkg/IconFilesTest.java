package io.crisisconsole.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The committed icon files are whole and hold the sizes {@link IconGenerator} writes: the installers
 * take them as they are, and a broken one shows only on the system that builds that installer.
 */
class IconFilesTest {

    private static final Path PACKAGE = Path.of("src/main/package");

    @Test
    void theLinuxIconIsA512PixelPngAndTheWindowHasItsSizes() throws IOException {
        assertThat(size(Files.readAllBytes(PACKAGE.resolve("linux/crisis-console.png")))).isEqualTo(512);
        for (int s : IconGenerator.WINDOW_SIZES) {
            byte[] png = Files.readAllBytes(Path.of("src/main/resources/io/crisisconsole/icons/crisis-console-" + s + ".png"));
            assertThat(size(png)).as("window icon %d", s).isEqualTo(s);
        }
    }

    @Test
    void theWindowsIconHasEverySizeItsDirectoryNames() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(PACKAGE.resolve("windows/crisis-console.ico")))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ico.getShort(0)).isZero();
        assertThat(ico.getShort(2)).as("type: icon").isEqualTo((short) 1);
        int count = ico.getShort(4);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int width = Byte.toUnsignedInt(ico.get(entry)) == 0 ? 256 : Byte.toUnsignedInt(ico.get(entry));
            int length = ico.getInt(entry + 8);
            int offset = ico.getInt(entry + 12);
            assertThat(offset + length).as("entry %d inside the file", i).isLessThanOrEqualTo(ico.capacity());
            byte[] image = Arrays.copyOfRange(ico.array(), offset, offset + length);
            if (width == 256) {
                assertThat(size(image)).isEqualTo(256);
            } else {
                ByteBuffer dib = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
                assertThat(dib.getInt(0)).as("BITMAPINFOHEADER").isEqualTo(40);
                assertThat(dib.getInt(4)).isEqualTo(width);
                assertThat(dib.getInt(8)).as("height, twice with the mask").isEqualTo(2 * width);
                assertThat(dib.getShort(14)).as("bits per pixel").isEqualTo((short) 32);
            }
            sizes.add(width);
        }
        assertThat(sizes).isEqualTo(IconGenerator.ICO_SIZES);
    }

    @Test
    void theMacIconHasEveryEntryAsAPngOfItsSize() throws IOException {
        byte[] file = Files.readAllBytes(PACKAGE.resolve("macos/crisis-console.icns"));
        ByteBuffer icns = ByteBuffer.wrap(file);
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(icns.getInt(4)).as("the length in the header").isEqualTo(file.length);
        List<IconGenerator.IcnsEntry> entries = new ArrayList<>();
        int at = 8;
        while (at < file.length) {
            String type = new String(file, at, 4, StandardCharsets.US_ASCII);
            int length = icns.getInt(at + 4);
            entries.add(new IconGenerator.IcnsEntry(type, size(Arrays.copyOfRange(file, at + 8, at + length))));
            at += length;
        }
        assertThat(at).isEqualTo(file.length);
        assertThat(entries).isEqualTo(IconGenerator.ICNS_ENTRIES);
    }

    /** The side of a square PNG. */
    private static int size(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a readable PNG").isNotNull();
        assertThat(image.getHeight()).as("square").isEqualTo(image.getWidth());
        return image.getWidth();
    }
}

package io.crisisconsole.toolkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one way the app reads a file it did not write itself (playbooks, drafts, contact files, the
 * key file): the size is checked before anything is read and never more than the limit is read
 * (the file may grow in between), and text must be valid UTF-8. Each refusal names its reason, so
 * every reader can report it in its own located form.
 */
public final class StrictText {

    /** Why a file was refused. */
    public enum Reason {
        NO_SUCH_FILE,
        FOLDER,
        PERMISSION_DENIED,
        UNREADABLE,
        TOO_LARGE,
        NOT_UTF8
    }

    /** A refused file; the message is a short phrase ("no such file", "not UTF-8 text", ...). */
    public static final class Refused extends Exception {
        private final Reason reason;
        private final long size;

        Refused(Reason reason, long size, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
            this.size = size;
        }

        public Reason reason() {
            return reason;
        }

        /** The size in bytes that was over the limit ({@link Reason#TOO_LARGE}), else -1. */
        public long size() {
            return size;
        }
    }

    private StrictText() {
    }

    /** At most {@code maxBytes} bytes of {@code file}; refused when larger (checked before and while reading). */
    public static byte[] readBytes(Path file, long maxBytes) throws Refused {
        if (maxBytes < 0 || maxBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new Refused(Reason.FOLDER, -1, "is a folder, not a file", null);
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge(size, maxBytes);
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) maxBytes + 1);
            }
        } catch (NoSuchFileException e) {
            throw new Refused(Reason.NO_SUCH_FILE, -1, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new Refused(Reason.PERMISSION_DENIED, -1, "cannot read the file: permission denied", e);
        } catch (IOException e) {
            throw new Refused(Reason.UNREADABLE, -1, "cannot read the file: " + e.getClass().getSimpleName(), e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(bytes.length, maxBytes);
        }
        return bytes;
    }

    /** {@link #readBytes} decoded as strict UTF-8 (malformed input refused, never replaced). */
    public static String readUtf8(Path file, long maxBytes) throws Refused {
        return decodeUtf8(readBytes(file, maxBytes));
    }

    /** Strict UTF-8: malformed or unmappable input is refused, never replaced. */
    public static String decodeUtf8(byte[] bytes) throws Refused {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(Reason.NOT_UTF8, -1, "not UTF-8 text", e);
        }
    }

    private static Refused tooLarge(long size, long maxBytes) {
        return new Refused(Reason.TOO_LARGE, size, "the file is " + size + " bytes; the limit is " + maxBytes, null);
    }
}

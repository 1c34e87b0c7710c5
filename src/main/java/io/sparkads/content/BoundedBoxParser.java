package io.sparkads.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Objects;
import java.util.Properties;
import org.mp4parser.ParsableBox;
import org.mp4parser.PropertyBoxParserImpl;

/**
 * The ISO box parser {@link VideoProbe} hands the {@code ftyp} and {@code moov} bytes to. isoparser
 * reserves a buffer of the size a box claims before reading it; a hostile 100-byte file could claim
 * gigabytes. This parser refuses any box claiming more than what is left. A new one per file:
 * isoparser's parser keeps per-call state.
 */
final class BoundedBoxParser extends PropertyBoxParserImpl {
    /** isoparser's box types, read once through this class's loader (also inside a packed jar). */
    private static final Properties BOX_TYPES = boxTypes();

    private static Properties boxTypes() {
        Properties types = new Properties();
        try (InputStream in =
                BoundedBoxParser.class
                        .getClassLoader()
                        .getResourceAsStream("isoparser2-default.properties")) {
            types.load(Objects.requireNonNull(in, "isoparser2-default.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    BoundedBoxParser() {
        super(BOX_TYPES);
    }

    @Override
    public ParsableBox parseBox(ReadableByteChannel channel, String parentType) throws IOException {
        if (channel instanceof Channel bounded && bounded.nextBoxSize() > bounded.remaining()) {
            throw new OversizedBox();
        }
        return super.parseBox(channel, parentType);
    }

    /** A box claimed more bytes than are left. */
    static final class OversizedBox extends IOException {}

    /** The {@code ftyp} and {@code moov} bytes, read by the parser, that know what is left. */
    static final class Channel implements ReadableByteChannel {
        private final ByteBuffer bytes;

        Channel(byte[] bytes) {
            this.bytes = ByteBuffer.wrap(bytes);
        }

        long remaining() {
            return bytes.remaining();
        }

        /** The size the next box's header claims, or 0 if no complete header is left. */
        long nextBoxSize() {
            int at = bytes.position();
            if (bytes.remaining() < 8) {
                return 0;
            }
            long size = Integer.toUnsignedLong(bytes.getInt(at));
            if (size == 1) {
                return bytes.remaining() < 16 ? Long.MAX_VALUE : bytes.getLong(at + 8);
            }
            return size;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (!bytes.hasRemaining()) {
                return -1;
            }
            int n = Math.min(dst.remaining(), bytes.remaining());
            dst.put(bytes.slice(bytes.position(), n));
            bytes.position(bytes.position() + n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }
}

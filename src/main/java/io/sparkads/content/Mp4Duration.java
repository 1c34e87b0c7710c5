package io.sparkads.content;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads an MP4 or MOV file's duration from its {@code mvhd} box. */
final class Mp4Duration {
    private Mp4Duration() {}

    static Optional<Integer> read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int matched = 0;
            int b;
            byte[] marker = {'m', 'v', 'h', 'd'};
            while ((b = in.read()) >= 0) {
                matched = b == marker[matched] ? matched + 1 : (b == marker[0] ? 1 : 0);
                if (matched == 4) {
                    return parse(in);
                }
            }
            return Optional.empty();
        }
    }

    private static Optional<Integer> parse(InputStream in) throws IOException {
        int version = in.read();
        in.skipNBytes(3);
        byte[] fields = in.readNBytes(version == 1 ? 28 : 16);
        ByteBuffer buffer = ByteBuffer.wrap(fields);
        long timescale;
        long duration;
        if (version == 1) {
            buffer.position(16);
            timescale = Integer.toUnsignedLong(buffer.getInt());
            duration = buffer.getLong();
        } else if (fields.length == 16) {
            buffer.position(8);
            timescale = Integer.toUnsignedLong(buffer.getInt());
            duration = Integer.toUnsignedLong(buffer.getInt());
        } else {
            return Optional.empty();
        }
        if (timescale == 0 || duration <= 0) {
            return Optional.empty();
        }
        long millis = duration * 1000 / timescale;
        return millis > 0 && millis <= Integer.MAX_VALUE
                ? Optional.of((int) millis)
                : Optional.empty();
    }
}

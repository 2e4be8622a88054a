package org.freezedesk.input;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body in chunks up to a limit, and refuses it (413) as soon as it declares or turns out to be
 * longer, so a body of any size never fills memory.
 */
public final class BoundedBody {

    private static final int CHUNK = 64 * 1024;

    private BoundedBody() {
    }

    public static byte[] read(InputStream body, long declaredLength, long maxBytes, String field) throws IOException {
        if (declaredLength > maxBytes) {
            throw new BodyTooLargeException(field, maxBytes);
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : CHUNK);
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        for (int read; (read = body.read(chunk)) != -1; ) {
            total += read;
            if (total > maxBytes) {
                throw new BodyTooLargeException(field, maxBytes);
            }
            content.write(chunk, 0, read);
        }
        return content.toByteArray();
    }

    /**
     * The body as a stream for readers that parse as they go (such as StAX): it throws {@link BodyTooLargeException} as
     * soon as more than {@code maxBytes} have been read, so a reader never consumes more.
     */
    public static InputStream limited(InputStream body, long declaredLength, long maxBytes, String field) {
        if (declaredLength > maxBytes) {
            throw new BodyTooLargeException(field, maxBytes);
        }
        return new FilterInputStream(body) {

            private long total;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                count(Math.max(read, 0));
                return read;
            }

            private void count(int read) {
                total += read;
                if (total > maxBytes) {
                    throw new BodyTooLargeException(field, maxBytes);
                }
            }
        };
    }

    /** Answered 413 naming the limit. */
    public static class BodyTooLargeException extends InputRefusedException {

        BodyTooLargeException(String field, long maxBytes) {
            super(field, "At most " + maxBytes / (1024 * 1024) + " MB; split the file");
        }
    }
}

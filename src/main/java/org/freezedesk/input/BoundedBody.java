package org.freezedesk.input;

import java.io.ByteArrayOutputStream;
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

    /** Answered 413 naming the limit. */
    public static class BodyTooLargeException extends InputRefusedException {

        BodyTooLargeException(String field, long maxBytes) {
            super(field, "At most " + maxBytes / (1024 * 1024) + " MB; split the file");
        }
    }
}

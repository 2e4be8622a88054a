package org.freezedesk.support;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/** The codes an authenticator app would show for a secret, now and in the next 30-second step. */
public final class Totp {

    private Totp() {
    }

    public static String now(String secret) {
        return at(secret, 0);
    }

    /** The code of the next step: still accepted, and later than any code used now. */
    public static String next(String secret) {
        return at(secret, 1);
    }

    /** A code of the right form that is not any currently valid code. */
    public static String wrong(String secret) {
        String right = now(secret) + next(secret) + at(secret, -1);
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", i);
            if (!right.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static String at(String secret, int offset) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, System.currentTimeMillis() / 30_000 + offset);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.freezedesk.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last event of the log and its hash: printed or exported, it lets anyone check later that nothing
 * up to that event was changed or cut off. Written as {@code <event id>:<hash>}.
 */
public record ChainHead(Long eventId, String hash, long eventCount) {

    /** Event ids are BIGINT: 18 digits always fit, so a longer id is refused as not a head rather than overflowing. */
    private static final Pattern TEXT = Pattern.compile("(\\d{1,18}):([0-9a-f]{64})");

    /** Reads the {@code <event id>:<hash>} form of a head that was kept outside the database. */
    public static ChainHead parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new InvalidChainHeadException(text);
        }
        return new ChainHead(Long.parseLong(m.group(1)), m.group(2), 0);
    }

    /** A chain head that is not written {@code <event id>:<hash>}. */
    public static class InvalidChainHeadException extends IllegalArgumentException {
        InvalidChainHeadException(String text) {
            this("A chain head is written <event id>:<64 hex digits>, or is a signed head, not: " + text, true);
        }

        private InvalidChainHeadException(String message, boolean complete) {
            super(message);
        }

        static InvalidChainHeadException notSigned(String reason) {
            return new InvalidChainHeadException("Not a valid signed chain head: " + reason, true);
        }
    }

    public String text() {
        return eventId == null ? "empty" : eventId + ":" + hash;
    }
}

package org.freezedesk.input;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Cursor paging for API lists ({@code ?cursor=&limit=}): the cursor is opaque to clients (the last id seen, encoded),
 * the limit is bounded, and a page says where the next one starts, or null at the end.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private static final String PREFIX = "after:";

    /** The id to list after; the start for none. A cursor FreezeDesk never gave out is refused, naming the parameter. */
    public static long after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long id = Long.parseLong(text.substring(PREFIX.length()));
                if (id >= 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException notOurs) {
            // answered below, like any other cursor not given out by a previous page
        }
        throw new InputRefusedException("cursor", "Use the nextCursor of a previous page, or no cursor for the first page");
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InputRefusedException("limit", "Ask for 1 to " + MAX_LIMIT + " items per page");
        }
        return limit;
    }

    /** Fetch {@code limit + 1} items: the extra one only tells whether another page follows. */
    public static <T> CursorPage<T> of(List<T> fetched, int limit, ToLongFunction<T> id) {
        if (fetched.size() <= limit) {
            return new CursorPage<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        String next = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + id.applyAsLong(items.get(limit - 1))).getBytes(StandardCharsets.UTF_8));
        return new CursorPage<>(List.copyOf(items), next);
    }
}

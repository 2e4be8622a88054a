package org.freezedesk.input;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One page of a list answered by the JSON API: {@code items}, and {@code next}, the opaque cursor that asks for the
 * page after it ({@code null} on the last page). A cursor names the last item given, not a position, so items added
 * or gone between two calls neither repeat nor get skipped.
 */
public record CursorPage<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** {@code limit} as asked, or the default; outside 1 to {@value #MAX_LIMIT} it is refused, naming the parameter. */
    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InputRefusedException("limit", "Ask for 1 to " + MAX_LIMIT + " items");
        }
        return limit;
    }

    /** The key a cursor carries, or {@code null} for the first page; a cursor FreezeDesk never gave is refused. */
    public static String after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (cursor.length() > 400 || key.isEmpty() || !cursor.equals(encode(key))) {
                throw new IllegalArgumentException(cursor);
            }
            return key;
        } catch (IllegalArgumentException notOurs) {
            throw notOurs(cursor);
        }
    }

    /** For lists read from the database in id order: the id to list after, 0 for the first page. */
    public static long afterId(String cursor) {
        String key = after(cursor);
        if (key == null) {
            return 0;
        }
        try {
            long id = Long.parseLong(key);
            if (id >= 0 && key.equals(key(id))) {
                return id;
            }
        } catch (NumberFormatException notAnId) {
            // refused below, like any other cursor not given by a previous page of this list
        }
        throw notOurs(cursor);
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The page after {@code cursor} of {@code all}, in the order of their keys as text (pad numbers with
     * {@link #key(long)}, so that 10 comes after 9); keys must be unique.
     */
    public static <T> CursorPage<T> of(List<T> all, Function<T, String> key, String cursor, Integer limit) {
        int size = limit(limit);
        String after = after(cursor);
        List<T> rest = all.stream().filter(item -> after == null || key.apply(item).compareTo(after) > 0)
                .sorted(Comparator.comparing(key)).toList();
        List<T> items = rest.subList(0, Math.min(size, rest.size()));
        return new CursorPage<>(items, rest.size() > size ? encode(key.apply(items.get(items.size() - 1))) : null);
    }

    /** A page of {@code fetched}, read after {@link #afterId} with {@code limit + 1} rows: the extra one only tells that more follow. */
    public static <T> CursorPage<T> of(List<T> fetched, int limit, ToLongFunction<T> id) {
        if (fetched.size() <= limit) {
            return new CursorPage<>(fetched, null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new CursorPage<>(items, encode(key(id.applyAsLong(items.get(limit - 1)))));
    }

    /** A number as a key that sorts as text in numeric order. */
    public static String key(long number) {
        return String.format("%019d", number);
    }

    private static InputRefusedException notOurs(String cursor) {
        return new InputRefusedException("cursor", "This is not a cursor FreezeDesk gave; start again without one");
    }
}

package org.freezedesk.input;

/**
 * Where an error page links back to: the page of the thing the refused request was about, which is the first
 * two segments of its path ({@code /cases/FRZ-2026-000001/requests/1/summary} goes back to the case,
 * {@code /portal/<token>/responses} to the portal page).
 */
final class BackLinks {

    private BackLinks() {
    }

    static String of(String path) {
        if (path == null || !path.startsWith("/")) {
            return "/";
        }
        String[] segments = path.substring(1).split("/");
        if (segments.length == 0 || segments[0].isEmpty()) {
            return "/";
        }
        return segments.length == 1 ? "/" + segments[0] : "/" + segments[0] + "/" + segments[1];
    }
}

package org.freezedesk.input;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.validation.Errors;

/**
 * The limits every way into FreezeDesk applies. Control characters (NUL and the other C0/C1 controls, lone
 * surrogates) are refused in any text typed or sent, because PostgreSQL refuses NUL and reports and mails break
 * on the others; tab, line feed and carriage return are ordinary text. Only in names of uploaded files and on
 * output (reports) are control characters removed instead, as they carry no meaning there.
 */
public final class InputPolicy {

    /** The earliest date any form or API takes: before it there were no stolen crypto assets to freeze. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

    /** How far ahead a date may lie (freeze held until, hold extensions): beyond it no engine timer is planned. */
    public static final int MAX_YEARS_AHEAD = 10;

    /** Rows of targets or outcomes one form may hold; more come as a CSV import. */
    public static final int MAX_FORM_ROWS = 1000;

    public static final String CONTROL_CHARACTERS_MESSAGE = "Remove the control characters (such as NUL) from this field";

    private InputPolicy() {
    }

    public static LocalDate latestDate(LocalDate today) {
        return today.plusYears(MAX_YEARS_AHEAD);
    }

    public static boolean hasControlCharacters(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** For output and file names: the text without control characters or lone surrogates; tab and line breaks stay. */
    public static String withoutControlCharacters(String text) {
        if (text == null || !hasControlCharacters(text)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            } else if (!isControl(c) && !Character.isSurrogate(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    private static boolean isControl(char c) {
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
    }

    /** Why {@code date} is outside what FreezeDesk takes, or empty when it is inside. */
    public static Optional<String> dateOutOfRange(LocalDate date, LocalDate today) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(latestDate(today))) {
            return Optional.of("Enter a date between " + EARLIEST_DATE + " and " + latestDate(today));
        }
        return Optional.empty();
    }

    /**
     * Reads a date written YYYY-MM-DD and within range; otherwise puts the reason next to {@code field} and
     * returns empty. Blank text is empty with no error.
     */
    public static Optional<LocalDate> date(String text, String field, LocalDate today, Errors errors) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = text.strip().length() > 10 ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            errors.rejectValue(field, "date", "Enter a date as YYYY-MM-DD");
            return Optional.empty();
        }
        Optional<String> outOfRange = dateOutOfRange(date, today);
        if (outOfRange.isPresent()) {
            errors.rejectValue(field, "range", outOfRange.get());
            return Optional.empty();
        }
        return Optional.of(date);
    }
}

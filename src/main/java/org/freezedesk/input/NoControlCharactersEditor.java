package org.freezedesk.input;

import java.beans.PropertyEditorSupport;

/**
 * Binds text from forms and request parameters as typed, refusing control characters: the binder turns the
 * refusal into a field error ({@code typeMismatch.java.lang.String}) and the form shows what was typed again.
 */
class NoControlCharactersEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
        if (InputPolicy.hasControlCharacters(text)) {
            throw new IllegalArgumentException(InputPolicy.CONTROL_CHARACTERS_MESSAGE);
        }
        setValue(text);
    }

    @Override
    public String getAsText() {
        Object value = getValue();
        return value == null ? "" : value.toString();
    }
}

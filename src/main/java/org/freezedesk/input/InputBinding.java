package org.freezedesk.input;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/** Every form and request parameter of every controller is bound under the input policy. */
@ControllerAdvice
class InputBinding {

    @InitBinder
    void applyPolicy(WebDataBinder binder) {
        // Rows beyond the limit are refused as a whole (InputErrors) rather than grown into memory. This must
        // come first: any other configuration initializes the binder.
        binder.setAutoGrowCollectionLimit(InputPolicy.MAX_FORM_ROWS);
        binder.registerCustomEditor(String.class, new NoControlCharactersEditor());
    }
}

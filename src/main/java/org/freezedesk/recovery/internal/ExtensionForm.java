package org.freezedesk.recovery.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The counterparty's confirmation that it holds the funds longer. */
public class ExtensionForm {

    @NotBlank(message = "Give your name")
    @Size(max = 200, message = "At most 200 characters")
    private String name;
    @NotBlank(message = "Give the new date until which the funds stay frozen")
    private String heldUntil;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getHeldUntil() {
        return heldUntil;
    }

    public void setHeldUntil(String heldUntil) {
        this.heldUntil = heldUntil;
    }
}

package org.freezedesk.portal.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class VerificationForm {

    @NotBlank(message = "Enter the case reference from the request, such as FRZ-2026-000123")
    @Size(max = 40, message = "At most 40 characters")
    private String reference;

    @NotBlank(message = "Enter the verification code from the request, such as 7KQ4-M2XD")
    @Size(max = 40, message = "At most 40 characters")
    private String code;

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}

package org.freezedesk.portal.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class LinkRenewalForm {

    @NotBlank(message = "Enter the e-mail address at which you received the request")
    @Email(message = "Enter an e-mail address such as compliance@example.com")
    @Size(max = 320, message = "At most 320 characters")
    private String email;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}

package org.freezedesk.recovery.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The counterparty's refusal, with the reason the agency needs to act on. */
public class DeclineForm {

    @NotBlank(message = "Give your name")
    @Size(max = 200, message = "At most 200 characters")
    private String name;
    @NotBlank(message = "Say why, such as the local court order you need")
    @Size(max = 2000, message = "At most 2000 characters")
    private String reason;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

package org.freezedesk.recovery.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class ClosureForm {

    @NotBlank(message = "Write the closing summary: what was frozen, recovered and why the case ends")
    @Size(max = 4000, message = "At most 4000 characters")
    private String summary;

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }
}

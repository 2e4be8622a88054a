package org.freezedesk.portal.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class AcknowledgeForm {

    @NotBlank(message = "Enter your name")
    @Size(max = 200, message = "At most 200 characters")
    private String name;

    @NotBlank(message = "Enter your title or function")
    @Size(max = 200, message = "At most 200 characters")
    private String title;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }
}

package org.freezedesk.counterpartyrequest.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A phone call or e-mail the agency made while following up. */
public class ContactForm {

    @NotNull(message = "Choose phone or e-mail")
    private ContactChannel channel;

    @NotBlank(message = "Say whom you reached and what was agreed")
    @Size(max = 2000, message = "At most 2000 characters")
    private String note;

    public ContactChannel getChannel() {
        return channel;
    }

    public void setChannel(ContactChannel channel) {
        this.channel = channel;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}

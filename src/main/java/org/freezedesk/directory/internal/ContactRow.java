package org.freezedesk.directory.internal;

/** A contact as typed into the counterparty form. */
public class ContactRow {

    private String name;
    private String email;

    boolean isBlank() {
        return (name == null || name.isBlank()) && (email == null || email.isBlank());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}

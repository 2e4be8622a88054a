package org.freezedesk.security;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a new key is asked with, from a page or as JSON: a name unique to its owner, the roles it may use (a staff
 * user's key only) and the last day it works, {@code YYYY-MM-DD}, at most a year ahead.
 */
public class ApiKeyForm {

    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "No control characters.")
    @NotBlank(message = "Name the key, such as the system that will use it.")
    @Size(max = ApiKeys.MAX_NAME_LENGTH, message = "At most " + ApiKeys.MAX_NAME_LENGTH + " characters.")
    private String name;

    private Set<Role> scopes = EnumSet.noneOf(Role.class);

    @Size(max = 10, message = "Write the date as YYYY-MM-DD.")
    private String expiresOn;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Set<Role> getScopes() {
        return scopes;
    }

    public void setScopes(Set<Role> scopes) {
        this.scopes = scopes == null ? EnumSet.noneOf(Role.class) : scopes;
    }

    public String getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(String expiresOn) {
        this.expiresOn = expiresOn;
    }
}

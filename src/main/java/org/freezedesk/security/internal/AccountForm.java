package org.freezedesk.security.internal;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.freezedesk.security.Role;

/** A staff account: who, how to reach them, their roles and where they belong. */
public class AccountForm {

    @NotBlank(message = "Choose a user name.")
    @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "3 to 64 characters: lower-case letters, digits, '.', '_' or '-'.")
    private String username;

    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "No control characters.")
    @NotBlank(message = "Give the person's name.")
    @Size(max = 200, message = "At most 200 characters.")
    private String displayName;

    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "No control characters.")
    @NotBlank(message = "Give an e-mail address: the password link goes there.")
    @Size(max = 320, message = "At most 320 characters.")
    @Email(message = "Not an e-mail address.")
    private String email;

    private Set<Role> roles = EnumSet.noneOf(Role.class);

    /** Required for AGENCY, the name of a registered agency. */
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "No control characters.")
    @Size(max = 200, message = "At most 200 characters.")
    private String agency;

    /** Required for LEGAL. */
    private Long legalUnitId;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency == null || agency.isBlank() ? null : agency;
    }

    public Long getLegalUnitId() {
        return legalUnitId;
    }

    public void setLegalUnitId(Long legalUnitId) {
        this.legalUnitId = legalUnitId;
    }
}

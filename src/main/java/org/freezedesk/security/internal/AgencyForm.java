package org.freezedesk.security.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.freezedesk.security.VettingStatus;

/** An agency as the admin registers or changes it; its name is fixed once registered. */
public class AgencyForm {

    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "No control characters.")
    @NotBlank(message = "Name the agency.")
    @Size(max = 200, message = "At most 200 characters.")
    private String name;

    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "No control characters.")
    @NotBlank(message = "Name the country or jurisdiction.")
    @Size(max = 100, message = "At most 100 characters.")
    private String jurisdiction;

    /** One domain per line or separated by commas, as verified during vetting. */
    @NotBlank(message = "List at least one verified e-mail domain.")
    @Size(max = 2000, message = "At most 2000 characters.")
    private String domains;

    /** Shown to every counterparty beside the agency's requests. */
    @NotNull(message = "Choose the vetting status.")
    private VettingStatus vettingStatus = VettingStatus.VETTED;

    private boolean active = true;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getJurisdiction() {
        return jurisdiction;
    }

    public void setJurisdiction(String jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    public String getDomains() {
        return domains;
    }

    public void setDomains(String domains) {
        this.domains = domains;
    }

    public VettingStatus getVettingStatus() {
        return vettingStatus;
    }

    public void setVettingStatus(VettingStatus vettingStatus) {
        this.vettingStatus = vettingStatus;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}

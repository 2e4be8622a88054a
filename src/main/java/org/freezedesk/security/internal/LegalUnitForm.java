package org.freezedesk.security.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A legal unit and the agencies whose requests it reviews; none chosen means every agency. */
public class LegalUnitForm {

    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "No control characters.")
    @NotBlank(message = "Name the legal unit.")
    @Size(max = 200, message = "At most 200 characters.")
    private String name;

    @Size(max = 100, message = "At most 100 agencies.")
    private List<Long> agencyIds = new ArrayList<>();

    private boolean active = true;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<Long> getAgencyIds() {
        return agencyIds;
    }

    public void setAgencyIds(List<Long> agencyIds) {
        this.agencyIds = agencyIds == null ? new ArrayList<>() : agencyIds;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}

package org.freezedesk.cases.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.freezedesk.cases.JointCases;
import org.freezedesk.cases.PartnerScope;

/** The lead's invitation of a partner agency, on the page and as the API's body. */
public class PartnerForm {

    @NotBlank(message = "Choose the agency to invite")
    @Size(max = 200, message = "At most 200 characters")
    private String agency;

    @NotBlank(message = "Name the sharing agreement or MLAT the partner works the case under")
    @Size(max = JointCases.MAX_AGREEMENT, message = "At most " + JointCases.MAX_AGREEMENT + " characters")
    private String agreement;

    @NotNull(message = "Choose what the partner may do: read, or also file its own requests")
    private PartnerScope scope = PartnerScope.READ;

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency;
    }

    public String getAgreement() {
        return agreement;
    }

    public void setAgreement(String agreement) {
        this.agreement = agreement;
    }

    public PartnerScope getScope() {
        return scope;
    }

    public void setScope(PartnerScope scope) {
        this.scope = scope;
    }
}

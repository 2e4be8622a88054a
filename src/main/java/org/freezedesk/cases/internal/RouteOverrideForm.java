package org.freezedesk.cases.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The counterparties the filer sends a target to instead of those routing chose; none leaves it unattributed. */
public class RouteOverrideForm {

    private Set<Long> counterpartyIds = new LinkedHashSet<>();

    @NotBlank(message = "Say why this target goes to other counterparties than routing chose")
    @Size(max = 1000, message = "At most 1000 characters")
    private String reason;

    public Set<Long> getCounterpartyIds() {
        return counterpartyIds;
    }

    public void setCounterpartyIds(Set<Long> counterpartyIds) {
        this.counterpartyIds = counterpartyIds == null ? new LinkedHashSet<>() : counterpartyIds;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

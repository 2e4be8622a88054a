package org.freezedesk.cases;

/**
 * Where an agency stands in a joint case. Only {@link #ACTIVE} gives access; an invited agency reads nothing until it
 * accepts, and a declined, departed or removed one nothing any more.
 */
public enum PartnerState {
    INVITED, ACTIVE, DECLINED, LEFT, REMOVED;

    /** Whether the lead may invite the agency (again): only when it is not invited or a member already. */
    public boolean mayBeInvited() {
        return this != INVITED && this != ACTIVE;
    }
}

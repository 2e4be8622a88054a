package org.freezedesk.cases;

/**
 * Where an agency stands in a joint case. Only {@link #ACTIVE} gives access; an invited agency reads nothing until it
 * accepts, and a declined, departed or removed one nothing any more.
 */
public enum PartnerState {
    INVITED, ACTIVE, DECLINED, LEFT, REMOVED
}

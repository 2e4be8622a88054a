package org.freezedesk.cases;

/**
 * How fast a request must go out. {@link #EMERGENCY} takes the emergency lane of {@code freeze-request.bpmn}: one
 * on-call legal officer approves it, it fans out at once, and the full legal review follows.
 */
public enum Urgency {
    ROUTINE, URGENT, CRITICAL, EMERGENCY
}

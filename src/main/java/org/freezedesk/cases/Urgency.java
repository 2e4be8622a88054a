package org.freezedesk.cases;

public enum Urgency {
    ROUTINE, URGENT, CRITICAL
}

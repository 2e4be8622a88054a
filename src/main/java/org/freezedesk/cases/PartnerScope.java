package org.freezedesk.cases;

/** What a partner agency of a joint case may do: read it, or also file its own requests on it. */
public enum PartnerScope {
    READ, FILE
}

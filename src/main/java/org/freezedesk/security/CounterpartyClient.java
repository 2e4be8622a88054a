package org.freezedesk.security;

import java.io.Serializable;

/**
 * A counterparty's own system calling the API with one of the counterparty's keys. It has no staff account and acts
 * for that one counterparty: it reaches every request addressed to it and nothing else.
 */
public record CounterpartyClient(long counterpartyId, String keyName) implements Serializable {

    /** The only authority such a caller holds; staff roles never come with it. */
    public static final String AUTHORITY = "ROLE_COUNTERPARTY";
}

package org.freezedesk.security;

/**
 * Where the security module records its changes (agencies, legal units, accounts, second factors). The audit
 * module, above this one, implements it, so every change lands in the hash-chained record in the transaction of
 * the change itself.
 */
public interface AccountAuditTrail {

    void record(String action, String objectType, Object objectId, String before, String after);
}

/**
 * Webhooks: agencies' and counterparties' systems subscribe to events of the cases they may read; every event is
 * stored as a delivery in the transaction that hears of it and sent afterwards, signed as the Standard Webhooks
 * specification describes, and retried until the receiver takes it or it is too old. Depends on the modules whose
 * events it forwards; nothing depends on it.
 */
package org.freezedesk.webhook;

package org.freezedesk.directory;

public record Contact(long id, long counterpartyId, String name, String email, boolean primary) {
}

package org.freezedesk.address;

/** The verdict on a CAIP-10 account id: the chain and normalized address it names, or a reason a person can act on. */
public record Caip10Check(Caip10 account, String reason) {

    public Caip10Check {
        if ((account == null) == (reason == null)) {
            throw new IllegalArgumentException("a check has either an account or a reason");
        }
    }

    public boolean valid() {
        return account != null;
    }
}

package org.freezedesk.cases.internal;

/** The ask-to-join form, kept as typed when it comes back with an error. */
public class AskForm {

    private String chain;
    private String address;
    private String match;
    private String reason;

    public String getChain() {
        return chain;
    }

    public void setChain(String chain) {
        this.chain = chain;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getMatch() {
        return match;
    }

    public void setMatch(String match) {
        this.match = match;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

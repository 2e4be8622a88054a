package org.freezedesk.cases;

/**
 * A joint-case change the rules refuse, naming the field it is about (null when about no field): inviting one's own
 * agency or one the registry does not know, inviting a member again, answering an invitation no longer open.
 */
public class PartnerRefusedException extends RuntimeException {

    private final String field;
    private final boolean conflict;

    /** Input the rules refuse (400 over the API). */
    public PartnerRefusedException(String field, String message) {
        this(field, message, false);
    }

    /** {@code conflict}: refused because of where the invitation stands now, not because of what was typed (409). */
    public PartnerRefusedException(String field, String message, boolean conflict) {
        super(message);
        this.field = field;
        this.conflict = conflict;
    }

    public boolean conflict() {
        return conflict;
    }

    public String field() {
        return field;
    }
}

package org.freezedesk.directory.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.freezedesk.directory.Contact;
import org.freezedesk.directory.Counterparty;
import org.freezedesk.directory.CounterpartyKind;

/** A counterparty with its contacts and served assets, as the admin types it. */
public class CounterpartyForm {

    @NotBlank(message = "Enter the counterparty's name")
    @Size(max = 200, message = "At most 200 characters")
    private String name;

    @NotNull(message = "Choose exchange or issuer")
    private CounterpartyKind kind;

    @NotBlank(message = "Enter the jurisdiction, such as Cayman Islands")
    @Size(max = 100, message = "At most 100 characters")
    private String jurisdiction;

    @NotNull(message = "Enter the response SLA in hours")
    @Min(value = 1, message = "At least 1 hour")
    @Max(value = 720, message = "At most 720 hours (30 days)")
    private Integer responseSlaHours;

    @Size(max = 4000, message = "At most 4000 characters")
    private String legalRequirements;

    private boolean active = true;

    private List<ContactRow> contacts = new ArrayList<>();

    /** Index in {@link #contacts} of the primary contact, who is named first in every notification. */
    private Integer primaryContact;

    private List<AssetRow> assets = new ArrayList<>();

    static CounterpartyForm of(Counterparty counterparty, List<Contact> contacts, List<ServedAsset> assets) {
        CounterpartyForm form = new CounterpartyForm();
        form.name = counterparty.name();
        form.kind = counterparty.kind();
        form.jurisdiction = counterparty.jurisdiction();
        form.responseSlaHours = counterparty.responseSlaHours();
        form.legalRequirements = counterparty.legalRequirements();
        form.active = counterparty.active();
        for (Contact contact : contacts) {
            if (contact.primary()) {
                form.primaryContact = form.contacts.size();
            }
            ContactRow row = new ContactRow();
            row.setName(contact.name());
            row.setEmail(contact.email());
            form.contacts.add(row);
        }
        for (ServedAsset asset : assets) {
            AssetRow row = new AssetRow();
            row.setChain(asset.chain());
            row.setAsset(asset.asset());
            row.setTokenContract(asset.tokenContract());
            form.assets.add(row);
        }
        return form;
    }

    /** Rows left empty are dropped first, keeping the primary contact pointing at the same person. */
    void dropBlankRows() {
        ContactRow primary = primaryContact != null && primaryContact >= 0 && primaryContact < contacts.size()
                ? contacts.get(primaryContact) : null;
        contacts.removeIf(row -> row == null || row.isBlank());
        primaryContact = primary == null || !contacts.contains(primary) ? null : contacts.indexOf(primary);
        assets.removeIf(row -> row == null || row.isBlank());
    }

    void padRows(int emptyContacts, int emptyAssets) {
        for (int i = 0; i < emptyContacts; i++) {
            contacts.add(new ContactRow());
        }
        for (int i = 0; i < emptyAssets; i++) {
            assets.add(new AssetRow());
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public CounterpartyKind getKind() {
        return kind;
    }

    public void setKind(CounterpartyKind kind) {
        this.kind = kind;
    }

    public String getJurisdiction() {
        return jurisdiction;
    }

    public void setJurisdiction(String jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    public Integer getResponseSlaHours() {
        return responseSlaHours;
    }

    public void setResponseSlaHours(Integer responseSlaHours) {
        this.responseSlaHours = responseSlaHours;
    }

    public String getLegalRequirements() {
        return legalRequirements;
    }

    public void setLegalRequirements(String legalRequirements) {
        this.legalRequirements = legalRequirements;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public List<ContactRow> getContacts() {
        return contacts;
    }

    public void setContacts(List<ContactRow> contacts) {
        this.contacts = contacts;
    }

    public Integer getPrimaryContact() {
        return primaryContact;
    }

    public void setPrimaryContact(Integer primaryContact) {
        this.primaryContact = primaryContact;
    }

    public List<AssetRow> getAssets() {
        return assets;
    }

    public void setAssets(List<AssetRow> assets) {
        this.assets = assets;
    }
}

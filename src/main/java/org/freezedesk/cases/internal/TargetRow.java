package org.freezedesk.cases.internal;

/**
 * One target as typed into the filing form or the API, kept verbatim so a refused form shows it again. The account
 * is named by chain and address, or by a CAIP-10 account id ({@code caip10}) instead.
 */
public class TargetRow {

    private String chain;
    private String asset;
    private String address;
    private String amount;
    private String txHashes;
    private String note;
    private String caip10;

    public static TargetRow of(String chain, String asset, String address, String amount, String txHashes, String note) {
        TargetRow row = new TargetRow();
        row.chain = chain;
        row.asset = asset;
        row.address = address;
        row.amount = amount;
        row.txHashes = txHashes;
        row.note = note;
        return row;
    }

    /** The same row naming its account by a CAIP-10 account id. */
    public static TargetRow ofCaip10(String caip10, String asset, String amount, String txHashes, String note) {
        TargetRow row = of(null, asset, null, amount, txHashes, note);
        row.caip10 = caip10;
        return row;
    }

    public boolean isBlank() {
        return blank(chain) && blank(asset) && blank(address) && blank(amount) && blank(txHashes) && blank(note) && blank(caip10);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getChain() {
        return chain;
    }

    public void setChain(String chain) {
        this.chain = chain;
    }

    public String getAsset() {
        return asset;
    }

    public void setAsset(String asset) {
        this.asset = asset;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getTxHashes() {
        return txHashes;
    }

    public void setTxHashes(String txHashes) {
        this.txHashes = txHashes;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getCaip10() {
        return caip10;
    }

    public void setCaip10(String caip10) {
        this.caip10 = caip10;
    }
}

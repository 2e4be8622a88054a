package org.freezedesk.cases.internal;

/** The values of a target: the column name in CSV files and the property name in forms and JSON. */
public enum TargetColumn {
    CHAIN("chain", "chain"),
    ASSET("asset", "asset"),
    ADDRESS("address", "address"),
    AMOUNT("amount", "amount"),
    TX_HASHES("tx_hashes", "txHashes"),
    NOTE("note", "note");

    private final String csvName;
    private final String field;

    TargetColumn(String csvName, String field) {
        this.csvName = csvName;
        this.field = field;
    }

    public String csvName() {
        return csvName;
    }

    public String field() {
        return field;
    }
}

package org.freezedesk.cases.internal;

/** The values of a target: the column name in CSV files and the property name in forms and JSON. */
public enum TargetColumn {
    CHAIN("chain", "chain"),
    ASSET("asset", "asset"),
    ADDRESS("address", "address"),
    AMOUNT("amount", "amount"),
    TX_HASHES("tx_hashes", "txHashes"),
    NOTE("note", "note"),
    /** The CAIP-10 account id, an alternative to chain and address. */
    CAIP10("caip10", "caip10");

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

    /** This column's value in {@code row}, as typed. */
    String of(TargetRow row) {
        return switch (this) {
            case CHAIN -> row.getChain();
            case ASSET -> row.getAsset();
            case ADDRESS -> row.getAddress();
            case AMOUNT -> row.getAmount();
            case TX_HASHES -> row.getTxHashes();
            case NOTE -> row.getNote();
            case CAIP10 -> row.getCaip10();
        };
    }
}

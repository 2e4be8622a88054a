package org.freezedesk.directory.internal;

/** A chain and asset served, as typed into the counterparty form; the token contract only for issuers. */
public class AssetRow {

    private String chain;
    private String asset;
    private String tokenContract;

    boolean isBlank() {
        return (chain == null || chain.isBlank()) && (asset == null || asset.isBlank())
                && (tokenContract == null || tokenContract.isBlank());
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

    public String getTokenContract() {
        return tokenContract;
    }

    public void setTokenContract(String tokenContract) {
        this.tokenContract = tokenContract;
    }
}

package org.freezedesk.support;

import java.util.ArrayList;
import java.util.List;

import org.freezedesk.cases.Urgency;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.TargetRow;

/**
 * Valid filings to start tests from; addresses are real, well-formed ones. With the demo directory, USDT on
 * Ethereum or Tron routes to Tether; the Bitcoin address routes nowhere unless a test attributes it.
 */
public final class Filings {

    public static final String ETH_ADDRESS = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    public static final String TRON_ADDRESS = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
    public static final String BTC_ADDRESS = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
    /** Attributed to Binance in the demo directory. */
    public static final String BINANCE_BTC_ADDRESS = "34xp4vRoCGJym3xR7yCVPFHoCNxv4Twseo";
    /** Attributed to OKX in the demo directory. */
    public static final String OKX_ETH_ADDRESS = "0x6cC5F688a315f3dC28A7781717a9A798a59fDA7b";
    /** Attributed to Kraken in the demo directory. */
    public static final String KRAKEN_ETH_ADDRESS = "0x2910543Af39abA0Cd09dBb2D50200b3E800A63D2";

    private Filings() {
    }

    public static FilingForm form(TargetRow... targets) {
        FilingForm form = new FilingForm();
        form.setTitle("Bybit cold wallet theft");
        form.setIncidentSummary("Funds drained from a cold wallet and split across many addresses.");
        form.setLegalBasis("Proceeds of Crime Act, s. 41");
        form.setCourtOrderReference("WARRANT-2026-77");
        form.setUrgency(Urgency.CRITICAL);
        form.setTargets(new ArrayList<>(List.of(targets)));
        return form;
    }

    public static TargetRow target(String chain, String asset, String address, String amount) {
        return TargetRow.of(chain, asset, address, amount, null, null);
    }
}

package org.freezedesk.directory.internal;

import java.time.LocalDate;
import java.util.List;

import org.freezedesk.directory.CounterpartyKind;
import org.freezedesk.directory.CounterpartyRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A directory to play with in the embedded default: two stablecoin issuers with the token contracts they can
 * freeze, four exchanges, and a few exchange addresses in the attribution table (publicly labelled hot wallets).
 */
@Component
@ConditionalOnProperty("freezedesk.demo.enabled")
class DemoDirectory implements ApplicationRunner {

    private static final String DEMO_SOURCE = "Demo: public exchange wallet labels";
    private static final LocalDate LABELLED_ON = LocalDate.of(2025, 3, 1);

    private final CounterpartyRepository counterparties;
    private final AttributionRepository attributions;

    DemoDirectory(CounterpartyRepository counterparties, AttributionRepository attributions) {
        this.counterparties = counterparties;
        this.attributions = attributions;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (counterparties.findByName("Tether").isEmpty()) {
            createDirectory();
        }
        if (attributions.count() == 0) {
            extendDirectory();
        }
    }

    private void createDirectory() {
        long tether = issuer("Tether", "British Virgin Islands", 24, "tether");
        counterparties.addAsset(tether, "ETH", "USDT", "0xdAC17F958D2ee523a2206206994597C13D831ec7");
        counterparties.addAsset(tether, "TRON", "USDT", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
        long circle = issuer("Circle", "United States", 24, "circle");
        counterparties.addAsset(circle, "ETH", "USDC", "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
        counterparties.addAsset(circle, "BASE", "USDC", "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913");
        exchange("Binance", "Cayman Islands", 48, "binance", "BTC", "ETH", "BSC", "TRON");
        exchange("OKX", "Seychelles", 48, "okx", "BTC", "ETH", "TRON", "SOL");
        exchange("Kraken", "United States", 72, "kraken", "BTC", "ETH", "SOL");
        exchange("Bitstamp", "Luxembourg", 72, "bitstamp", "BTC", "ETH");
    }

    /** Also run on a demo database created before attributions existed, so that it gets them too. */
    private void extendDirectory() {
        long tether = id("Tether");
        long circle = id("Circle");
        long binance = id("Binance");
        long okx = id("OKX");
        long kraken = id("Kraken");
        counterparties.setLegalRequirements(tether, "Freezes on a request from a law enforcement agency; no court order needed.");
        counterparties.setLegalRequirements(circle, "Needs a court order or a warrant from a U.S. court, or an MLAT request.");
        counterparties.setLegalRequirements(binance, "Freezes on an agency request; release or transfer needs a court order.");
        counterparties.setLegalRequirements(okx, "Needs a request on agency letterhead signed by the investigating officer.");
        counterparties.setLegalRequirements(kraken, "Needs a local court order for accounts of U.S. customers.");
        counterparties.setLegalRequirements(id("Bitstamp"), "Needs a court order from a court in the European Union.");
        addMissingAsset(circle, "ARB", "USDC", "0xaf88d065e77c8cC2239327C5EDb3A432268e5831");
        addMissingAsset(circle, "SOL", "USDC", "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v");
        attributions.save(List.of(
                new NewAttribution(1, "ETH", "0x28C6c06298d514Db089934071355E5743bf21d60", binance, DEMO_SOURCE, LABELLED_ON),
                new NewAttribution(2, "ETH", "0x21a31Ee1afC51d94C2eFcCAa2092aD1028285549", binance, DEMO_SOURCE, LABELLED_ON),
                new NewAttribution(3, "BTC", "34xp4vRoCGJym3xR7yCVPFHoCNxv4Twseo", binance, DEMO_SOURCE, LABELLED_ON),
                new NewAttribution(4, "TRON", "TV6MuMXfmLbBqPZvBHdwFsDnQeVfnmiuSi", binance, DEMO_SOURCE, LABELLED_ON),
                new NewAttribution(5, "ETH", "0x6cC5F688a315f3dC28A7781717a9A798a59fDA7b", okx, DEMO_SOURCE, LABELLED_ON),
                new NewAttribution(6, "ETH", "0x2910543Af39abA0Cd09dBb2D50200b3E800A63D2", kraken, DEMO_SOURCE, LABELLED_ON)),
                "demo");
    }

    private void addMissingAsset(long counterpartyId, String chain, String asset, String tokenContract) {
        if (counterparties.assets(counterpartyId).stream().noneMatch(a -> a.chain().equals(chain) && a.asset().equals(asset))) {
            counterparties.addAsset(counterpartyId, chain, asset, tokenContract);
        }
    }

    private long id(String name) {
        return counterparties.findByName(name).orElseThrow().id();
    }

    private long issuer(String name, String jurisdiction, int slaHours, String mailbox) {
        long id = counterparties.create(name, CounterpartyKind.ISSUER, jurisdiction, slaHours);
        contacts(id, mailbox);
        return id;
    }

    private void exchange(String name, String jurisdiction, int slaHours, String mailbox, String... chains) {
        long id = counterparties.create(name, CounterpartyKind.EXCHANGE, jurisdiction, slaHours);
        contacts(id, mailbox);
        for (String chain : chains) {
            counterparties.addAsset(id, chain, ServedAsset.EVERY_ASSET, null);
        }
    }

    private void contacts(long id, String mailbox) {
        counterparties.addContact(id, "Compliance desk", "compliance@" + mailbox + ".example.org", true);
        counterparties.addContact(id, "Law enforcement liaison", "le-liaison@" + mailbox + ".example.org", false);
    }
}

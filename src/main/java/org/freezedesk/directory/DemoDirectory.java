package org.freezedesk.directory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A directory to play with in the embedded default: two stablecoin issuers and four exchanges. */
@Component
@ConditionalOnProperty("freezedesk.demo.enabled")
class DemoDirectory implements ApplicationRunner {

    private final CounterpartyRepository counterparties;

    DemoDirectory(CounterpartyRepository counterparties) {
        this.counterparties = counterparties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (counterparties.findByName("Tether").isPresent()) {
            return;
        }
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

    private long issuer(String name, String jurisdiction, int slaHours, String mailbox) {
        long id = counterparties.create(name, CounterpartyKind.ISSUER, jurisdiction, slaHours);
        contacts(id, mailbox);
        return id;
    }

    private void exchange(String name, String jurisdiction, int slaHours, String mailbox, String... chains) {
        long id = counterparties.create(name, CounterpartyKind.EXCHANGE, jurisdiction, slaHours);
        contacts(id, mailbox);
        for (String chain : chains) {
            counterparties.addAsset(id, chain, "*", null);
        }
    }

    private void contacts(long id, String mailbox) {
        counterparties.addContact(id, "Compliance desk", "compliance@" + mailbox + ".example.org", true);
        counterparties.addContact(id, "Law enforcement liaison", "le-liaison@" + mailbox + ".example.org", false);
    }
}

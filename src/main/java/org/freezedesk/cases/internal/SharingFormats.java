package org.freezedesk.cases.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.freezedesk.address.Caip10;
import org.freezedesk.address.Chain;
import org.freezedesk.cases.CaseView;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.Lead;
import org.freezedesk.cases.Target;

/**
 * A case's targets and leads in the formats threat-intelligence and forensic tools share: a STIX 2.1 bundle of
 * the community extension's {@code cryptocurrency-wallet} and {@code cryptocurrency-transaction} objects, and a MISP
 * event of {@code coin-address} objects. {@link JsonTargetFile} reads both back as target lines.
 */
final class SharingFormats {

    static final String WALLET = "cryptocurrency-wallet";
    static final String TRANSACTION = "cryptocurrency-transaction";
    /** The extension-definition ids the published extension gives its two new SCOs. */
    static final String WALLET_EXTENSION = "extension-definition--be78509e-6958-51b1-8b26-d17ee0eba2d7";
    static final String TRANSACTION_EXTENSION = "extension-definition--151d042d-4dcf-5e44-843f-1024440318e5";
    /**
     * What a FreezeDesk target adds to its wallet: asset, amount, transaction hashes and note per target, since one
     * account can be asked to freeze several assets. A custom property, as STIX 2.1 allows.
     */
    static final String TARGETS_PROPERTY = "x_freezedesk_targets";
    static final String COIN_ADDRESS = "coin-address";
    static final String COIN_ADDRESS_TEMPLATE = "d0e6997e-78da-4815-a6a1-cfc1c1cb8a46";
    static final String COIN_ADDRESS_TEMPLATE_VERSION = "7";
    /** The amount of a MISP coin-address travels in its address attribute's comment, which the template leaves free. */
    static final String AMOUNT_COMMENT = "amount: ";

    /** STIX 2.1, section 2.9: the namespace of deterministic ids of cyber-observable objects. */
    private static final UUID STIX_SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");
    /** FreezeDesk's own namespace for the ids of what it names (agency identities, MISP uuids): a UUIDv5 of its name. */
    private static final UUID FREEZEDESK_NAMESPACE = uuid5(STIX_SCO_NAMESPACE, "FreezeDesk");
    private static final DateTimeFormatter STIX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SharingFormats() {
    }

    static ObjectNode stix(CaseView view, ObjectMapper json) {
        FreezeCase c = view.freezeCase();
        ObjectNode bundle = NODES.objectNode().put("type", "bundle").put("id", "bundle--" + UUID.randomUUID());
        ArrayNode objects = bundle.putArray("objects");
        String created = STIX_TIME.format(c.createdAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
        objects.addObject().put("type", "identity").put("spec_version", "2.1")
                .put("id", "identity--" + uuid5(FREEZEDESK_NAMESPACE, "agency:" + c.agency()))
                .put("created", created).put("modified", created).put("name", c.agency()).put("identity_class", "organization");
        Map<String, ObjectNode> wallets = new LinkedHashMap<>();
        for (CaseView.RequestView request : view.requests()) {
            for (Target target : request.targets()) {
                ArrayNode entries = wallet(wallets, target.chain(), target.address(), json).withArray(TARGETS_PROPERTY);
                ObjectNode entry = entries.addObject().put("asset", target.asset()).put("amount", target.amountText());
                if (target.txHashes() != null) {
                    entry.put("tx_hashes", target.txHashes());
                }
                if (target.note() != null) {
                    entry.put("note", target.note());
                }
            }
        }
        List<ObjectNode> transactions = new ArrayList<>();
        for (Lead lead : view.leads()) {
            if (lead.onwardAddress() == null || lead.onwardTxHash() == null) {
                continue;
            }
            ObjectNode destination = wallet(wallets, lead.chain(), lead.onwardAddress(), json);
            ObjectNode transaction = NODES.objectNode().put("type", TRANSACTION).put("spec_version", "2.1")
                    .put("id", TRANSACTION + "--" + scoId(json, "value", lead.onwardTxHash())).put("symbol", lead.asset())
                    .put("value", lead.onwardTxHash());
            transaction.putArray("output").addObject().put("address_ref", destination.get("id").asText());
            transaction.putObject("extensions").putObject(TRANSACTION_EXTENSION).put("extension_type", "new-sco");
            if (transactions.stream().noneMatch(t -> t.get("id").equals(transaction.get("id")))) {
                transactions.add(transaction);
            }
        }
        wallets.values().forEach(objects::add);
        transactions.forEach(objects::add);
        return bundle;
    }

    /**
     * The wallet of an account, one per account however many targets name it. Its value is the CAIP-10 account id,
     * the identifier that tells the chain as well as the address (the same 0x address on two EVM chains is two
     * accounts), and its id is derived from that value as STIX 2.1 derives ids of observables.
     */
    private static ObjectNode wallet(Map<String, ObjectNode> wallets, String chain, String address, ObjectMapper json) {
        String account = Caip10.of(chain, address);
        String value = account == null ? address : account;
        return wallets.computeIfAbsent(value, v -> {
            ObjectNode wallet = NODES.objectNode().put("type", WALLET).put("spec_version", "2.1")
                    .put("id", WALLET + "--" + scoId(json, "value", v)).put("value", v);
            wallet.putObject("extensions").putObject(WALLET_EXTENSION).put("extension_type", "new-sco");
            return wallet;
        });
    }

    static ObjectNode misp(CaseView view) {
        FreezeCase c = view.freezeCase();
        ObjectNode event = NODES.objectNode();
        ObjectNode body = event.putObject("Event");
        body.put("uuid", uuid5(FREEZEDESK_NAMESPACE, "case:" + c.reference()).toString())
                .put("info", c.reference() + ": " + c.title())
                .put("date", (c.theftDate() != null ? c.theftDate() : c.createdAt().toLocalDate()).toString())
                .put("threat_level_id", "1").put("analysis", "1").put("distribution", "0").put("published", false)
                .put("timestamp", Long.toString(c.createdAt().toEpochSecond()));
        body.putObject("Orgc").put("name", c.agency());
        ArrayNode objects = body.putArray("Object");
        for (CaseView.RequestView request : view.requests()) {
            for (Target target : request.targets()) {
                String key = c.reference() + "/" + request.request().sequenceNumber() + "/" + target.lineNumber();
                ObjectNode object = objects.addObject().put("name", COIN_ADDRESS).put("meta-category", "financial")
                        .put("description", "An address used in a cryptocurrency").put("template_uuid", COIN_ADDRESS_TEMPLATE)
                        .put("template_version", COIN_ADDRESS_TEMPLATE_VERSION).put("uuid", uuid5(FREEZEDESK_NAMESPACE, key).toString())
                        .put("comment", target.note() == null ? "" : target.note());
                ArrayNode attributes = object.putArray("Attribute");
                boolean bitcoin = Chain.BTC.name().equals(target.chain());
                attribute(attributes, key, bitcoin ? "address" : "address-crypto", bitcoin ? "btc" : "text", "Financial fraud",
                        target.address()).put("comment", AMOUNT_COMMENT + target.amountText());
                attribute(attributes, key, "symbol", "text", "Other", target.asset());
                String account = Caip10.of(target.chain(), target.address());
                if (account != null) {
                    attribute(attributes, key, "text", "text", "Other", account);
                }
            }
        }
        return event;
    }

    private static ObjectNode attribute(ArrayNode attributes, String key, String relation, String type, String category, String value) {
        return attributes.addObject().put("uuid", uuid5(FREEZEDESK_NAMESPACE, key + "/" + relation).toString())
                .put("object_relation", relation).put("type", type).put("category", category).put("value", value)
                .put("to_ids", false).put("disable_correlation", !relation.startsWith("address"));
    }

    /** STIX 2.1, section 2.9: a UUIDv5 of the canonical JSON of the object's id contributing properties. */
    private static UUID scoId(ObjectMapper json, String property, String value) {
        try {
            return uuid5(STIX_SCO_NAMESPACE, json.writeValueAsString(Map.of(property, value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a one-string map always serializes", e);
        }
    }

    /** RFC 9562 version 5: SHA-1 of namespace and name; the JDK only has version 3 (MD5). */
    static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] space = new byte[16];
            for (int i = 0; i < 8; i++) {
                space[i] = (byte) (namespace.getMostSignificantBits() >>> (56 - 8 * i));
                space[8 + i] = (byte) (namespace.getLeastSignificantBits() >>> (56 - 8 * i));
            }
            sha1.update(space);
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long most = 0;
            long least = 0;
            for (int i = 0; i < 8; i++) {
                most = (most << 8) | (hash[i] & 0xff);
                least = (least << 8) | (hash[8 + i] & 0xff);
            }
            return new UUID(most, least);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}

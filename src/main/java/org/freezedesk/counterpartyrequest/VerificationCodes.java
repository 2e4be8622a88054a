package org.freezedesk.counterpartyrequest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.freezedesk.cases.CaseRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The short code every mail about a counterparty request carries next to the case reference, so that its
 * recipient can check on the public verification page that the request is genuine without using the link.
 * A code is derived from the request's id with an HMAC under a configured key, so nothing needs storing and a
 * forger without the key cannot produce one.
 */
@Component
public class VerificationCodes {

    /** No 0, 1, I or O, which people mistake for one another when they read a code out or type it. */
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 8;
    private static final int MIN_KEY_LENGTH = 16;

    private final SecretKeySpec key;
    private final CaseRepository cases;
    private final CounterpartyRequestRepository counterpartyRequests;

    VerificationCodes(@Value("${freezedesk.portal.verification-key}") String key, CaseRepository cases,
            CounterpartyRequestRepository counterpartyRequests) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("freezedesk.portal.verification-key must be at least " + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.cases = cases;
        this.counterpartyRequests = counterpartyRequests;
    }

    /** As printed in mails, such as {@code 7KQ4-M2XD}. */
    public String codeFor(long counterpartyRequestId) {
        String code = code(counterpartyRequestId);
        return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
    }

    /**
     * The counterparty request of the case that the code belongs to; empty when it belongs to none (not genuine). Spaces,
     * dashes and letter case do not matter.
     */
    public Optional<Long> verify(String reference, String typedCode) {
        String wanted = normalize(typedCode);
        if (reference == null || wanted.length() != LENGTH) {
            return Optional.empty();
        }
        byte[] wantedBytes = wanted.getBytes(StandardCharsets.US_ASCII);
        return cases.findCase(reference.strip().toUpperCase(Locale.ROOT))
                .flatMap(freezeCase -> counterpartyRequests.findByCase(freezeCase.id()).stream()
                        .filter(cr -> MessageDigest.isEqual(code(cr.id()).getBytes(StandardCharsets.US_ASCII), wantedBytes))
                        .map(CounterpartyRequest::id).findFirst());
    }

    private String code(long counterpartyRequestId) {
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            mac = hmac.doFinal(("counterparty-request:" + counterpartyRequestId).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
        // 32 symbols: each takes the next 5 bits of the MAC, so every code is equally likely.
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            int bit = i * 5;
            int twoBytes = ((mac[bit / 8] & 0xff) << 8) | (mac[bit / 8 + 1] & 0xff);
            code.append(ALPHABET.charAt((twoBytes >> (11 - bit % 8)) & 0x1f));
        }
        return code.toString();
    }

    private static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}

package org.freezedesk.sanctions.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.freezedesk.address.AddressCheck;
import org.freezedesk.address.AddressValidator;
import org.freezedesk.address.Chain;
import org.freezedesk.input.InputRefusedException;
import org.springframework.stereotype.Component;

/**
 * Reads OFAC's classic SDN XML ({@code SDN.XML}) as a stream, keeping only what screening needs: the list's
 * {@code publshInformation/Publish_Date} (OFAC's spelling) and, per {@code sdnEntry}, its name, programmes and every
 * {@code idList/id} whose {@code idType} is "Digital Currency Address - " and a currency symbol. Elements are matched
 * by local name, so the namespace OFAC publishes under (it has changed over the years) does not matter.
 *
 * <p>The file comes from outside: a DOCTYPE is refused before anything in it is read (no DTD, so no entity can expand
 * or fetch another file, and a reference to any entity but XML's own, such as {@code &amp;}, is an error), nesting is
 * bounded, and the caller bounds the bytes read.
 */
@Component
class SdnParser {

    static final String DIGITAL_CURRENCY = "Digital Currency Address - ";
    private static final DateTimeFormatter PUBLISH_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu");
    /** The SDN list nests five deep (sdnList/sdnEntry/idList/id/idType); anything far deeper is not one. */
    private static final int MAX_DEPTH = 16;
    private static final int MAX_NAME = 400;
    private static final int MAX_PROGRAMMES = 400;
    private static final int MAX_CURRENCY = 20;
    /** Longer than any address of any chain; a longer "address" is kept out of the list rather than cut. */
    private static final int MAX_ADDRESS = 200;

    private final AddressValidator addresses;

    SdnParser(AddressValidator addresses) {
        this.addresses = addresses;
    }

    private static final class Entry {
        String uid = "";
        String firstName;
        String lastName;
        final Set<String> programmes = new LinkedHashSet<>();
        final List<String[]> currencyIds = new ArrayList<>();
        String idType;
        String idNumber;
    }

    ParsedSdnList parse(InputStream file) throws IOException {
        MessageDigest sha256 = sha256();
        DigestInputStream in = new DigestInputStream(file, sha256);
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        LocalDate publishDate = null;
        int entryCount = 0;
        List<SdnAddress> found = new ArrayList<>();
        try {
            // The JDK's reader closes its stream at the end of the document, before the rest of the file is hashed.
            XMLStreamReader xml = factory.createXMLStreamReader(new FilterInputStream(in) {
                @Override
                public void close() {
                }
            });
            Deque<String> path = new ArrayDeque<>();
            Entry entry = null;
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new SdnRefusedException("The file declares a DOCTYPE; an OFAC SDN list has none, "
                            + "and FreezeDesk reads no DTD (its entities could expand without bound or reach other files)");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new SdnRefusedException("The file refers to the entity &"
                            + xml.getLocalName() + "; an OFAC SDN list uses none");
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = xml.getLocalName();
                        if (path.isEmpty() && !name.equals("sdnList")) {
                            throw new SdnRefusedException("This is not an OFAC SDN list: its root element is <" + abbreviate(name, 50)
                                    + ">, not <sdnList> (upload SDN.XML, the classic format)");
                        }
                        if (path.size() >= MAX_DEPTH) {
                            throw new SdnRefusedException("The file nests elements more than " + MAX_DEPTH + " deep; an OFAC SDN list does not");
                        }
                        String parent = path.peek();
                        int depth = path.size();
                        if (depth == 1 && name.equals("sdnEntry")) {
                            entry = new Entry();
                            entryCount++;
                        } else if (depth == 2 && "publshInformation".equals(parent) && name.equals("Publish_Date")) {
                            publishDate = publishDate(xml.getElementText());
                            continue;
                        } else if (entry != null && depth == 2 && isEntryField(name)) {
                            String text = xml.getElementText().strip();
                            switch (name) {
                                case "uid" -> entry.uid = abbreviate(text, 20);
                                case "firstName" -> entry.firstName = text;
                                default -> entry.lastName = text;
                            }
                            continue;
                        } else if (entry != null && depth == 3 && "programList".equals(parent) && name.equals("program")) {
                            entry.programmes.add(xml.getElementText().strip());
                            continue;
                        } else if (entry != null && depth == 4 && "id".equals(parent) && (name.equals("idType") || name.equals("idNumber"))) {
                            String text = xml.getElementText().strip();
                            if (name.equals("idType")) {
                                entry.idType = text;
                            } else {
                                entry.idNumber = text;
                            }
                            continue;
                        } else if (entry != null && depth == 3 && name.equals("id")) {
                            entry.idType = null;
                            entry.idNumber = null;
                        }
                        path.push(name);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = path.pop();
                        if (entry != null && path.size() == 3 && name.equals("id") && entry.idType != null && entry.idNumber != null
                                && entry.idType.startsWith(DIGITAL_CURRENCY)) {
                            entry.currencyIds.add(new String[] {entry.idType.substring(DIGITAL_CURRENCY.length()).strip(), entry.idNumber});
                        } else if (entry != null && path.size() == 1 && name.equals("sdnEntry")) {
                            found.addAll(addressesOf(entry));
                            entry = null;
                        }
                    }
                    default -> {
                    }
                }
            }
            xml.close();
            // The parser may stop at the root's end tag: the rest of the file counts towards its hash all the same.
            in.transferTo(OutputStream.nullOutputStream());
        } catch (XMLStreamException e) {
            throw refusal(e);
        }
        if (entryCount == 0) {
            throw new SdnRefusedException("The file has no sdnEntry: an empty list would lift every sanctions hit, so it is not imported");
        }
        return new ParsedSdnList(publishDate, entryCount, found, HexFormat.of().formatHex(sha256.digest()));
    }

    private static boolean isEntryField(String name) {
        return name.equals("uid") || name.equals("firstName") || name.equals("lastName");
    }

    private List<SdnAddress> addressesOf(Entry entry) {
        if (entry.currencyIds.isEmpty()) {
            return List.of();
        }
        String name = abbreviate(entry.firstName == null || entry.firstName.isEmpty() ? nullToEmpty(entry.lastName)
                : nullToEmpty(entry.lastName) + ", " + entry.firstName, MAX_NAME);
        String programmes = abbreviate(String.join(", ", entry.programmes), MAX_PROGRAMMES);
        Set<String> seen = new LinkedHashSet<>();
        List<SdnAddress> result = new ArrayList<>();
        for (String[] id : entry.currencyIds) {
            String currency = abbreviate(id[0], MAX_CURRENCY);
            String listed = id[1];
            if (listed.isEmpty() || listed.length() > MAX_ADDRESS || !seen.add(currency + " " + listed)) {
                continue;
            }
            Optional<Chain> chain = CurrencyChains.chainOf(currency, listed);
            String address = chain.map(c -> addresses.checkAddress(c, listed)).filter(AddressCheck::valid)
                    .map(AddressCheck::normalized).orElse(listed);
            result.add(new SdnAddress(entry.uid, name, programmes, currency, address, chain.map(Chain::name).orElse(null),
                    chain.flatMap(c -> MatchKeys.of(c, address)).orElse(null)));
        }
        return result;
    }

    private static LocalDate publishDate(String text) {
        try {
            return LocalDate.parse(text.strip(), PUBLISH_DATE);
        } catch (DateTimeParseException e) {
            throw new SdnRefusedException("Publish_Date '" + abbreviate(text.strip(), 30) + "' is not a date written MM/DD/YYYY");
        }
    }

    /** A stream that ran over its limit surfaces inside the parser's exception; that answer (413) is kept. */
    private static RuntimeException refusal(XMLStreamException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InputRefusedException refused) {
                return refused;
            }
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ", column "
                + e.getLocation().getColumnNumber() + ")";
        return new SdnRefusedException("The file is not well-formed XML" + where + ": " + abbreviate(firstLine(e.getMessage()), 200));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int message0 = message.indexOf("Message: ");
        String text = message0 >= 0 ? message.substring(message0 + "Message: ".length()) : message;
        int newline = text.indexOf('\n');
        return newline >= 0 ? text.substring(0, newline) : text;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String abbreviate(String s, int length) {
        return s.length() > length ? s.substring(0, length - 1) + "…" : s;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

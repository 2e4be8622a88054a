package org.freezedesk.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** CSV files of targets for import tests and the benchmark: well-formed, distinct Ethereum addresses by default. */
public final class TargetFiles {

    public static final String HEADER = "chain,asset,address,amount,tx_hashes,note";

    private TargetFiles() {
    }

    /** {@code count} distinct, valid Ethereum addresses (all lower case, so no checksum applies), the same for the same seed. */
    public static List<String> ethAddresses(int count, long seed) {
        Random random = new Random(seed);
        List<String> addresses = new ArrayList<>(count);
        byte[] bytes = new byte[20];
        for (int i = 0; i < count; i++) {
            random.nextBytes(bytes);
            addresses.add("0x" + HexFormat.of().formatHex(bytes));
        }
        return addresses;
    }

    /** One line per address: USDT on Ethereum, which the demo directory routes to Tether. */
    public static List<String> usdtLines(List<String> addresses) {
        List<String> lines = new ArrayList<>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            lines.add("ETH,USDT," + addresses.get(i) + "," + (i + 1) + ".5,,\"victim funds, hop " + (i % 7) + "\"");
        }
        return lines;
    }

    public static byte[] csv(List<String> lines) {
        return (HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}

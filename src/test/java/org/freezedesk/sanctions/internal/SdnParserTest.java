package org.freezedesk.sanctions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.freezedesk.address.AddressValidator;
import org.junit.jupiter.api.Test;

/** What the parser keeps of an SDN file, in the forms OFAC has published it over the years. */
class SdnParserTest {

    private final SdnParser parser = new SdnParser(new AddressValidator());

    @Test
    void readsTheOlderNamespaceEscapedNamesTokensAndCoinsOfChainsFreezeDeskDoesNotHandle() throws IOException {
        ParsedSdnList list = parse("""
                <?xml version="1.0" standalone="yes"?>
                <sdnList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://tempuri.org/sdnList.xsd">
                  <publshInformation><Publish_Date>04/14/2022</Publish_Date><Record_Count>1</Record_Count></publshInformation>
                  <sdnEntry><uid>7</uid><lastName>EXCHANGE &amp; OTC LLC</lastName><sdnType>Entity</sdnType>
                    <programList><program>CYBER2</program><program>DPRK3</program></programList>
                    <idList>
                      <id><uid>1</uid><idType>Digital Currency Address - USDT</idType><idNumber>0x098b716b8aaf21512996dc57eb0615e2383e2f96</idNumber></id>
                      <id><uid>2</uid><idType>Digital Currency Address - XMR</idType><idNumber>4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv2684Rge</idNumber></id>
                      <id><uid>3</uid><idType>Passport</idType><idNumber>X123</idNumber></id>
                    </idList>
                    <akaList><aka><uid>9</uid><lastName>NOT THE NAME</lastName></aka></akaList>
                  </sdnEntry>
                </sdnList>""");

        assertThat(list.publishDate()).isEqualTo(LocalDate.of(2022, 4, 14));
        assertThat(list.entryCount()).isEqualTo(1);
        assertThat(list.addresses()).extracting(SdnAddress::entryName).containsOnly("EXCHANGE & OTC LLC");
        assertThat(list.addresses()).extracting(SdnAddress::programmes).containsOnly("CYBER2, DPRK3");
        SdnAddress usdt = list.addresses().get(0);
        // A token on an EVM address is on an EVM chain, stored as FreezeDesk stores addresses (EIP-55).
        assertThat(usdt.chain()).isEqualTo("ETH");
        assertThat(usdt.address()).isEqualTo("0x098B716B8Aaf21512996dC57EB0615e2383E2f96");
        assertThat(usdt.matchKey()).isEqualTo("evm:0x098b716b8aaf21512996dc57eb0615e2383e2f96");
        SdnAddress monero = list.addresses().get(1);
        assertThat(monero.currency()).isEqualTo("XMR");
        assertThat(monero.chain()).isNull();
        assertThat(monero.matchKey()).isNull();
        assertThat(list.addresses()).hasSize(2);
        assertThat(list.sha256()).hasSize(64);
    }

    @Test
    void refusesADateNotWrittenAsOfacWritesIt() {
        assertThatThrownBy(() -> parse("<sdnList><publshInformation><Publish_Date>2026-11-27</Publish_Date></publshInformation>"
                + "<sdnEntry><uid>1</uid></sdnEntry></sdnList>"))
                .isInstanceOf(SdnRefusedException.class).hasMessageContaining("MM/DD/YYYY");
    }

    @Test
    void refusesNestingNoSdnListHas() {
        assertThatThrownBy(() -> parse("<sdnList>" + "<a>".repeat(40) + "</a>".repeat(40) + "</sdnList>"))
                .isInstanceOf(SdnRefusedException.class).hasMessageContaining("nests elements more than 16 deep");
    }

    /** As uploads and downloads arrive: a stream that refuses reads once closed, as files and sockets do. */
    private ParsedSdnList parse(String xml) throws IOException {
        return parser.parse(new BufferedInputStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }
}

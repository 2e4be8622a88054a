package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.freezedesk.address.AddressValidator;
import org.freezedesk.address.Chain;
import org.freezedesk.cases.internal.ImportLine;
import org.freezedesk.cases.internal.ImportNotUsableException;
import org.freezedesk.cases.internal.ImportRefusedException;
import org.freezedesk.cases.internal.ImportState;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.cases.internal.TargetImport;
import org.freezedesk.cases.internal.TargetImportService;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TargetFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@FreezeDeskTest
class TargetImportTest {

    @Autowired TargetImportService imports;
    @Autowired FreezeCaseService freezeCaseService;
    @Autowired CaseRepository cases;
    @Autowired CounterpartyRepository counterparties;
    @Autowired AddressValidator addresses;
    @Autowired StaffUserRepository users;
    @Autowired JdbcClient jdbc;

    private StaffUser agency;

    @BeforeEach
    void setUp() {
        agency = users.loadUserByUsername("agency");
    }

    @Test
    void previewOfTenThousandLinesNamesExactlyTheBadOnesAndOnceFixedEveryLineIsSavedOnce() throws Exception {
        List<String> good = TargetFiles.usdtLines(TargetFiles.ethAddresses(10_000, 42));
        List<String> bad = new ArrayList<>(good);
        // Line n of the file is bad.get(n - 2): the header is line 1.
        bad.set(100, bad.get(100).replace(",101.5,", ",1O1.5,"));
        String checksummed = addresses.checkAddress(Chain.ETH, TargetFiles.ethAddresses(10_000, 42).get(2_500)).normalized();
        bad.set(2_500, "ETH,USDT," + flipCase(checksummed) + ",7,,");
        bad.set(7_001, bad.get(7_001).replace("ETH,USDT", "ETHEREUM,USDT"));
        bad.set(8_999, good.get(48));

        TargetImport checked = check(imports.upload("agency", null, null, "bybit.csv", TargetFiles.csv(bad), null));

        assertThat(checked.totalLines()).isEqualTo(10_000);
        assertThat(checked.errorLines()).isEqualTo(4);
        assertThat(imports.problems(checked, 100)).extracting(p -> p.lineNumber() + ":" + p.column())
                .containsExactly("102:amount", "2502:address", "7003:chain", "9001:address");
        assertThat(imports.problems(checked, 100).get(3).message()).isEqualTo("Same chain, asset and address as line 50; list each target once");
        assertThatThrownBy(() -> freezeCaseService.file(Filings.form(), checked, agency)).isInstanceOf(ImportNotUsableException.class)
                .hasMessageContaining("errors");

        TargetImport fixed = check(imports.upload("agency", null, null, "bybit-fixed.csv", TargetFiles.csv(good), null));
        assertThat(fixed.errorLines()).isZero();
        assertThat(fixed.usable()).isTrue();
        String reference = freezeCaseService.file(Filings.form(), fixed, agency);

        FreezeRequest request = freezeCaseService.request(reference, 1, agency);
        List<Target> saved = cases.targetsOf(request.id());
        assertThat(saved).hasSize(10_000);
        assertThat(saved).extracting(Target::lineNumber).doesNotHaveDuplicates().startsWith(2, 3).endsWith(10_001);
        assertThat(saved.stream().map(Target::address).collect(Collectors.toSet())).isEqualTo(TargetFiles.ethAddresses(10_000, 42).stream()
                .map(a -> addresses.checkAddress(Chain.ETH, a).normalized()).collect(Collectors.toSet()));
        assertThat(cases.routedCounterpartyIds(request.id())).containsExactly(counterparties.findByName("Tether").orElseThrow().id());

        assertThatThrownBy(() -> freezeCaseService.file(Filings.form(), fixed, agency)).isInstanceOf(ImportNotUsableException.class)
                .hasMessageContaining("filed already");
        assertThat(cases.targetsOf(request.id())).hasSize(10_000);
    }

    @Test
    void moreThanFiftyThousandLinesAreRefusedAndNothingIsStored() {
        int importsBefore = importCount();
        byte[] file = TargetFiles.csv(TargetFiles.usdtLines(TargetFiles.ethAddresses(50_001, 7)));

        assertThatThrownBy(() -> imports.upload("agency", null, null, "too-big.csv", file, null))
                .isInstanceOf(ImportRefusedException.class)
                .hasMessage("The file has more than 50,000 targets; one import takes at most that many. Split the file and import each part."
                        + " Nothing was saved.");
        assertThat(importCount()).isEqualTo(importsBefore);
    }

    @Test
    void aFileWithoutTheNamedColumnsIsRefusedNamingThem() {
        assertThatThrownBy(() -> imports.upload("agency", null, null, "a.csv", bytes("chain,asset,address\nETH,USDT,0x1\n"), null))
                .hasMessageStartingWith("The header row lacks the column(s) amount");
        assertThatThrownBy(() -> imports.upload("agency", null, null, "a.csv", bytes("chain,asset,adress,amount\n"), null))
                .hasMessageStartingWith("The header row names an unknown column 'adress'");
        assertThatThrownBy(() -> imports.upload("agency", null, null, "a.csv", new byte[] {(byte) 0xff, 0x41}, null))
                .hasMessageStartingWith("The file is not UTF-8 text");
    }

    @Test
    void problemsAreNamedByTheLineOfTheFileEvenAfterANoteSpanningLines() throws Exception {
        String file = "\uFEFFAsset,Chain,Address,Amount,Note\n"
                + "USDT,ETH," + Filings.ETH_ADDRESS + ",5,\"first line\nsecond line\"\n"
                + "\n"
                + "USDT,TRON,TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u,all,\n";
        TargetImport checked = check(imports.upload("agency", null, null, "notes.csv", bytes(file), null));

        assertThat(imports.problems(checked, 10)).containsExactly(new ImportLine.Problem(5, "address", ImportLine.Severity.ERROR,
                "Tron address checksum does not match — check for a mistyped character"));
        assertThat(imports.lines(checked, 0, 10)).extracting(ImportLine::lineNumber).containsExactly(2, 5);
    }

    @Test
    void targetsAlreadyRequestedInTheCaseAreFlaggedButCanBeFiled() throws Exception {
        String reference = freezeCaseService.file(Filings.form(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "5")),
                List.of(new NewTarget(1, "ETH", "USDT", Filings.ETH_ADDRESS, new BigDecimal("5"), null, null)), agency);
        FreezeCase freezeCase = freezeCaseService.visibleCase(reference, agency);
        byte[] file = bytes(TargetFiles.HEADER + "\nETH,usdt," + Filings.ETH_ADDRESS.toLowerCase() + ",9,,\n");

        TargetImport checked = check(imports.upload("agency", freezeCase, null, "more.csv", file, null));

        assertThat(imports.problems(checked, 10)).containsExactly(new ImportLine.Problem(2, "address", ImportLine.Severity.WARNING,
                "Already requested in this case: request 1, line 1"));
        assertThat(checked.usable()).isTrue();
    }

    @Test
    void anotherUsersImportCannotBeSeenOrFiled() throws Exception {
        TargetImport checked = check(imports.upload("agency", null, null, "mine.csv",
                TargetFiles.csv(TargetFiles.usdtLines(TargetFiles.ethAddresses(3, 1))), null));

        assertThat(imports.find(checked.id(), "agency2")).isEmpty();
        assertThatThrownBy(() -> freezeCaseService.file(Filings.form(), checked, users.loadUserByUsername("agency2")))
                .isInstanceOf(ImportNotUsableException.class);
    }

    private int importCount() {
        return jdbc.sql("SELECT COUNT(*) FROM target_import").query(Integer.class).single();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String flipCase(String checksummed) {
        char[] chars = checksummed.toCharArray();
        for (int i = 2; i < chars.length; i++) {
            if (Character.isLetter(chars[i])) {
                chars[i] = Character.isUpperCase(chars[i]) ? Character.toLowerCase(chars[i]) : Character.toUpperCase(chars[i]);
                return new String(chars);
            }
        }
        throw new IllegalArgumentException("no letter in " + checksummed);
    }

    private TargetImport check(String id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !imports.find(id, "agency").orElseThrow().checking());
        TargetImport checked = imports.find(id, "agency").orElseThrow();
        assertThat(checked.state()).isEqualTo(ImportState.READY);
        return checked;
    }
}

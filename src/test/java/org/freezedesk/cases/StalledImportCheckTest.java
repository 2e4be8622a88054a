package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.freezedesk.cases.internal.ImportState;
import org.freezedesk.cases.internal.TargetImport;
import org.freezedesk.cases.internal.TargetImportService;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TargetFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A target-file check whose node died is taken over by another node instead of being shown as failed. */
@FreezeDeskTest
class StalledImportCheckTest {

    @Autowired TargetImportService imports;
    @Autowired JdbcClient jdbc;

    @Test
    void aCheckLeftByADeadNodeIsCheckedAgainAndItsLateProgressNoLongerCounts() {
        List<String> lines = new ArrayList<>(TargetFiles.usdtLines(TargetFiles.ethAddresses(1_500, 7)));
        lines.set(10, lines.get(10).replace("ETH,USDT", "ETHEREUM,USDT"));
        byte[] file = (TargetFiles.HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        OffsetDateTime tenMinutesAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10);
        // What a node leaves behind when it dies a thousand lines into the check of a file uploaded to it.
        jdbc.sql("""
                INSERT INTO target_import (id, owner, file_name, file_sha256, state, total_lines, checked_lines, created_at, updated_at,
                                           content, check_run)
                VALUES (?, 'agency', 'targets.csv', 'sha', 'CHECKING', 1500, 1000, ?, ?, ?, 'dead-node-run')""")
                .params(id, tenMinutesAgo, tenMinutesAgo, file).update();

        assertThat(imports.resumeStalledCheck(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2))).isTrue();

        TargetImport resumed = imports.find(id, "agency").orElseThrow();
        assertThat(resumed.state()).isEqualTo(ImportState.READY);
        assertThat(resumed.totalLines()).isEqualTo(1_500);
        assertThat(resumed.errorLines()).isEqualTo(1);
        assertThat(imports.problems(resumed, 10)).isNotEmpty().allSatisfy(p -> assertThat(p.lineNumber()).isEqualTo(12));
        assertThat(imports.problems(resumed, 10)).first()
                .satisfies(p -> assertThat(p.lineNumber()).isEqualTo(12));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM target_import_line WHERE import_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1_500L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM target_import WHERE id = ? AND content IS NULL").param(id).query(Long.class).single())
                .as("the file is not kept once checked").isEqualTo(1L);
        assertThat(imports.resumeStalledCheck(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2)))
                .as("nothing is left to take over").isFalse();
    }

    @Test
    void aCheckThatStillMovesIsLeftToItsNode() {
        String id = UUID.randomUUID().toString();
        OffsetDateTime justNow = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO target_import (id, owner, file_name, file_sha256, state, total_lines, checked_lines, created_at, updated_at,
                                           content, check_run)
                VALUES (?, 'agency', 'targets.csv', 'sha', 'CHECKING', 1, 0, ?, ?, ?, 'live-run')""")
                .params(id, justNow, justNow, "chain,asset,address,amount\n".getBytes(StandardCharsets.UTF_8)).update();

        assertThat(imports.resumeStalledCheck(justNow.minusMinutes(2))).isFalse();
        assertThat(imports.find(id, "agency").orElseThrow().state()).isEqualTo(ImportState.CHECKING);
    }
}

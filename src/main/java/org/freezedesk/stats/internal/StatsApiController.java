package org.freezedesk.stats.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures as JSON; amounts as exact decimal strings, durations in seconds. */
@RestController
@Tag(name = "Figures", description = "The dashboard's figures (roles AGENCY and AUDITOR)")
class StatsApiController {

    private final StatsService statsService;

    StatsApiController(StatsService statsService) {
        this.statsService = statsService;
    }

    @GetMapping("/api/v1/stats")
    @Operation(summary = "The dashboard's figures",
            description = "Requested, frozen and recovered per asset, and per counterparty the times to acknowledge and freeze, "
                    + "over the cases the caller may read (case: only these references).")
    StatsDocument stats(@RequestParam(name = "case", required = false) List<String> references, @AuthenticationPrincipal StaffUser user) {
        return StatsDocument.of(statsService.figures(user, references));
    }
}

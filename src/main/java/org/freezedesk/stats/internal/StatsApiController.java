package org.freezedesk.stats.internal;

import java.util.List;

import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures as JSON; amounts as exact decimal strings, durations in seconds. */
@RestController
class StatsApiController {

    private final StatsService statsService;

    StatsApiController(StatsService statsService) {
        this.statsService = statsService;
    }

    @GetMapping("/api/v1/stats")
    StatsDocument stats(@RequestParam(name = "case", required = false) List<String> references, @AuthenticationPrincipal StaffUser user) {
        return StatsDocument.of(statsService.figures(user, references));
    }
}

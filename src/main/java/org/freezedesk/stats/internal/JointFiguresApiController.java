package org.freezedesk.stats.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A case's figures per filing agency and in total; amounts as exact decimal strings. */
@RestController
@Tag(name = "Figures", description = "The dashboard's figures (roles AGENCY and AUDITOR)")
class JointFiguresApiController {

    @Schema(name = "CaseFigures")
    record CaseFiguresDocument(String reference, String leadAgency, List<AssetLine> total, List<AgencyLine> agencies) {

        static CaseFiguresDocument of(JointFigures f) {
            return new CaseFiguresDocument(f.reference(), f.leadAgency(), f.total().stream().map(AssetLine::of).toList(),
                    f.agencies().stream().map(a -> new AgencyLine(a.agency(), a.lead(), a.assets().stream().map(AssetLine::of).toList()))
                            .toList());
        }
    }

    @Schema(name = "CaseFiguresAgency")
    record AgencyLine(String agency, boolean lead, List<AssetLine> assets) {
    }

    @Schema(name = "CaseFiguresAsset", description = "requested: the amounts named; requestedAllCount: addresses asked for everything")
    record AssetLine(String asset, String requested, int requestedAllCount, String frozen, String recovered) {

        static AssetLine of(AssetFigures a) {
            return new AssetLine(a.asset(), a.requested().stripTrailingZeros().toPlainString(), a.requestedAllCount(),
                    a.frozen().stripTrailingZeros().toPlainString(), a.recovered().stripTrailingZeros().toPlainString());
        }
    }

    private final JointFiguresService figures;

    JointFiguresApiController(JointFiguresService figures) {
        this.figures = figures;
    }

    @GetMapping("/api/v1/cases/{reference}/figures")
    @Operation(summary = "A case's figures per agency",
            description = "Requested, frozen and recovered per asset, for each agency that filed on the case (the lead and, in a "
                    + "joint case, its partners) and in total. An address asked for by several agencies counts once in the total. "
                    + "Whoever reads the case.")
    CaseFiguresDocument caseFigures(@PathVariable String reference, @AuthenticationPrincipal StaffUser user) {
        return CaseFiguresDocument.of(figures.of(reference, user));
    }
}

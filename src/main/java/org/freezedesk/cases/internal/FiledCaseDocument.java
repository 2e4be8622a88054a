package org.freezedesk.cases.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a filing over the API: the case as {@code GET /api/v1/cases/{reference}} shows it, and its targets that
 * other agencies' discoverable cases target too (README, "Address index").
 */
@Schema(name = "FiledCase")
record FiledCaseDocument(@JsonUnwrapped CaseDocument filed, List<CrossCaseMatch> crossCaseMatches) {
}

package org.freezedesk.portal.internal;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.freezedesk.counterpartyrequest.Draft;
import org.springframework.stereotype.Component;

/** A response form kept as typed, in JSON, and read back row by row for each target. */
@Component
class ResponseDrafts {

    private final ObjectMapper json;

    ResponseDrafts(ObjectMapper json) {
        this.json = json;
    }

    String write(ResponseForm form) {
        try {
            return json.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response form always serializes", e);
        }
    }

    /** The draft's form, or empty when it can no longer be read (it was written by an older version of the form). */
    Optional<ResponseForm> read(Draft draft) {
        try {
            return Optional.of(json.readValue(draft.content(), ResponseForm.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static Map<Long, OutcomeRow> rowsByTarget(ResponseForm form) {
        return form.getOutcomes().stream().filter(row -> row != null && row.getTargetId() != null)
                .collect(Collectors.toMap(OutcomeRow::getTargetId, Function.identity(), (first, second) -> first));
    }
}

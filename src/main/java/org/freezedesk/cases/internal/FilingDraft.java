package org.freezedesk.cases.internal;

import java.time.LocalDate;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.freezedesk.cases.Urgency;

/**
 * What the filer typed about the case while a CSV file of its targets is checked, kept with the import so that
 * the filing form comes back as it was, on whichever node serves it.
 */
record FilingDraft(String title, String incidentSummary, String victim, LocalDate theftDate, String legalBasis,
        String courtOrderReference, String mlatReference, Urgency urgency, String emergencyJustification, Boolean doNotNotify,
        String doNotNotifyBasis, LocalDate doNotNotifyUntil) {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    static String json(FilingForm form) {
        try {
            return JSON.writeValueAsString(of(form));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a draft of plain values is always written", e);
        }
    }

    /** Empty when there was no draft, or it was written by an older form. */
    static Optional<FilingDraft> fromJson(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(json, FilingDraft.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static FilingDraft of(FilingForm form) {
        return new FilingDraft(form.getTitle(), form.getIncidentSummary(), form.getVictim(), form.getTheftDate(), form.getLegalBasis(),
                form.getCourtOrderReference(), form.getMlatReference(), form.getUrgency(), form.getEmergencyJustification(),
                form.isDoNotNotify(), form.getDoNotNotifyBasis(), form.getDoNotNotifyUntil());
    }

    void applyTo(FilingForm form) {
        form.setTitle(title);
        form.setIncidentSummary(incidentSummary);
        form.setVictim(victim);
        form.setTheftDate(theftDate);
        form.setLegalBasis(legalBasis);
        form.setCourtOrderReference(courtOrderReference);
        form.setMlatReference(mlatReference);
        form.setUrgency(urgency);
        form.setEmergencyJustification(emergencyJustification);
        form.setDoNotNotify(Boolean.TRUE.equals(doNotNotify));
        form.setDoNotNotifyBasis(doNotNotifyBasis);
        form.setDoNotNotifyUntil(doNotNotifyUntil);
    }
}

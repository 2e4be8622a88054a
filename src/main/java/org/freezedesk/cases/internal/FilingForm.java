package org.freezedesk.cases.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.freezedesk.cases.Urgency;
import org.freezedesk.input.DateInRange;
import org.freezedesk.input.InputPolicy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/** A case with its first request, or the amendment of a returned request; the same for the form and the API. */
@RequestRules
public class FilingForm {

    /**
     * The header row the paste box starts with: the columns of the form's rows, in their order. The filer may change
     * it, as in a file (to give CAIP-10 ids instead of chain and address, say).
     */
    public static final String PASTE_HEADER = Stream.of(TargetColumn.CHAIN, TargetColumn.ASSET, TargetColumn.ADDRESS, TargetColumn.AMOUNT,
            TargetColumn.TX_HASHES, TargetColumn.NOTE).map(TargetColumn::csvName).collect(Collectors.joining(",")) + "\n";
    static final int PASTED_MAX_CHARACTERS = (int) TargetImportService.MAX_BYTES;

    @NotBlank(message = "Enter a case title")
    @Size(max = 200, message = "At most 200 characters")
    private String title;

    @NotBlank(message = "Describe the incident")
    @Size(max = 4000, message = "At most 4000 characters")
    private String incidentSummary;

    @Size(max = 200, message = "At most 200 characters")
    private String victim;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @PastOrPresent(message = "The theft cannot be in the future")
    @DateInRange
    private LocalDate theftDate;

    @NotBlank(message = "Name the legal basis (statute)")
    @Size(max = 2000, message = "At most 2000 characters")
    private String legalBasis;

    @Size(max = 200, message = "At most 200 characters")
    private String courtOrderReference;

    @Size(max = 200, message = "At most 200 characters")
    private String mlatReference;

    @NotNull(message = "Choose the urgency")
    private Urgency urgency = Urgency.URGENT;

    /** Why the request cannot wait for the usual review; required for {@link Urgency#EMERGENCY}. */
    @Size(max = 2000, message = "At most 2000 characters")
    private String emergencyJustification;

    /** The counterparty must not tell its customer about the request, on {@link #doNotNotifyBasis}, until {@link #doNotNotifyUntil}. */
    private boolean doNotNotify;

    @Size(max = 1000, message = "At most 1000 characters")
    private String doNotNotifyBasis;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @DateInRange
    private LocalDate doNotNotifyUntil;

    @Size(max = InputPolicy.MAX_FORM_ROWS, message = "At most " + InputPolicy.MAX_FORM_ROWS + " targets here; import a CSV file for more")
    private List<TargetRow> targets = new ArrayList<>();

    /** A checked CSV import whose lines are the targets, instead of typed rows. */
    private String importId;

    /** The CSV file chosen in the form, before it is checked; never part of the JSON API. */
    @JsonIgnore
    private MultipartFile file;

    /**
     * Target lines pasted instead of choosing a file, checked and previewed as the file would be: the file's columns
     * under its header row, which the box starts with. Never part of the JSON API.
     */
    @JsonIgnore
    @Size(max = PASTED_MAX_CHARACTERS, message = "At most 64 MB of lines here; import a CSV file in parts for more")
    private String pastedLines = PASTE_HEADER;

    /** Rows left empty in the form are not targets; dropping them first keeps error indexes on the rows shown. */
    public void dropBlankTargets() {
        targets.removeIf(row -> row == null || row.isBlank());
    }

    /** Pads with empty rows, up to the most a form may hold. */
    public void padTargets(int rows) {
        while (targets.size() < Math.min(rows, InputPolicy.MAX_FORM_ROWS)) {
            targets.add(new TargetRow());
        }
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getIncidentSummary() {
        return incidentSummary;
    }

    public void setIncidentSummary(String incidentSummary) {
        this.incidentSummary = incidentSummary;
    }

    public String getVictim() {
        return victim;
    }

    public void setVictim(String victim) {
        this.victim = victim;
    }

    public LocalDate getTheftDate() {
        return theftDate;
    }

    public void setTheftDate(LocalDate theftDate) {
        this.theftDate = theftDate;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public String getCourtOrderReference() {
        return courtOrderReference;
    }

    public void setCourtOrderReference(String courtOrderReference) {
        this.courtOrderReference = courtOrderReference;
    }

    public String getMlatReference() {
        return mlatReference;
    }

    public void setMlatReference(String mlatReference) {
        this.mlatReference = mlatReference;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public void setUrgency(Urgency urgency) {
        this.urgency = urgency;
    }

    public String getEmergencyJustification() {
        return emergencyJustification;
    }

    public void setEmergencyJustification(String emergencyJustification) {
        this.emergencyJustification = emergencyJustification;
    }

    public boolean isDoNotNotify() {
        return doNotNotify;
    }

    public void setDoNotNotify(boolean doNotNotify) {
        this.doNotNotify = doNotNotify;
    }

    public String getDoNotNotifyBasis() {
        return doNotNotifyBasis;
    }

    public void setDoNotNotifyBasis(String doNotNotifyBasis) {
        this.doNotNotifyBasis = doNotNotifyBasis;
    }

    public LocalDate getDoNotNotifyUntil() {
        return doNotNotifyUntil;
    }

    public void setDoNotNotifyUntil(LocalDate doNotNotifyUntil) {
        this.doNotNotifyUntil = doNotNotifyUntil;
    }

    public String getImportId() {
        return importId;
    }

    public void setImportId(String importId) {
        this.importId = importId == null || importId.isBlank() ? null : importId.strip();
    }

    @JsonIgnore
    public String getPastedLines() {
        return pastedLines;
    }

    @JsonIgnore
    public void setPastedLines(String pastedLines) {
        this.pastedLines = pastedLines;
    }

    /** Whether lines were pasted below the header row the box starts with. */
    public boolean hasPastedLines() {
        return pastedLines != null && !pastedLines.isBlank() && !pastedLines.strip().equals(PASTE_HEADER.strip());
    }

    @JsonIgnore
    public MultipartFile getFile() {
        return file;
    }

    @JsonIgnore
    public void setFile(MultipartFile file) {
        this.file = file;
    }

    public List<TargetRow> getTargets() {
        return targets;
    }

    /** A JSON {@code "targets": null} is no targets, which the validator refuses naming the field. */
    public void setTargets(List<TargetRow> targets) {
        this.targets = targets == null ? new ArrayList<>() : targets;
    }
}

package org.freezedesk.cases.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.directory.AssetPrecision;
import org.freezedesk.directory.Route;
import org.freezedesk.directory.RouteKey;
import org.freezedesk.directory.TargetRouter;
import org.freezedesk.input.InputPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of targets from CSV, STIX 2.1 or MISP files. The upload is read at once, so that a file that cannot be imported at all is
 * refused while the user waits; its lines are then checked and routed in the background, reporting progress,
 * and the preview is stored in the database. Nothing becomes a target until the filer files the import.
 */
@Service
public class TargetImportService {

    public static final int MAX_LINES = 50_000;
    /** As spring.servlet.multipart.max-file-size: 50,000 lines with transaction hashes and notes. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final int MAX_FILE_NAME = 200;
    private static final int PROGRESS_EVERY = 1000;
    private static final Duration KEPT_FOR = Duration.ofDays(2);
    private static final Logger log = LoggerFactory.getLogger(TargetImportService.class);

    private final TargetImportRepository imports;
    private final CaseRepository cases;
    private final TargetChecker checker;
    private final TargetRouter router;
    private final TransactionTemplate transaction;
    private final TaskExecutor executor;

    TargetImportService(TargetImportRepository imports, CaseRepository cases, TargetChecker checker, TargetRouter router,
            TransactionTemplate transaction, @Qualifier(TargetImportConfiguration.EXECUTOR) TaskExecutor executor) {
        this.imports = imports;
        this.cases = cases;
        this.checker = checker;
        this.router = router;
        this.transaction = transaction;
        this.executor = executor;
    }

    /**
     * Reads the file and starts checking its lines; returns the new import's id. {@code freezeCase} and
     * {@code request} are set when the targets are for the amendment of that request, whose other requests are
     * then searched for the same targets.
     */
    public String upload(String owner, FreezeCase freezeCase, FreezeRequest request, String fileName, byte[] content, String draft)
            throws ImportRefusedException {
        List<CsvTargetFile.Line> lines = parse(content);
        imports.deleteCreatedBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(KEPT_FOR));
        String id = UUID.randomUUID().toString();
        String checkRun = UUID.randomUUID().toString();
        imports.create(id, owner, freezeCase == null ? null : freezeCase.id(), request == null ? null : request.sequenceNumber(),
                fileName(fileName), sha256(content), lines.size(), draft, content, checkRun);
        Map<String, String> requested = freezeCase == null ? Map.of()
                : cases.requestedTargets(freezeCase.id(), request == null ? null : request.id());
        executor.execute(() -> check(id, checkRun, lines, requested));
        return id;
    }

    /**
     * Checks again, on this node, a file whose check has not moved since {@code stalledSince}: the node checking it died.
     * The file was stored with the import; only this run's results count from now on. Returns whether one was found.
     */
    public boolean resumeStalledCheck(OffsetDateTime stalledSince) {
        String checkRun = UUID.randomUUID().toString();
        Optional<TargetImportRepository.StalledCheck> stalled = transaction.execute(status -> imports.claimStalled(stalledSince, checkRun));
        if (stalled == null || stalled.isEmpty()) {
            return false;
        }
        TargetImportRepository.StalledCheck check = stalled.get();
        log.info("Resuming the check of target import {}, left unfinished by another node", check.id());
        List<CsvTargetFile.Line> lines;
        try {
            lines = parse(check.content());
        } catch (ImportRefusedException e) {
            imports.fail(check.id(), checkRun, e.getMessage());
            return true;
        }
        Map<String, String> requested = check.caseId() == null ? Map.of()
                : cases.requestedTargets(check.caseId(), requestId(check.caseId(), check.requestSequence()));
        check(check.id(), checkRun, lines, requested);
        return true;
    }

    /** A CSV file, or a STIX bundle or MISP event (JSON), told apart by content so that the same upload takes all three. */
    private static List<CsvTargetFile.Line> parse(byte[] content) throws ImportRefusedException {
        return JsonTargetFile.isJson(content) ? JsonTargetFile.parse(content, MAX_LINES) : CsvTargetFile.parse(content, MAX_LINES);
    }

    private Long requestId(long caseId, Integer sequence) {
        return sequence == null ? null
                : cases.requestsOf(caseId).stream().filter(r -> r.sequenceNumber() == sequence).map(FreezeRequest::id).findFirst().orElse(null);
    }

    /** The import, if it exists and belongs to {@code owner}: nobody sees another person's file. */
    public Optional<TargetImport> find(String id, String owner) {
        return id == null ? Optional.empty() : imports.find(id).filter(i -> i.owner().equals(owner));
    }

    public List<ImportLine> lines(TargetImport targetImport, int offset, int limit) {
        return imports.lines(targetImport.id(), offset, limit);
    }

    public List<ImportLine.Problem> problems(TargetImport targetImport, int limit) {
        return imports.problems(targetImport.id(), limit);
    }

    public List<ImportGroup> groups(TargetImport targetImport) {
        return imports.groups(targetImport.id());
    }

    private void check(String id, String checkRun, List<CsvTargetFile.Line> lines, Map<String, String> requested) {
        try {
            List<TargetChecker.Result> results = new ArrayList<>(lines.size());
            AssetPrecision.Table precision = checker.precision();
            for (int i = 0; i < lines.size(); i++) {
                CsvTargetFile.Line line = lines.get(i);
                results.add(checker.check(line.lineNumber(), line.row(), precision));
                if ((i + 1) % PROGRESS_EVERY == 0 && !imports.progress(id, checkRun, i + 1)) {
                    throw new CheckTakenOverException(id);
                }
            }
            List<NewTarget> valid = results.stream().filter(TargetChecker.Result::valid).map(TargetChecker.Result::target).toList();
            Map<Integer, TargetProblem> duplicates = TargetChecker.duplicates(valid, "line");
            Map<RouteKey, List<Route>> routes = router.route(valid.stream().map(NewTarget::routeKey).distinct().toList());
            List<ImportLine> checked = new ArrayList<>(lines.size());
            int errorLines = 0;
            int warningLines = 0;
            for (int i = 0; i < lines.size(); i++) {
                ImportLine line = line(lines.get(i), results.get(i), duplicates, requested, routes);
                checked.add(line);
                if (!line.valid()) {
                    errorLines++;
                } else if (!line.problems().isEmpty()) {
                    warningLines++;
                }
            }
            int errors = errorLines;
            int warnings = warningLines;
            transaction.executeWithoutResult(status -> imports.storeResults(id, checkRun, checked, errors, warnings));
        } catch (CheckTakenOverException e) {
            log.info(e.getMessage());
        } catch (RuntimeException e) {
            log.error("Check of target import {} failed", id, e);
            imports.fail(id, checkRun, "The check broke off (" + e.getClass().getSimpleName() + "); upload the file again");
        }
    }

    private static ImportLine line(CsvTargetFile.Line line, TargetChecker.Result result, Map<Integer, TargetProblem> duplicates,
            Map<String, String> requested, Map<RouteKey, List<Route>> routes) {
        int number = line.lineNumber();
        List<ImportLine.Problem> problems = new ArrayList<>();
        if (line.problem() != null) {
            problems.add(error(number, line.problem()));
        }
        result.problems().forEach(p -> problems.add(error(number, p)));
        TargetProblem duplicate = duplicates.get(number);
        if (duplicate != null) {
            problems.add(error(number, duplicate));
        }
        NewTarget target = result.target();
        boolean valid = problems.isEmpty();
        if (target == null) {
            TargetRow row = line.row();
            // A line naming its account only by CAIP-10 id shows the id where the address would be.
            String address = row.getAddress() == null || row.getAddress().isBlank() ? row.getCaip10() : row.getAddress();
            return new ImportLine(number, false, row.getChain(), row.getAsset(), address, row.getAmount(), row.getTxHashes(),
                    row.getNote(), problems, List.of());
        }
        String earlier = requested.get(TargetChecker.key(target.chain(), target.asset(), target.address()));
        if (earlier != null) {
            problems.add(new ImportLine.Problem(number, TargetColumn.ADDRESS.csvName(), ImportLine.Severity.WARNING,
                    "Already requested in this case: " + earlier));
        }
        return new ImportLine(number, valid, target.chain(), target.asset(), target.address(), target.amountText(), target.txHashes(),
                target.note(), problems, valid ? routes.getOrDefault(target.routeKey(), List.of()) : List.of());
    }

    private static ImportLine.Problem error(int lineNumber, TargetProblem problem) {
        return new ImportLine.Problem(lineNumber, problem.column() == null ? null : problem.column().csvName(),
                ImportLine.Severity.ERROR, problem.message());
    }

    /** A file's name is only shown back, so what it cannot hold (control characters, excess length) is removed, not refused. */
    private static String fileName(String given) {
        String name = InputPolicy.withoutControlCharacters(given);
        if (name == null || name.isBlank()) {
            return "targets.csv";
        }
        name = name.strip();
        return name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

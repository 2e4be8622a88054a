package org.freezedesk.cases.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.freezedesk.directory.AssetPrecision;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * The checks on typed targets that bean validation cannot express, each problem put next to its field. Used
 * by the filing form, the amendment form and the API alike; a CSV import runs the same {@link TargetChecker}.
 */
@Component
public class FilingValidator {

    private final TargetChecker checker;

    public FilingValidator(TargetChecker checker) {
        this.checker = checker;
    }

    /** Adds an error per bad field to {@code errors} and returns the targets in normalized form, numbered from 1. */
    public List<NewTarget> validateTargets(FilingForm form, Errors errors) {
        List<NewTarget> result = new ArrayList<>();
        if (form.getTargets().isEmpty()) {
            errors.rejectValue("targets", "required", "Add at least one target");
            return result;
        }
        AssetPrecision.Table precision = checker.precision();
        for (int i = 0; i < form.getTargets().size(); i++) {
            TargetChecker.Result checked = checker.check(i + 1, form.getTargets().get(i), precision);
            if (checked.valid()) {
                result.add(checked.target());
            }
            for (TargetProblem problem : checked.problems()) {
                reject(errors, i, problem);
            }
        }
        Map<Integer, TargetProblem> duplicates = TargetChecker.duplicates(result, "row");
        duplicates.forEach((line, problem) -> reject(errors, line - 1, problem));
        result.removeIf(target -> duplicates.containsKey(target.lineNumber()));
        return result;
    }

    private static void reject(Errors errors, int index, TargetProblem problem) {
        errors.rejectValue("targets[" + index + "]." + problem.column().field(), "target", problem.message());
    }
}

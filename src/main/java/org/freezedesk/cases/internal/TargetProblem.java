package org.freezedesk.cases.internal;

/** What is wrong with one value of a target; {@code column} is null when it concerns the whole line. */
public record TargetProblem(TargetColumn column, String message) {
}

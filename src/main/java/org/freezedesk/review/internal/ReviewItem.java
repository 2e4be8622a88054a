package org.freezedesk.review.internal;

import java.util.Date;

import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeRequest;

/** A request waiting in the legal review queue. */
public record ReviewItem(String taskId, Date waitingSince, FreezeCase freezeCase, FreezeRequest request, int targetCount) {
}

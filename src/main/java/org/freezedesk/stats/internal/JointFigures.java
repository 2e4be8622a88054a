package org.freezedesk.stats.internal;

import java.util.List;

/**
 * A joint case's figures: per asset in total, and per asset for each agency that filed on it (the lead first). An
 * address asked for by two agencies counts once in the total, so the agencies' lines may add up to more than it.
 */
public record JointFigures(String reference, String leadAgency, List<AssetFigures> total, List<AgencyFigures> agencies) {

    /** What one agency's requests asked for, froze and recovered, per asset. */
    public record AgencyFigures(String agency, boolean lead, List<AssetFigures> assets) {
    }
}

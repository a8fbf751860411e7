package org.freelanceisland.kpi.internal.model;

/** Which fiscal years a person condition looks at. */
public enum PersonScope {
    /** Events up to the end of the rule's last fiscal year (a status that began before or during the period). */
    UNTIL_END,
    /** Events within the rule's fiscal years only. */
    WITHIN_YEARS,
    /** Events of any time. */
    ANY_TIME
}

package ${package}.internal.model;

/** Where an item stands. */
public enum ItemStatus {
    /** Being worked on. */
    OPEN,
    /** Done; kept for the record. */
    CLOSED
}

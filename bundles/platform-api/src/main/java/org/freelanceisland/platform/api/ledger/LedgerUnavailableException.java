package org.freelanceisland.platform.api.ledger;

/**
 * Thrown when the ledger cannot reach its database. The caller may try again later.
 */
public class LedgerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the underlying error
     */
    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

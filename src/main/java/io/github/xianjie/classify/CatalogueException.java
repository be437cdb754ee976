package io.github.xianjie.classify;

/** The keyword catalogue is malformed; the message names file, line and column. */
public class CatalogueException extends RuntimeException {
    /** @param message Chinese message naming file, line and column */
    public CatalogueException(String message) {
        super(message);
    }
}

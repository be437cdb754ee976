package io.github.xianjie.params;

/** A parameter file is malformed; the message names the file and key. */
public class ParameterException extends RuntimeException {
    /** @param message Chinese message naming file and key */
    public ParameterException(String message) {
        super(message);
    }
}

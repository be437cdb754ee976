package io.github.xianjie.input;

/**
 * Input that cannot be read or is invalid. The message names the file, the position (row/line,
 * sheet, column) and the field, in Chinese; the CLI prints it and exits with code 2.
 */
public class InputException extends RuntimeException {
    /** @param message Chinese message naming file, position and field */
    public InputException(String message) {
        super(message);
    }
}

package io.github.xianjie.engine;

/** The ruleset cannot be loaded or its DRL does not build; the message names file, line and column. */
public class RulesetException extends RuntimeException {
    /** @param message Chinese message naming the file and position */
    public RulesetException(String message) {
        super(message);
    }
}

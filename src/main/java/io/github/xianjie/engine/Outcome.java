package io.github.xianjie.engine;

/** Outcome of one rule for one subject. */
public enum Outcome {
    /** The rule was evaluated and is met. */
    PASS("通过", "pass"),
    /** The rule was evaluated and is breached. */
    FAIL("不符合", "fail"),
    /** A field needed to decide is missing; {@link Result#missing()} names it. */
    UNDETERMINED("无法判定", "undetermined"),
    /** The rule does not apply to this subject (e.g. no prepayment, regional funds for a central-only rule). */
    NOT_APPLICABLE("不适用", "not applicable");

    private final String zh;
    private final String en;

    Outcome(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** @param english true for English @return the outcome's label */
    public String label(boolean english) {
        return english ? en : zh;
    }
}

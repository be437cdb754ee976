package io.github.xianjie.domain;

/**
 * Stage of a county plan. At {@code PLAN} (screening before approval) nothing has been paid yet, so rules
 * about prepayments do not apply to projects without a prepayment; at {@code EXECUTION} (or when not
 * stated) a missing prepayment is UNDETERMINED. Read from its code or Chinese label (see {@link Coded}).
 */
public enum PlanStage implements Coded {
    PLAN("计划"),
    EXECUTION("执行");

    private final String label;

    PlanStage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

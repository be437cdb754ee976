package io.github.xianjie.domain;

/** Allocation task columns (任务) of the notices' allocation tables. Read from its code or Chinese label (see {@link Coded}). */
public enum Task implements Coded {
    CONSOLIDATION("巩固拓展脱贫攻坚成果和乡村振兴任务"),
    WORK_FOR_RELIEF("以工代赈任务"),
    ETHNIC_MINORITY("少数民族发展任务"),
    STATE_FARM("欠发达国有农场巩固提升任务"),
    STATE_RANCH("欠发达国有牧场巩固提升任务"),
    STATE_FOREST("欠发达国有林场巩固提升任务");

    private final String label;

    Task(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package io.github.xianjie.domain;

/** Project category (项目类别), following 新财规〔2021〕11号 第三条. Read from its code or Chinese label (see {@link Coded}). */
public enum Category implements Coded {
    INDUSTRY("产业发展"),
    INFRASTRUCTURE("基础设施"),
    EMPLOYMENT("就业增收"),
    LIVING_ENVIRONMENT("人居环境"),
    RELOCATION_SUPPORT("易地搬迁后续扶持"),
    TRAINING("培训"),
    CREDIT_SUBSIDY("小额信贷贴息"),
    WORK_FOR_RELIEF("以工代赈"),
    ETHNIC_MINORITY("少数民族发展"),
    OTHER("其他");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

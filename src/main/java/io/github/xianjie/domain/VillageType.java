package io.github.xianjie.domain;

/** Village type (村类别) for county pooling (新财规〔2021〕11号 第七条). Read from its code or Chinese label (see {@link Coded}). */
public enum VillageType implements Coded {
    POVERTY_EXITED("脱贫村"),
    NON_POVERTY("非贫困村"),
    RELOCATION_SITE("易地搬迁安置区");

    private final String label;

    VillageType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

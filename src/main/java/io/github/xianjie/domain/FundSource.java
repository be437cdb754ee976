package io.github.xianjie.domain;

/** Fund source of a county plan: 中央 (central) or 自治区 (regional) linkage funds. Read from its code or Chinese label (see {@link Coded}). */
public enum FundSource implements Coded {
    CENTRAL("中央"),
    REGIONAL("自治区");

    private final String label;

    FundSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package io.github.xianjie.domain;

/** Industry chain (产业类型): the four 粮棉果畜 clusters, or other. Read from its code or Chinese label (see {@link Coded}). */
public enum IndustryChain implements Coded {
    GRAIN("粮"),
    COTTON("棉"),
    FRUIT("果"),
    LIVESTOCK("畜"),
    OTHER("其他");

    private final String label;

    IndustryChain(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package io.github.xianjie.domain;

/** Who implements a project (实施主体). Read from its code or Chinese label (see {@link Coded}). */
public enum ImplementerType implements Coded {
    ENTERPRISE("企业"),
    COOPERATIVE("合作社"),
    VILLAGE_COLLECTIVE("村集体经济组织"),
    FAMILY_FARM("家庭农场"),
    GOVERNMENT("政府部门"),
    VILLAGE_SELF_BUILD("村级自建自营");

    private final String label;

    ImplementerType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

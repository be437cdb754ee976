package io.github.xianjie.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum of the field's codes that also has a Chinese label (the word used in notices).
 * Input accepts either the code ({@code CENTRAL}) or the Chinese label ({@code 中央}).
 */
public interface Coded {
    /** @return the code, e.g. {@code CENTRAL}. */
    String name();

    /** @return the Chinese label, e.g. {@code 中央}. */
    String label();

    /**
     * Reads a code or a Chinese label.
     *
     * @param type  the enum class
     * @param text  the code or label, trimmed; case of the code is ignored
     * @return the constant
     * @throws IllegalArgumentException naming the accepted values when nothing matches
     */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String text) {
        String t = text == null ? "" : text.trim();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t) || e.label().equals(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + t + "' 不是有效值，可用值：" + accepted(type));
    }

    /** @return every accepted spelling, e.g. {@code CENTRAL(中央), REGIONAL(自治区)}. */
    static <E extends Enum<E> & Coded> String accepted(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> e.name() + "(" + e.label() + ")")
                .collect(Collectors.joining(", "));
    }

    /** @return the code in lower case, for file names. */
    default String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}

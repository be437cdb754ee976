package io.github.xianjie.domain;

/**
 * The project's implementer (实施主体).
 *
 * @param type kind of implementer; null when not given
 * @param name its name, e.g. a cooperative's registered name
 */
public record Implementer(ImplementerType type, String name) {
}

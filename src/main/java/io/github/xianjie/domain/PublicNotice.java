package io.github.xianjie.domain;

import java.time.LocalDate;

/**
 * Public notice (公告公示) of a project.
 *
 * @param noticedOn date the project was publicly noticed
 */
public record PublicNotice(LocalDate noticedOn) {
}

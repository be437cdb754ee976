package io.github.xianjie.domain;

import java.time.LocalDate;

/**
 * Entry of a project in the project library (项目库), 新财振〔2022〕5号 四(一).
 *
 * @param enteredOn date the project entered the library
 * @param libraryId the library's identifier of the project
 */
public record LibraryEntry(LocalDate enteredOn, String libraryId) {
}

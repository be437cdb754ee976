package io.github.xianjie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The error body's row and column are read from the message after the upload's name, never from the name. */
class ApiErrorTest {
    @Test
    void aFileNameThatLooksLikeARowDoesNotGiveTheRow() {
        String file = "第9行「x」.csv";
        Map<String, Object> b = ApiError.body("bad-input", file,
                file + " 第 6 行「地州市、县市区」: '托里县' 与第 5 行重复 (repeated place row)");
        assertEquals(6, b.get("row"));
        assertEquals("地州市、县市区", b.get("column"));
        Map<String, Object> none = ApiError.body("bad-input", file, file + ": 找不到表头行 (no header row)");
        assertNull(none.get("row"));
        assertNull(none.get("column"));
    }

    @Test
    void aMessageWithoutTheFileStillGivesRowAndColumn() {
        Map<String, Object> b = ApiError.body("bad-input", null, "bad.csv 第2行「投资规模」: '12O' 不是金额 (not an amount)");
        assertEquals(2, b.get("row"));
        assertEquals("投资规模", b.get("column"));
    }
}

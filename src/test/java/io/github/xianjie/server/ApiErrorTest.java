package io.github.xianjie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Upload names fit a file on disk; the error body's row and column are read from the message after the upload's name. */
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

    @Test
    void anUploadNameFitsAFileNameOnDisk() {
        // 200 Chinese characters + .csv: 604 bytes, over the 255 bytes of a file name (the ledger audit writes its
        // uploads to a temporary folder); the end is kept so the extension stays
        String n = XianjieServer.safeName("台账".repeat(100) + ".csv");
        // 78 characters of 3 bytes + ".csv": 238 bytes, the most whole characters within 240
        assertEquals("台账".repeat(39) + ".csv", n);
        assertEquals("central.json", XianjieServer.safeName("../../central.json"));
    }
}

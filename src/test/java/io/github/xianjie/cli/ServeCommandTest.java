package io.github.xianjie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code xianjie serve} usage: bad options are exit 2 with one message, before anything listens. */
class ServeCommandTest {
    @Test
    void aPortOutOfRangeIsAUsageError() {
        CheckCommandTest.Run r = CheckCommandTest.run("serve", "--port", "70000");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--port: 70000 不在 0–65535 之间"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void measuresYearIsGivenPerRequest() {
        CheckCommandTest.Run r = CheckCommandTest.run("serve", "--measures-year", "2023");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("measuresYear"), r.err());
    }

    @Test
    void helpNamesTheDefaults() {
        CheckCommandTest.Run r = CheckCommandTest.run("serve", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("127.0.0.1") && r.out().contains("8080"), r.out());
    }
}

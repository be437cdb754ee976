package io.github.xianjie.audit.ledger;

/**
 * The 凭证号 seen so far in a ledger, for refusing a repeated voucher (plan-format.md: unique per row). An
 * open-addressing table of 64-bit voucher fingerprints with the line each was first met on: 8 + 4 bytes per
 * slot, sized once from the expected row count at load ≤ 0.75 (about 16 bytes per ledger row, 160 MB for
 * 10,000,000 rows), doubling only when the estimate was short. Two different vouchers share a fingerprint
 * with probability about n²/2⁶⁵ (3·10⁻⁶ for 10,000,000 rows); the message names the voucher and both lines so
 * that a reader can see it.
 */
final class VoucherIndex {
    private long[] slots;
    private int[] lines;
    private int size;

    /** @param expected expected number of rows */
    VoucherIndex(long expected) {
        int n = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1024, expected * 4 / 3 + 1));
        slots = new long[n];
        lines = new int[n];
    }

    /**
     * @param voucher the 凭证号 as written (trimmed)
     * @param line    its line (1-based)
     * @return the line the same voucher was first met on, or 0 when it is new (and is now recorded)
     */
    long firstLine(String voucher, long line) {
        long fp = fingerprint(voucher);
        if ((long) (size + 1) * 4 > (long) slots.length * 3) {
            grow();
        }
        int i = index(fp, slots.length);
        while (true) {
            long s = slots[i];
            if (s == 0) {
                slots[i] = fp;
                lines[i] = (int) Math.min(Integer.MAX_VALUE, line);
                size++;
                return 0;
            }
            if (s == fp) {
                return lines[i];
            }
            i = i + 1 == slots.length ? 0 : i + 1;
        }
    }

    /** @return bytes held */
    long bytes() {
        return (long) slots.length * 12;
    }

    private static long fingerprint(String v) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < v.length(); i++) {
            h ^= v.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 0x9E3779B97F4A7C15L : h;
    }

    private static int index(long fp, int n) {
        return (int) (((fp >>> 32) * n) >>> 32);
    }

    private void grow() {
        long[] old = slots;
        int[] oldLines = lines;
        int n = (int) Math.min(Integer.MAX_VALUE - 8, (long) old.length * 2);
        slots = new long[n];
        lines = new int[n];
        for (int k = 0; k < old.length; k++) {
            if (old[k] != 0) {
                int i = index(old[k], n);
                while (slots[i] != 0) {
                    i = i + 1 == n ? 0 : i + 1;
                }
                slots[i] = old[k];
                lines[i] = oldLines[k];
            }
        }
    }
}

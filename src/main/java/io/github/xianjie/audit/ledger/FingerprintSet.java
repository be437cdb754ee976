package io.github.xianjie.audit.ledger;

/**
 * An open-addressing set of 64-bit fingerprints (LG-11: payee, amount, date). Eight bytes per slot, sized
 * once from the expected number of rows at load ≤ 0.75 (about 10.7 bytes per ledger row), doubling only when
 * the estimate was short. Zero is remapped so that it can mark an empty slot.
 */
final class FingerprintSet {
    private long[] slots;
    private int size;

    /** @param expected expected number of fingerprints */
    FingerprintSet(long expected) {
        slots = new long[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(1024, expected * 4 / 3 + 1))];
    }

    /**
     * @param fp a fingerprint
     * @return true when it was already present
     */
    boolean addAndCheck(long fp) {
        if (fp == 0) {
            fp = 0x9E3779B97F4A7C15L;
        }
        if ((long) (size + 1) * 4 > (long) slots.length * 3) {
            grow();
        }
        int i = index(fp, slots.length);
        while (true) {
            long s = slots[i];
            if (s == 0) {
                slots[i] = fp;
                size++;
                return false;
            }
            if (s == fp) {
                return true;
            }
            i = i + 1 == slots.length ? 0 : i + 1;
        }
    }

    /** @return bytes held */
    long bytes() {
        return (long) slots.length * 8;
    }

    private static int index(long fp, int n) {
        return (int) (((fp >>> 32) * n) >>> 32);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[(int) Math.min(Integer.MAX_VALUE - 8, (long) old.length * 2)];
        size = 0;
        for (long s : old) {
            if (s != 0) {
                int i = index(s, slots.length);
                while (slots[i] != 0) {
                    i = i + 1 == slots.length ? 0 : i + 1;
                }
                slots[i] = s;
                size++;
            }
        }
    }

    /**
     * @param payee    收款人
     * @param unscaled amount's unscaled value after stripping trailing zeros
     * @param scale    its scale
     * @param epochDay date
     * @return a 64-bit fingerprint (FNV-1a over the payee, mixed with amount and date, murmur3 finaliser)
     */
    static long of(String payee, long unscaled, int scale, long epochDay) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < payee.length(); i++) {
            h ^= payee.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= mix(unscaled * 31 + scale);
        h = mix(h) ^ (epochDay * 0x9E3779B97F4A7C15L);
        return mix(h);
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}

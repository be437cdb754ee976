package io.github.xianjie.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A result's evidence: a small insertion-ordered map of names to values, held in two arrays rather than a hash
 * table. It iterates, prints, compares and hashes as a {@link java.util.LinkedHashMap} of the same entries would
 * (putting an existing key replaces its value in place), but takes about a third of the memory: a large plan keeps
 * one per result until the report is written. Lookups scan the keys (a result has a handful). Not thread-safe;
 * written only while its result is being recorded.
 */
final class Evidence extends AbstractMap<String, Object> {
    private String[] keys;
    private Object[] values;
    private int size;

    /** @param capacity the number of entries expected */
    Evidence(int capacity) {
        keys = new String[Math.max(capacity, 1)];
        values = new Object[keys.length];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object put(String key, Object value) {
        if (key == null) {
            throw new NullPointerException("evidence key");
        }
        int i = indexOf(key);
        if (i >= 0) {
            Object old = values[i];
            values[i] = value;
            return old;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size + 2);
            values = Arrays.copyOf(values, size + 2);
        }
        keys[size] = key;
        values[size++] = value;
        return null;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}

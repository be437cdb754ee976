package io.github.xianjie.engine;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Names the input fields that are absent, for UNDETERMINED results. */
public final class Missing {
    private Missing() {
    }

    /**
     * @param fact  a fact (Project, CountyPlan)
     * @param paths input field paths, e.g. {@code "prepayment"} or {@code "allocation.amount"}
     * @return the paths whose value is null (or an empty collection), in the order given
     */
    public static List<String> of(Object fact, String... paths) {
        List<String> out = new ArrayList<>();
        for (String path : paths) {
            Object v = fact;
            for (String f : path.split("\\.")) {
                v = v == null ? null : read(v, f);
            }
            if (v == null || (v instanceof Collection<?> c && c.isEmpty())
                    || (v instanceof String s && s.isBlank())) {
                out.add(path);
            }
        }
        return out;
    }

    /**
     * @param subjects project subjects
     * @param field    the field they lack
     * @return one entry {@code projects[C-5,C-6].villageType}
     */
    public static List<String> inProjects(Collection<?> subjects, String field) {
        List<String> s = new ArrayList<>();
        subjects.forEach(x -> s.add(String.valueOf(x)));
        return List.of("projects[" + String.join(",", s) + "]." + field);
    }

    private static Object read(Object o, String field) {
        String getter = "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (String name : List.of(getter, field)) {
            try {
                Method m = o.getClass().getMethod(name);
                return m.invoke(o);
            } catch (NoSuchMethodException e) {
                // try the next spelling (records use the bare field name)
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no field " + field + " on " + o.getClass().getSimpleName());
    }
}

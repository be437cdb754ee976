package io.github.xianjie.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Start-up phase probes for profiling a cold check: with {@code XIANJIE_TRACE=1} in the environment each
 * {@link #mark} prints one line to standard error — milliseconds of wall time since the process started (the
 * launcher script's start when run through {@code ./xianjie}, else the JVM process's start as the OS reports it, to
 * within a second), wall and CPU milliseconds of the calling thread
 * since the previous mark, the CPU milliseconds of all the process's threads so far (JIT and GC included; Linux
 * {@code /proc} only, else −1), and the name of the phase that just ended. Without it a mark costs one boolean
 * test. Never part of a report.
 */
public final class StartupTrace {
    private static final boolean ON = "1".equals(System.getenv("XIANJIE_TRACE"));
    private static final long START = ON ? startNanos() : 0;
    private static long last = START;
    private static long lastCpu = ON ? threadCpu() : 0;
    private static boolean first = true;

    private StartupTrace() {
    }

    /** @return whether tracing is on ({@code XIANJIE_TRACE=1}) */
    public static boolean on() {
        return ON;
    }

    /**
     * Ends a phase.
     *
     * @param phase what was done since the previous mark, e.g. {@code "read plan"}
     */
    public static synchronized void mark(String phase) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        if (first) {
            first = false;
            System.err.println("[trace]   wall ms   +wall ms   +cpu ms  proc cpu ms  phase (cpu: this thread; proc: all threads)");
            String exec = System.getenv("XIANJIE_EXEC_NS");   // the launcher's clock just before exec java
            if (exec != null && exec.matches("\\d+")) {
                long execAt = now - (epochNanos() - Long.parseLong(exec));
                print(execAt - START, execAt - START, -1, "launcher script (until exec java)");
                last = execAt;
            }
        }
        long cpu = threadCpu();
        print(now - START, now - last, cpu < 0 ? -1 : cpu - lastCpu, phase);
        last = now;
        lastCpu = cpu;
    }

    private static void print(long up, long delta, long cpu, String phase) {
        System.err.printf("[trace] %8.1f  %+8.1f  %+8.1f  %10.1f  %s%n", up / 1e6, delta / 1e6, cpu / 1e6,
                processCpu() / 1e6, phase);
    }

    /** System.nanoTime at the launcher's start ({@code XIANJIE_START_NS}), else at the process start. */
    private static long startNanos() {
        String launcher = System.getenv("XIANJIE_START_NS");
        if (launcher != null && launcher.matches("\\d+")) {
            return System.nanoTime() - (epochNanos() - Long.parseLong(launcher));
        }
        long startEpochNanos = ProcessHandle.current().info().startInstant()
                .map(i -> i.getEpochSecond() * 1_000_000_000L + i.getNano()).orElse(epochNanos());
        return System.nanoTime() - (epochNanos() - startEpochNanos);
    }

    private static long epochNanos() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /** On-CPU nanoseconds of the calling thread (Linux schedstat), or −1. */
    private static long threadCpu() {
        return schedstat(Path.of("/proc/thread-self/schedstat"));
    }

    /** On-CPU nanoseconds of every thread of the process so far (threads that ended are not counted), or −1. */
    private static long processCpu() {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path t : tasks) {
                long n = schedstat(t.resolve("schedstat"));
                sum += Math.max(0, n);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return sum;
    }

    private static long schedstat(Path f) {
        try {
            String s = Files.readString(f).trim();
            int sp = s.indexOf(' ');
            return Long.parseLong(sp < 0 ? s : s.substring(0, sp));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

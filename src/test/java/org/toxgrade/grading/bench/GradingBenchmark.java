package org.toxgrade.grading.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.EpisodeGrader;
import org.toxgrade.grading.EpisodeGrading;
import org.toxgrade.grading.GradingConfig;
import org.toxgrade.grading.Syndrome;
import org.toxgrade.grading.fact.Fact;

/**
 * Grades a synthetic 30-day episode of about 10,000 facts repeatedly and prints the median and
 * p95 time per grading and the bytes allocated per grading. Not a test: a quick check that
 * re-grading a whole episode on every late fact stays cheap. Run with
 * {@code ./mvnw -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java
 * -Dexec.mainClass=org.toxgrade.grading.bench.GradingBenchmark -Dexec.classpathScope=test}.
 * Optional arguments: warm-up iterations, measured iterations.
 */
public final class GradingBenchmark {

    private GradingBenchmark() {
    }

    public static void main(String[] args) {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<Fact> facts = SyntheticEpisode.facts(11);
        EpisodeFacts episode = SyntheticEpisode.episode(facts);
        GradingConfig config = GradingConfig.defaults();

        long sink = 0;
        for (int i = 0; i < warmUp; i++) {
            sink += grade(episode, config).of(Syndrome.CRS).instants().size();
        }

        ThreadMXBean threads = allocationCounter();
        long threadId = Thread.currentThread().getId();
        long[] nanos = new long[measured];
        long allocatedBefore = threads == null ? -1 : threads.getThreadAllocatedBytes(threadId);
        EpisodeGrading last = null;
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            last = grade(episode, config);
            nanos[i] = System.nanoTime() - start;
            sink += last.of(Syndrome.ICANS).instants().size();
        }
        long allocatedAfter = threads == null ? -1 : threads.getThreadAllocatedBytes(threadId);

        Arrays.sort(nanos);
        System.out.printf("facts: %d, assessment instants: %d, CRS episode grade %d, ICANS episode grade %d%n",
                facts.size(), last.of(Syndrome.CRS).instants().size(),
                last.of(Syndrome.CRS).episode().grade().orElseThrow(),
                last.of(Syndrome.ICANS).episode().grade().orElseThrow());
        System.out.printf("warm-up %d, measured %d gradings%n", warmUp, measured);
        System.out.printf("median %.2f ms, p95 %.2f ms, min %.2f ms, max %.2f ms per grading%n",
                millis(nanos[measured / 2]), millis(nanos[(int) Math.ceil(measured * 0.95) - 1]),
                millis(nanos[0]), millis(nanos[measured - 1]));
        if (threads != null) {
            System.out.printf("allocated %.1f MB per grading%n",
                    (allocatedAfter - allocatedBefore) / (double) measured / (1024 * 1024));
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static EpisodeGrading grade(EpisodeFacts episode, GradingConfig config) {
        return EpisodeGrader.grade(episode, config, SyntheticEpisode.asOf());
    }

    private static ThreadMXBean allocationCounter() {
        if (ManagementFactory.getThreadMXBean() instanceof ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported()) {
            bean.setThreadAllocatedMemoryEnabled(true);
            return bean;
        }
        return null;
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}

package workbook.lesson07;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.harness.Format.count;
import static workbook.harness.modelcheck.ModelCheck.check;
import static workbook.harness.modelcheck.ModelCheck.concurrently;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workbook.harness.modelcheck.ModelCheck;
import workbook.harness.stress.Stress;

@DisplayName("Lesson 07 · per-key counters")
class KeyCountersTest {

    static final int THREADS = 1_000;
    static final int INCREMENTS_PER_THREAD = 1_000;
    /**
     * Keys as real input has them, beside the reader's: long, with hash codes far outside the JDK's cache of small
     * boxed numbers (-128 to 127). A lock on a boxed value derived from a key, such as
     * {@code Integer.valueOf(key.hashCode())}, is one shared object for "a" (97) but a new object on every call for
     * these. The first is in the dict from the start, with a count far outside that cache as well; the second
     * appears on first use.
     */
    static final String LONG_KEY = "customer-7f3a9c21-5b4e-4d2a-9e61-0c8b7a5d4e3f";
    static final int LONG_KEYS_COUNT = 1_000_000;
    static final String NEW_LONG_KEY = "session:9b2e6d1f-4c8a-47e3-a05b-3e7d91c2f6a8";
    /** "a", "b" and LONG_KEY are in the reader's dict from the start; the other seven appear on first use. */
    static final List<String> KEYS = List.of("a", "b", "c", "d", "e", "f", "g", "h", LONG_KEY, NEW_LONG_KEY);
    /**
     * The race needs two context switches at the right places, and the model checker tries every interleaving with
     * one switch first, then more; how many tries it takes to reach the race grows with the steps a version makes
     * before it. The measured figures, for the exercise, every wrong fix and versions with extra steps, are in the
     * README; this budget is twice the largest of them. A correct version tries them all, which on a loaded machine
     * can take many seconds: a larger budget would risk the 30-second safety net for correct code.
     */
    static final int INTERLEAVINGS = 500;
    static final String HINTS = "Hints: lesson07-per-key-counters/README.md";

    @Test
    @Order(1)
    @DisplayName("1,000 threads × 1,000 increments over 10 keys, 7 of them new, 2 long, count every increment of"
            + " every key")
    void thousandThreadsCountEveryIncrement() {
        KeyCounters counters = new KeyCounters();
        // The reader's starting point, {"a": {"count": 1}, "b": {"count": 2}}, and a long key counted once.
        counters.increment("a");
        counters.increment("b");
        counters.increment("b");
        counters.increment(keyOfItsOwn(LONG_KEY));

        // Worker w's i-th increment goes to KEYS[(w + i) % 10]: every key gets an equal share, and each new key is
        // the very first increment of 100 workers, who all start at the same moment. Each worker has keys of its
        // own, equal to every other worker's but not the same objects, as keys read from input would be.
        Stress.run(THREADS, worker -> {
            List<String> keys = keysOfItsOwn(KEYS);
            for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                counters.increment(keys.get((worker + i) % keys.size()));
            }
        });

        Map<String, Long> expected = new LinkedHashMap<>();
        KEYS.forEach(key -> expected.put(key, (long) THREADS * INCREMENTS_PER_THREAD / KEYS.size()));
        expected.merge("a", 1L, Long::sum);
        expected.merge("b", 2L, Long::sum);
        expected.merge(LONG_KEY, 1L, Long::sum);
        Map<String, Map<String, Integer>> snapshot = counters.snapshot();
        List<String> wrong = new ArrayList<>();
        long lost = 0;
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            Integer actual = countOf(snapshot, e.getKey());
            long shortBy = e.getValue() - (actual == null ? 0 : actual);
            if (actual == null || shortBy != 0) {
                wrong.add(String.format("  \"%s\": expected %9s, actual %9s%s", e.getKey(), count(e.getValue()),
                        actual == null ? "(none)" : count(actual),
                        shortBy > 0 ? "   " + count(shortBy) + " lost" : ""));
                lost += Math.max(0, shortBy);
            }
        }
        long lostIncrements = lost;
        long allIncrements = expected.values().stream().mapToLong(Long::longValue).sum();
        assertThat(wrong)
                .withFailMessage(() -> "wrong counts after " + count(THREADS) + " threads × "
                        + count(INCREMENTS_PER_THREAD) + " increments: " + wrong.size() + " of " + KEYS.size()
                        + " keys are off, " + count(lostIncrements) + " of " + count(allIncrements)
                        + " increments lost.\n" + String.join("\n", wrong) + "\n"
                        + "Two threads were inside one key's update at the same time, and one overwrote the other's"
                        + " work.\n" + HINTS)
                .isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("two threads that use a new key at the same moment count 2, in the worst interleaving, for \"c\""
            + " and for a long key")
    void twoThreadsCountANewKeyTwice() {
        twoThreadsIncrement("c", 2);
        twoThreadsIncrement(NEW_LONG_KEY, 2);
    }

    @Test
    @Order(3)
    @DisplayName("two threads that increment an existing key at the same moment add 2, in the worst interleaving,"
            + " for \"a\" at 1 and for a long key at 1,000,000")
    void twoThreadsCountAnExistingKeyTwice() {
        twoThreadsIncrement("a", 3);
        twoThreadsIncrement(LONG_KEY, LONG_KEYS_COUNT + 2);
    }

    @Test
    @Order(4)
    @DisplayName("two threads that use a new key count 2, in any interleaving")
    void noInterleavingLosesAnIncrementOfANewKey() {
        ModelCheck.exploreSteps("lesson07 two threads increment a new key", INTERLEAVINGS, () -> {
            // Tables of 2 bins, not the default 16 (see CONTRIBUTING.md).
            KeyCounters counters = new KeyCounters(new ConcurrentHashMap<>(2), new ConcurrentHashMap<>(2));
            String key1 = keyOfItsOwn("c");
            String key2 = keyOfItsOwn("c");

            concurrently(() -> counters.increment(key1), () -> counters.increment(key2));

            Integer actual = countOf(counters.snapshot(), "c");
            check(actual != null && actual == 2, "two threads each incremented \"c\" once: expected count 2, actual "
                    + actual + ". " + HINTS);
        });
    }

    /**
     * Two threads each call {@code increment(key)} once, on the reader's dict, held in lockstep after every lookup
     * in the maps (see {@link Lockstep}); afterwards {@code key} must count {@code expected}.
     */
    private static void twoThreadsIncrement(String key, int expected) {
        Lockstep lockstep = new Lockstep();
        KeyCounters counters = new KeyCounters(readersDict(lockstep), new WatchedMap<>("locks", lockstep));

        Stress.run(2, worker -> {
            String keyOfItsOwn = keyOfItsOwn(key);
            lockstep.run(() -> counters.increment(keyOfItsOwn));
        });

        Map<String, Map<String, Integer>> snapshot = counters.snapshot();
        Integer actual = countOf(snapshot, key);
        assertThat(actual)
                .withFailMessage(() -> "two threads each incremented \"" + key + "\" once: expected count "
                        + count(expected) + ", actual " + (actual == null ? null : count(actual)) + ".\n\n"
                        + "After every lookup in the maps the test handed in, the thread was held until the other"
                        + " had made the same\nlookup (or waited for a lock); then the one that got there first"
                        + " went on first. Every call on those maps is\nlisted with what it returned, and [holding …]"
                        + " says which lock the thread held as it made the call:\n\n  "
                        + String.join("\n  ", lockstep.timeline()) + "\n  "
                        + String.format("%-10s%s", "main:", "snapshot() → " + snapshot) + "\n\n"
                        + "Both threads acted on the same lookup, and what one of them stored or wrote on that basis"
                        + " the other overwrote.\n" + lockstep.picture("two threads each incremented \"" + key
                        + "\" once: expected count " + expected + ", actual " + actual + ". " + HINTS,
                        "snapshot() → " + snapshot)
                        + "\n" + HINTS)
                .isEqualTo(expected);
    }

    /**
     * The reader's starting point, {"a": {"count": 1}, "b": {"count": 2}}, and LONG_KEY at 1,000,000, in maps that
     * {@code watcher} sees.
     */
    private static ConcurrentMap<String, ConcurrentMap<String, Integer>> readersDict(WatchedMap.Watcher watcher) {
        ConcurrentMap<String, ConcurrentMap<String, Integer>> d = new WatchedMap<>("counts", watcher);
        d.put("a", counter("a", 1, watcher));
        d.put("b", counter("b", 2, watcher));
        d.put(LONG_KEY, counter(LONG_KEY, LONG_KEYS_COUNT, watcher));
        return d;
    }

    private static ConcurrentMap<String, Integer> counter(String key, int count, WatchedMap.Watcher watcher) {
        ConcurrentMap<String, Integer> counter = new WatchedMap<>("counts[\"" + key + "\"]", watcher);
        counter.put("count", count);
        return counter;
    }

    /**
     * A copy of {@code key}: equal to it, but another object, as two threads that read the same key from input get
     * it. Locking on the key object itself ({@code synchronized (key)}) then excludes nobody.
     */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static String keyOfItsOwn(String key) {
        return new String(key);
    }

    private static List<String> keysOfItsOwn(List<String> keys) {
        return keys.stream().map(KeyCountersTest::keyOfItsOwn).toList();
    }

    /** {@code snapshot[key]["count"]}, or {@code null} when either level is missing. */
    private static Integer countOf(Map<String, Map<String, Integer>> snapshot, String key) {
        Map<String, Integer> counter = snapshot.get(key);
        return counter == null ? null : counter.get("count");
    }
}

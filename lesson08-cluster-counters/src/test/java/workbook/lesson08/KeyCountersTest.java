package workbook.lesson08;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.harness.Format.count;

import com.hazelcast.map.IMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workbook.harness.stress.Stress;

@DisplayName("Lesson 08 · counters across a cluster")
class KeyCountersTest {

    static final int THREADS = 8;
    static final int INCREMENTS_PER_THREAD = 50;
    /** "a" and "b" are in the reader's dict from the start; "c" and "d" appear on first use. */
    static final List<String> KEYS = List.of("a", "b", "c", "d");
    static final String MAP = "counts";
    static final String HINTS = "Hints: lesson08-cluster-counters/README.md";

    /** Two members, new for every test: they start in well under a second once the first has. */
    private Cluster cluster;

    @BeforeEach
    void startCluster() {
        cluster = Cluster.start(2);
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    @Order(1)
    @DisplayName("8 threads on two members × 50 increments over 4 keys, 2 of them new, count every increment")
    void eightThreadsOnTwoMembersCountEveryIncrement() {
        MemberCounters[] onMember = {keyCounters(1, readersDict(1)), keyCounters(2, counts(2))};

        // Worker w runs on member w % 2 + 1; its i-th increment goes to KEYS[(w + i) % 4], so every key gets an
        // equal share from both members.
        Stress.run(THREADS, worker -> {
            for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                onMember[worker % 2].increment(KEYS.get((worker + i) % KEYS.size()));
            }
        });

        Map<String, Integer> expected = new LinkedHashMap<>();
        KEYS.forEach(key -> expected.put(key, THREADS * INCREMENTS_PER_THREAD / KEYS.size()));
        expected.merge("a", 1, Integer::sum);
        expected.merge("b", 2, Integer::sum);
        Map<String, Map<String, Integer>> snapshot = onMember[0].snapshot();
        List<String> wrong = new ArrayList<>();
        int lost = 0;
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            Integer actual = countOf(snapshot, e.getKey());
            int shortBy = e.getValue() - (actual == null ? 0 : actual);
            if (actual == null || shortBy != 0) {
                wrong.add(String.format("  \"%s\": expected %5s, actual %6s%s", e.getKey(), count(e.getValue()),
                        actual == null ? "(none)" : count(actual),
                        shortBy > 0 ? "   " + count(shortBy) + " lost" : ""));
                lost += Math.max(0, shortBy);
            }
        }
        int lostIncrements = lost;
        int allIncrements = expected.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(wrong)
                .withFailMessage(() -> "wrong counts after " + THREADS + " threads on two members × "
                        + count(INCREMENTS_PER_THREAD) + " increments: " + wrong.size() + " of " + KEYS.size()
                        + " keys are off, " + count(lostIncrements) + " of " + count(allIncrements)
                        + " increments lost.\n" + String.join("\n", wrong) + "\n"
                        + "Increments of one key on the two members overlapped, and one of them did not reach the"
                        + " map.\n" + HINTS)
                .isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("a thread on each member increments an existing key: the count goes up by 2, in the worst"
            + " interleaving")
    void twoMembersCountAnExistingKeyTwice() {
        twoMembersIncrement("a", 3);
    }

    @Test
    @Order(3)
    @DisplayName("a thread on each member increments a new key: it counts 2, in the worst interleaving")
    void twoMembersCountANewKeyTwice() {
        twoMembersIncrement("c", 2);
    }

    /**
     * A thread on each member calls {@code increment(key)} once, on the reader's dict, the two in lockstep at the
     * map (see {@link Lockstep}); afterwards {@code key} must count {@code expected}. Neither thread may spin for
     * ever, nor count right only because it waited for a lock that only this JVM, where the test runs both members,
     * knows; and what a thread threw is thrown here, after the count.
     */
    private void twoMembersIncrement(String key, int expected) {
        Lockstep lockstep = new Lockstep();
        MemberCounters[] onMember = {keyCounters(1, WatchedMap.of(readersDict(1), MAP, lockstep)),
                keyCounters(2, WatchedMap.of(counts(2), MAP, lockstep))};

        // Each member gets its own String for the key, as it would from its own request: equal, not identical.
        Stress.run(2, worker -> lockstep.run(worker + 1, () -> onMember[worker].increment(new String(key))));

        Map<String, Map<String, Integer>> snapshot = onMember[0].snapshot();
        Integer actual = countOf(snapshot, key);
        String timeline = "  " + String.join("\n  ", lockstep.timeline()) + "\n  "
                + String.format("%-22s%s", "main:", "snapshot() → " + snapshot);
        String stuck = lockstep.stuck();
        assertThat(stuck)
                .withFailMessage(() -> "a thread on each member incremented \"" + key + "\" once, and one of them is"
                        + " stuck in a spin that can never succeed:\n\n" + timeline + "\n\n"
                        + stuck + ".\nNothing else in this test changes the map, so that attempt fails for ever; the"
                        + " test stopped it. A retry must\nread again what it compares with, and a lock it waits for"
                        + " must be one that its holder lets go.\n" + HINTS)
                .isNull();
        List<Throwable> thrown = lockstep.thrown();
        if (actual == null || actual != expected) {
            throw new AssertionError("a thread on each member incremented \"" + key + "\" once: expected count "
                    + expected + ", actual " + actual + ".\n\n"
                    + "Each thread used its own member's KeyCounters. They took turns at the cluster's map, member"
                    + " 1's thread first, and after\nevery read the other thread went on:\n\n"
                    + timeline + "\n\n"
                    + (thrown.isEmpty()
                            ? "Both threads acted on the same read, and one of the two increments did not reach the"
                                    + " map."
                            : lockstep.thrower(thrown.get(0)) + "'s increment threw "
                                    + Lockstep.summary(thrown.get(0)) + " (its stack trace is this failure's cause).")
                    + "\n" + lockstep.picture("a thread on each member incremented \"" + key + "\" once: expected"
                            + " count " + expected + ", actual " + actual + ". " + HINTS, "snapshot() → " + snapshot)
                    + "\n" + HINTS, thrown.isEmpty() ? null : thrown.get(0));
        }
        String unguarded = lockstep.unguardedJvmLockWait();
        assertThat(unguarded)
                .withFailMessage(() -> "a thread on each member incremented \"" + key + "\" once, and the count is"
                        + " right (" + actual + ") only because this test runs both\nmembers in one JVM, where they"
                        + " share an object that the code under test locks:\n\n"
                        + timeline + "\n\n"
                        + unguarded + ".\nAn interned String or an object of the JDK is one object in one JVM's"
                        + " memory. On two machines each member has its own:\nthe waiting member does not wait, and"
                        + " nothing of the cluster's guards the update (neither the map's lock nor an atomic map\n"
                        + "operation), so it reads the count before the other member writes it, and one of the two"
                        + " increments is lost.\n" + HINTS)
                .isNull();
        for (Throwable e : thrown) {
            throw new AssertionError(lockstep.thrower(e) + "'s increment of \"" + key + "\" threw "
                    + Lockstep.summary(e) + ":\n\n"
                    + timeline + "\n" + HINTS, e);
        }
    }

    /** Member {@code member}'s own KeyCounters (its own class, as on a machine of its own), counting in {@code map}. */
    private MemberCounters keyCounters(int member, IMap<String, Map<String, Integer>> map) {
        return new MemberCounters(cluster.classLoader(member), map);
    }

    /** Member {@code member}'s handle on the cluster's map of counts. */
    private IMap<String, Map<String, Integer>> counts(int member) {
        return cluster.member(member).getMap(MAP);
    }

    /** The reader's starting point, {"a": {"count": 1}, "b": {"count": 2}}, through member {@code member}. */
    private IMap<String, Map<String, Integer>> readersDict(int member) {
        IMap<String, Map<String, Integer>> d = counts(member);
        d.put("a", new HashMap<>(Map.of("count", 1)));
        d.put("b", new HashMap<>(Map.of("count", 2)));
        return d;
    }

    /** {@code snapshot[key]["count"]}, or {@code null} when either level is missing. */
    private static Integer countOf(Map<String, Map<String, Integer>> snapshot, String key) {
        Map<String, Integer> counter = snapshot.get(key);
        return counter == null ? null : counter.get("count");
    }
}

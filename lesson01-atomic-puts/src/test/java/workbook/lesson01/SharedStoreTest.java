package workbook.lesson01;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.harness.measures.ReadBack.valueOf;
import static workbook.harness.modelcheck.ModelCheck.check;
import static workbook.harness.modelcheck.ModelCheck.concurrently;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.harness.measures.ReadBack;
import workbook.harness.measures.ReadsDuringWrites;
import workbook.harness.modelcheck.ModelCheck;
import workbook.harness.picture.RoundsChart;
import workbook.harness.stress.Patience;
import workbook.harness.stress.Progress;
import workbook.harness.stress.Stress;
import workbook.harness.stress.StressFailed;

@DisplayName("Lesson 01 · atomic puts")
class SharedStoreTest {

    static final int THREADS = 1_000;
    static final int KEYS_PER_THREAD = 1_000;
    static final int FEW_THREADS = 2;
    /** Enough keys that the table is resized into a million buckets, which takes longer than a time slice. */
    static final int MANY_KEYS = 1_000_000;
    static final int ROUNDS = 3;
    /**
     * Up to ROUNDS stress runs, each of which may take up to the harness's limit while it advances (a correct but slow
     * fix, such as a fair lock, takes most of it), and a read-back after each.
     */
    static final int SECONDS_FOR_ALL_ROUNDS = ROUNDS * (Patience.DEFAULT_LIMIT_SECONDS + 10);
    static final String HINTS = "Hints: lesson01-atomic-puts/README.md";

    @Test
    @Order(1)
    @DisplayName("1,000 threads × 1,000 puts of unique keys keep all 1,000,000 entries")
    @Timeout(SECONDS_FOR_ALL_ROUNDS)
    void thousandThreadsKeepEveryPut() {
        // Losses are near-certain on two or more CPUs, but not in every single round: up to ROUNDS fresh rounds,
        // and the first loss fails the test. (On one CPU each thread's puts fit in a time slice; see the next test.)
        List<ReadBack> rounds = new ArrayList<>();
        for (int r = 1; r <= ROUNDS; r++) {
            String round = "round " + r + " of up to " + ROUNDS + ": ";
            SharedStore store = new SharedStore();
            putAllKeys(round, THREADS, KEYS_PER_THREAD, store);
            assertEveryKeyReadsBack(round, THREADS * KEYS_PER_THREAD, store, rounds, "lesson01 1,000 threads ×"
                    + " 1,000 puts, round by round");
        }
    }

    @Test
    @Order(2)
    @DisplayName("2 threads × 500,000 puts keep all 1,000,000 entries, even on one CPU")
    @Timeout(SECONDS_FOR_ALL_ROUNDS)
    void fewThreadsKeepEveryPut() {
        // Two long-running threads: a resize of the large table takes longer than a time slice, so even one CPU
        // switches to the other thread while it is half done, and that thread's puts land in the half-moved table.
        List<ReadBack> rounds = new ArrayList<>();
        for (int r = 1; r <= ROUNDS; r++) {
            String round = "round " + r + " of up to " + ROUNDS + ": ";
            SharedStore store = new SharedStore();
            putAllKeys(round, FEW_THREADS, MANY_KEYS / FEW_THREADS, store);
            assertEveryKeyReadsBack(round, MANY_KEYS, store, rounds, "lesson01 2 threads × 500,000 puts, round by"
                    + " round");
        }
    }

    @Test
    @Order(3)
    @DisplayName("a reader running during the puts finds every key whose put has returned")
    @Timeout(SECONDS_FOR_ALL_ROUNDS)
    void readersDuringPutsFindEveryStoredKey() {
        for (int r = 1; r <= ROUNDS; r++) {
            String round = "round " + r + " of up to " + ROUNDS + ": ";
            SharedStore store = new SharedStore();
            ReadsDuringWrites reads = new ReadsDuringWrites();
            Progress puts = Progress.of("puts", MANY_KEYS);
            try {
                Stress.run(2, puts, worker -> {
                    if (worker == 0) {
                        try {
                            for (int key = 0; key < MANY_KEYS; key++) {
                                store.put(key, valueOf(key));
                                reads.stored(key + 1);
                                puts.tick();
                            }
                        } finally {
                            reads.done();
                        }
                    } else {
                        reads.check(store::get);
                    }
                });
            } catch (StressFailed failed) {
                throw failed.asCorruption("java.util.HashMap", round, HINTS);
            }
            assertThat(reads.miss())
                    .withFailMessage(() -> round + "one thread put keys 0, 1, 2, … while another read them back: "
                            + reads.miss() + ".\nA get that runs while a put changes the map can look in the wrong"
                            + " place, for example in the new table of a resize before the old buckets were moved into"
                            + " it. Every read needs the same protection as the writes.\n" + HINTS)
                    .isNull();
        }
    }

    @Test
    @Order(4)
    @DisplayName("two threads putting different keys never lose one, in any interleaving")
    void noInterleavingLosesAPut() {
        ModelCheck.assumeItSeesInsideJdkCollections();
        Integer valueOfOne = valueOf(1);
        Integer valueOfTwo = valueOf(2);
        ModelCheck.explore("lesson01 two threads put different keys", () -> {
            SharedStore store = new SharedStore();

            concurrently(() -> store.put(1, valueOfOne), () -> store.put(2, valueOfTwo));

            int size = store.size();
            Integer one = store.get(1);
            Integer two = store.get(2);
            check(size == 2 && valueOfOne.equals(one) && valueOfTwo.equals(two),
                    "two threads each put one key, but afterwards size() = " + size + ", get(1) = " + one
                            + ", get(2) = " + two + ": one put undid part of the other. " + HINTS);
        });
    }

    /** {@code threads} threads put {@code keysEach} keys each, interleaved: thread t puts t, t + threads, … */
    private static void putAllKeys(String round, int threads, int keysEach, SharedStore store) {
        Progress puts = Progress.of("puts", (long) threads * keysEach);
        try {
            Stress.run(threads, puts, worker -> {
                for (int i = 0; i < keysEach; i++) {
                    int key = i * threads + worker;
                    store.put(key, valueOf(key));
                    puts.tick();
                }
            });
        } catch (StressFailed failed) {
            throw failed.asCorruption("java.util.HashMap", round, HINTS);
        }
    }

    /** Reads every key back after a round, adds the result to {@code rounds}, and fails with their picture on loss. */
    private static void assertEveryKeyReadsBack(String round, int expected, SharedStore store, List<ReadBack> rounds,
            String title) {
        ReadBack result = ReadBack.of(expected, store::get, store.size());
        rounds.add(result);
        assertThat(result.complete())
                .withFailMessage(() -> round + result.describe("puts") + "\n"
                        + "A HashMap is not a dict behind Python's GIL: two threads inside put() at once overwrite"
                        + " each other's bucket, size counter or resized table, and the other put is gone.\n"
                        + seeIt(RoundsChart.draw(title, "puts", rounds, ROUNDS)) + HINTS)
                .isTrue();
    }

    /** The line naming the picture, and a line break; nothing where no picture was drawn. */
    private static String seeIt(String line) {
        return line.isEmpty() ? "" : line + "\n";
    }
}

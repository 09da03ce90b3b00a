package workbook.lesson02;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.harness.Format.count;
import static workbook.harness.measures.ReadBack.valueOf;
import static workbook.harness.modelcheck.ModelCheck.check;
import static workbook.harness.modelcheck.ModelCheck.concurrently;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

@DisplayName("Lesson 02 · putAll")
class SharedStoreTest {

    static final int THREADS = 1_000;
    static final int BATCH = 1_000;
    static final int FEW_THREADS = 2;
    /** Enough keys that the table is resized into a million buckets, which takes longer than a time slice. */
    static final int MANY_KEYS = 1_000_000;
    static final int ROUNDS = 3;
    /** Up to ROUNDS stress runs, each up to the harness's limit while it advances, and a read-back after each. */
    static final int SECONDS_FOR_ALL_ROUNDS = ROUNDS * (Patience.DEFAULT_LIMIT_SECONDS + 10);
    static final String HINTS = "Hints: lesson02-putall/README.md";

    @Test
    @Order(1)
    @DisplayName("1,000 threads each putAll a private batch of 1,000 and all 1,000,000 entries arrive")
    @Timeout(SECONDS_FOR_ALL_ROUNDS)
    void thousandBatchesArriveWhole() {
        // Losses are near-certain on two or more CPUs, but not in every single round: up to ROUNDS fresh rounds,
        // and the first loss fails the test. (On one CPU each thread's putAll fits in a time slice; see the next test.)
        List<ReadBack> rounds = new ArrayList<>();
        for (int r = 1; r <= ROUNDS; r++) {
            String round = "round " + r + " of up to " + ROUNDS + ": ";
            SharedStore store = new SharedStore();
            putAllBatches(round, THREADS, 1, store);
            assertEveryEntryReadsBack(round, THREADS * BATCH, THREADS, store, rounds, "lesson02 1,000 threads ×"
                    + " one putAll of 1,000, round by round");
        }
    }

    @Test
    @Order(2)
    @DisplayName("2 threads × 500 batches of 1,000 deliver all 1,000,000 entries, even on one CPU")
    @Timeout(SECONDS_FOR_ALL_ROUNDS)
    void fewThreadsKeepEveryEntry() {
        // Two long-running threads: a resize of the large table takes longer than a time slice, so even one CPU
        // switches to the other thread while it is half done, and that thread's entries land in the half-moved table.
        int batchesEach = MANY_KEYS / BATCH / FEW_THREADS;
        List<ReadBack> rounds = new ArrayList<>();
        for (int r = 1; r <= ROUNDS; r++) {
            String round = "round " + r + " of up to " + ROUNDS + ": ";
            SharedStore store = new SharedStore();
            putAllBatches(round, FEW_THREADS, batchesEach, store);
            assertEveryEntryReadsBack(round, MANY_KEYS, FEW_THREADS * batchesEach, store, rounds, "lesson02 2 threads"
                    + " × 500 putAll calls of 1,000, round by round");
        }
    }

    @Test
    @Order(3)
    @DisplayName("a reader running during the putAll calls finds every key whose batch has arrived")
    @Timeout(SECONDS_FOR_ALL_ROUNDS)
    void readersDuringPutAllFindEveryStoredKey() {
        for (int r = 1; r <= ROUNDS; r++) {
            String round = "round " + r + " of up to " + ROUNDS + ": ";
            SharedStore store = new SharedStore();
            ReadsDuringWrites reads = new ReadsDuringWrites();
            Progress batches = Progress.of("putAll calls", MANY_KEYS / BATCH);
            try {
                Stress.run(2, batches, worker -> {
                    if (worker == 0) {
                        try {
                            for (int first = 0; first < MANY_KEYS; first += BATCH) {
                                store.putAll(batch(first));
                                reads.stored(first + BATCH);
                                batches.tick();
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
                    .withFailMessage(() -> round + "one thread putAll batches of keys 0, 1, 2, … while another read"
                            + " them back: " + reads.miss() + ".\nA get that runs while a putAll changes the map can"
                            + " look in the wrong place, for example in the new table of a resize before the old"
                            + " buckets were moved into it. Every read needs the same protection as the writes.\n"
                            + HINTS)
                    .isNull();
        }
    }

    @Test
    @Order(4)
    @DisplayName("two threads putting two small batches never lose an entry, in any interleaving")
    void noInterleavingLosesAnEntry() {
        ModelCheck.assumeItSeesInsideJdkCollections();
        Integer valueOfOne = valueOf(1);
        Integer valueOfTwo = valueOf(2);
        ModelCheck.explore("lesson02 two threads putAll two batches", () -> {
            SharedStore store = new SharedStore();
            Map<Integer, Integer> first = Map.of(1, valueOfOne);
            Map<Integer, Integer> second = Map.of(2, valueOfTwo);

            concurrently(() -> store.putAll(first), () -> store.putAll(second));

            int size = store.size();
            Integer one = store.get(1);
            Integer two = store.get(2);
            check(size == 2 && valueOfOne.equals(one) && valueOfTwo.equals(two),
                    "two threads each putAll a batch of one key, but afterwards size() = " + size + ", get(1) = "
                            + one + ", get(2) = " + two + ": one batch undid part of the other. " + HINTS);
        });
    }

    /** Keys first … first + BATCH - 1, each with its value. */
    private static Map<Integer, Integer> batch(int first) {
        Map<Integer, Integer> batch = new HashMap<>();
        for (int key = first; key < first + BATCH; key++) {
            batch.put(key, valueOf(key));
        }
        return batch;
    }

    /** {@code threads} threads putAll {@code batchesEach} batches each; thread t sends batches t, t + threads, … */
    private static void putAllBatches(String round, int threads, int batchesEach, SharedStore store) {
        Progress batches = Progress.of("putAll calls", (long) threads * batchesEach);
        try {
            Stress.run(threads, batches, worker -> {
                for (int b = 0; b < batchesEach; b++) {
                    store.putAll(batch((b * threads + worker) * BATCH));
                    batches.tick();
                }
            });
        } catch (StressFailed failed) {
            throw failed.asCorruption("java.util.HashMap", round, HINTS);
        }
    }

    /** Reads every key back after a round, adds the result to {@code rounds}, and fails with their picture on loss. */
    private static void assertEveryEntryReadsBack(String round, int expected, int calls, SharedStore store,
            List<ReadBack> rounds, String title) {
        ReadBack result = ReadBack.of(expected, store::get, store.size());
        rounds.add(result);
        String writes = "entries from " + count(calls) + " putAll calls";
        assertThat(result.complete())
                .withFailMessage(() -> round + result.describe(writes) + "\n"
                        + "putAll on a HashMap is a loop of plain puts: one call is not one atomic step, and"
                        + " concurrent calls overwrite each other's buckets and tables.\n"
                        + seeIt(RoundsChart.draw(title, writes, rounds, ROUNDS)) + HINTS)
                .isTrue();
    }

    /** The line naming the picture, and a line break; nothing where no picture was drawn. */
    private static String seeIt(String line) {
        return line.isEmpty() ? "" : line + "\n";
    }
}

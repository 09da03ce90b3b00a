package workbook.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntUnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * How long do `threads` workers take to empty a map of `size` entries, each removing size / threads of them, all
 * starting at once? One operation is one complete emptying; the map is refilled before each one, untimed.
 *
 *   seedPort              lock per removal, private snapshot per worker   (scenario 6; lesson 06's exercise)
 *   sharedKeys            lock per removal, one shared snapshot           (lesson 06's solution)
 *   coarseLock            one lock hold per worker's whole batch          (scenario 5; lesson 05)
 *   concurrentMapNoLock   ConcurrentHashMap.remove, no lock               (lesson 01's map)
 *
 * The three shared-snapshot strategies hand out keys the same way, so sharedKeys vs coarseLock isolates the cost of
 * locking per key, and seedPort vs sharedKeys the cost of private snapshots and re-scanning.
 *
 * The default parameters stop at 100 threads: at the tutorial's full scale (1,000 threads x 1,000,000 entries)
 * seedPort did not finish one operation in 15 minutes; its 1,000 private snapshots outgrow the heap.
 *
 * Build and run (results and discussion: lesson06-fine-lock/README.md):
 *   ./mvnw -B -Pbenchmarks package -pl benchmarks
 *   java -jar benchmarks/target/benchmarks.jar
 * Smoke run (CI): java -jar benchmarks/target/benchmarks.jar -f 1 -wi 0 -i 1 -r 100ms -p size=10000 -foe true
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class RemovalBenchmark {

    @Param({"10000", "100000", "1000000"})
    public int size;

    @Param({"2", "100"})
    public int threads;

    private ExecutorService pool;

    @Setup(Level.Trial)
    public void startWorkers() {
        pool = Executors.newFixedThreadPool(threads);
    }

    @TearDown(Level.Trial)
    public void stopWorkers() {
        pool.shutdownNow();
    }

    /** A HashMap of keys 0 … size-1 and the lock that guards it, refilled before every operation. */
    @State(Scope.Benchmark)
    public static class LockedHashMap {
        HashMap<Integer, Integer> map;
        final ReentrantLock lock = new ReentrantLock();

        @Setup(Level.Invocation)
        public void fill(RemovalBenchmark run) {
            map = new HashMap<>();
            for (int key = 0; key < run.size; key++) {
                map.put(key, key);
            }
        }
    }

    /** A ConcurrentHashMap of keys 0 … size-1, refilled before every operation. */
    @State(Scope.Benchmark)
    public static class SharedConcurrentMap {
        ConcurrentHashMap<Integer, Integer> map;

        @Setup(Level.Invocation)
        public void fill(RemovalBenchmark run) {
            map = new ConcurrentHashMap<>();
            for (int key = 0; key < run.size; key++) {
                map.put(key, key);
            }
        }
    }

    @Benchmark
    public int seedPort(LockedHashMap m) throws Exception {
        return everyWorkerRemoves(new SeedPortRemoval(m.map, m.lock)::removeEntries);
    }

    @Benchmark
    public int sharedKeys(LockedHashMap m) throws Exception {
        return everyWorkerRemoves(new SharedKeysRemoval(m.map, m.lock)::removeEntries);
    }

    @Benchmark
    public int coarseLock(LockedHashMap m) throws Exception {
        return everyWorkerRemoves(new CoarseLockRemoval(m.map, m.lock)::removeEntries);
    }

    @Benchmark
    public int concurrentMapNoLock(SharedConcurrentMap m) throws Exception {
        return everyWorkerRemoves(new ConcurrentMapRemoval(m.map)::removeEntries);
    }

    /** Starts all workers at once, each removing its share, and waits for them; checks that the map was emptied. */
    private int everyWorkerRemoves(IntUnaryOperator removeEntries) throws Exception {
        int share = size / threads;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Integer>> workers = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                start.await();
                return removeEntries.applyAsInt(share);
            }));
        }
        int removed = 0;
        for (Future<Integer> worker : workers) {
            removed += worker.get();
        }
        if (removed != share * threads) {
            throw new IllegalStateException("removed " + removed + " of " + share * threads + " entries");
        }
        return removed;
    }
}

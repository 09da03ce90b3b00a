package workbook.lesson01;

import java.util.HashMap;
import java.util.Map;

/*
 * Wrong fix · lesson 01 · a lock made by hand, released without notify
 *
 * A flag guarded by the store's monitor: a thread that finds it set waits, one that finds it clear sets it, calls the
 * HashMap, and clears it again. But clearing the flag wakes nobody: without notifyAll(), a thread that once began to
 * wait sleeps forever (a lost wake-up). Every put that returned is kept, yet the run stops advancing as soon as the
 * last thread that never had to wait is done, and the rest wait for a wake-up that never comes. The harness names
 * the run stuck, with the waiting threads, at its deadline; the model checker finds the two-thread interleaving in
 * which one thread waits forever.
 *
 * Caught by: noInterleavingLosesAPut
 * Stuck in: fewThreadsKeepEveryPut
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new HashMap<>();
    private boolean busy;

    /** Stores {@code value} under {@code key}; in Python: {@code d[key] = value}. */
    public void put(int key, int value) {
        enter();
        try {
            entries.put(key, value);
        } finally {
            leave();
        }
    }

    /** The value stored under {@code key}, or {@code null}. */
    public Integer get(int key) {
        enter();
        try {
            return entries.get(key);
        } finally {
            leave();
        }
    }

    /** How many keys are stored; in Python: {@code len(d)}. */
    public int size() {
        enter();
        try {
            return entries.size();
        } finally {
            leave();
        }
    }

    private synchronized void enter() {
        while (busy) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the store", e);
            }
        }
        busy = true;
    }

    private synchronized void leave() {
        busy = false;
    }
}

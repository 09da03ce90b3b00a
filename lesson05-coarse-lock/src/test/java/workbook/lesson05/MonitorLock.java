package workbook.lesson05;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * A minimal re-entrant {@link Lock} built on a Java monitor, for the model-checked test: it behaves like a
 * ReentrantLock for lock() and unlock(), but has far fewer internal steps for the model checker to interleave, so
 * the search is quick and the printed timeline shows lock() and unlock() as single steps.
 */
final class MonitorLock implements Lock {

    private Thread owner;
    private int holds;

    @Override
    public synchronized void lock() {
        Thread me = Thread.currentThread();
        while (owner != null && owner != me) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        owner = me;
        holds++;
    }

    @Override
    public synchronized void unlock() {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException();
        }
        if (--holds == 0) {
            owner = null;
            notifyAll();
        }
    }

    @Override
    public synchronized boolean tryLock() {
        if (owner != null && owner != Thread.currentThread()) {
            return false;
        }
        owner = Thread.currentThread();
        holds++;
        return true;
    }

    @Override
    public void lockInterruptibly() {
        lock();
    }

    /** Waits as lock() does, without a deadline: under the model checker, every hold ends. */
    @Override
    public boolean tryLock(long time, TimeUnit unit) {
        lock();
        return true;
    }

    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("not needed by this lesson");
    }
}

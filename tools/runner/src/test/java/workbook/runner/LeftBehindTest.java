package workbook.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What makes a test JVM stop running further lessons: a thread the last lesson left running. */
class LeftBehindTest {

    @Test
    @DisplayName("a thread still blocked a second after the lesson is left behind, daemon or not; once it ends, it is"
            + " not")
    void aBlockedThreadIsLeftBehindUntilItEnds() throws InterruptedException {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        CountDownLatch letGo = new CountDownLatch(1);
        Thread stuck = new Thread(() -> {
            try {
                letGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "worker-7");
        stuck.setDaemon(true);
        stuck.start();
        try {
            assertThat(LeftBehind.since(before)).containsExactly(stuck);
        } finally {
            letGo.countDown();
            stuck.join();
        }
        assertThat(LeftBehind.since(before)).isEmpty();
    }

    @Test
    @DisplayName("a thread that ends within the grace period is not left behind")
    void aThreadThatEndsSoonIsNotLeftBehind() throws InterruptedException {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        Thread brief = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "worker-1");
        brief.start();

        assertThat(LeftBehind.since(before)).isEmpty();
        assertThat(brief.isAlive()).isFalse();
    }
}

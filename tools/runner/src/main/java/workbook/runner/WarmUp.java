package workbook.runner;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import workbook.harness.ModelCheck;

/**
 * What a test JVM pays once before its first test, paid before the lesson's classes are even compiled: loading the
 * JUnit Platform, and starting the model checker (Lincheck instruments the JDK's thread and lock classes the first
 * time it runs, which costs about as much as all of a lesson's tests). {@code watch} starts its next test JVM right
 * after a verdict, so this happens while the student edits.
 *
 * <p>For a lesson with a cluster, a cluster starts and stops too ({@link ClusterWarmUp}).
 *
 * <p>Nothing here touches a lesson's classes: they are loaded only when the tests run, from the class files compiled
 * after the save.
 */
final class WarmUp {

    private WarmUp() {
    }

    static void run() {
        LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request().build());
        ModelCheck.warmUp();
        if (Boolean.getBoolean(ClusterWarmUp.PROPERTY)) {
            ClusterWarmUp.run();
        }
    }
}

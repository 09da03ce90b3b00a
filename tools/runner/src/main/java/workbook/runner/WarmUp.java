package workbook.runner;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import workbook.harness.modelcheck.ModelCheck;

/**
 * What a test JVM pays once before its first test, paid before the lesson's classes are even compiled: loading the
 * JUnit Platform, and starting the model checker (Lincheck instruments the JDK's thread and lock classes the first
 * time it runs, which costs about as much as all of a lesson's tests). {@code watch} starts its next test JVM right
 * after a verdict, so this happens while the student edits.
 *
 * <p>For a lesson with a cluster, a cluster starts and stops too ({@link ClusterWarmUp}). Where no lesson of the JVM
 * uses the model checker ({@value #NO_MODEL_CHECKER}, set by the tool), it is not started: as in that lesson's
 * surefire JVM, it then never runs at all.
 *
 * <p>Nothing here touches a lesson's classes: they are loaded only when the tests run, from the class files compiled
 * after the save.
 */
final class WarmUp {

    private WarmUp() {
    }

    /** A system property: true when no lesson this JVM runs uses the model checker. */
    static final String NO_MODEL_CHECKER = "workbook.runner.noModelChecker";

    static void run() {
        LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request().build());
        if (!Boolean.getBoolean(NO_MODEL_CHECKER)) {
            ModelCheck.warmUp();
        }
        if (Boolean.getBoolean(ClusterWarmUp.PROPERTY)) {
            ClusterWarmUp.run();
        }
    }
}

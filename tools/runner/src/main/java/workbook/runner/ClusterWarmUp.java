package workbook.runner;

import static org.awaitility.Awaitility.await;

import com.hazelcast.config.ClasspathYamlConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;

/**
 * For a test JVM that will run a lesson with an embedded Hazelcast cluster (lesson 08): two members start, join,
 * merge one entry and stop, before the go. A cluster's first start in a JVM takes about 2 s (loading and first
 * running Hazelcast's classes); the next, about 0.3 s. The members have lesson 08's settings ({@value #SETTINGS}):
 * they talk over 127.0.0.1 only, under a cluster name of their own, and are terminated, their threads ended, before
 * any test runs.
 */
final class ClusterWarmUp {

    /** The system property that asks for this warm-up; the workbook's tool sets it for lessons that need Hazelcast. */
    static final String PROPERTY = "workbook.runner.warmUpCluster";

    /** The members' settings, shared with lesson 08's tests, in Hazelcast's own format. */
    static final String SETTINGS = "workbook/harness/hazelcast.yaml";

    private ClusterWarmUp() {
    }

    static void run() {
        String name = "workbook-warm-up-" + UUID.randomUUID().toString().substring(0, 8);
        List<HazelcastInstance> members = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                members.add(Hazelcast.newHazelcastInstance(config(name)));
            }
            members.get(1).<Integer, Integer>getMap("warm-up").merge(1, 1, Integer::sum);
        } finally {
            members.forEach(m -> m.getLifecycleService().terminate());
        }
        try {
            await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(5))
                    .until(() -> Thread.getAllStackTraces().keySet().stream()
                            .noneMatch(t -> t.isAlive() && t.getName().startsWith("hz." + name)));
        } catch (ConditionTimeoutException stillEnding) {
            // Threads that end late are older than every test's snapshot, so no leak check counts them.
        }
    }

    /** The settings of lesson 08's members (the harness's hazelcast.yaml); any free port from 5701 on. */
    private static Config config(String name) {
        Config config = new ClasspathYamlConfig(ClusterWarmUp.class.getClassLoader(), SETTINGS);
        config.setClusterName(name);
        config.getNetworkConfig().setPortAutoIncrement(true);
        config.getNetworkConfig().getJoin().getTcpIpConfig().addMember("127.0.0.1");
        return config;
    }
}

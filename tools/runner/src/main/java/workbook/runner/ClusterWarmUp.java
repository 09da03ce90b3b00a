package workbook.runner;

import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
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
 * running Hazelcast's classes); the next, about 0.3 s. The members talk over 127.0.0.1 only, under a cluster name of
 * their own, and are terminated, their threads ended, before any test runs.
 */
final class ClusterWarmUp {

    /** The system property that asks for this warm-up; the workbook's tool sets it for lessons that need Hazelcast. */
    static final String PROPERTY = "workbook.runner.warmUpCluster";

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

    private static Config config(String name) {
        Config config = new Config().setClusterName(name);
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.partition.count", "7");
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig();
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        return config;
    }
}

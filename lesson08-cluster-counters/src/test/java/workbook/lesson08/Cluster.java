package workbook.lesson08;

import com.hazelcast.config.ClasspathYamlConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Hazelcast members started inside the test JVM, the way a service runs one member per machine. Their settings are the
 * harness's {@value #SETTINGS}, which the test runner's warm-up also starts: they talk over loopback only (127.0.0.1),
 * find each other through an explicit member list (no multicast), do not phone home and log nothing. The cluster's
 * name is new on every run and every port is one the operating system had free, so two
 * builds on one machine never join each other. {@link #close()} stops every member and waits for its threads to end.
 *
 * <p>Each member has a {@link MemberClassLoader} of its own, as each machine has its own copy of the code: the tests
 * make a member's {@code KeyCounters} with it, and the member loads with it what another member sends it to run
 * (an entry processor, say).
 */
final class Cluster implements AutoCloseable {

    /** The settings every member of the workbook's tests shares, in Hazelcast's own format. */
    static final String SETTINGS = "workbook/harness/hazelcast.yaml";

    /** How long a shut-down member's threads may take to end. */
    private static final Duration THREADS_END_WITHIN = Duration.ofSeconds(5);

    private final String name = "lesson08-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<MemberClassLoader> classLoaders = new ArrayList<>();

    /** Starts {@code size} members and returns once they have all joined one cluster. */
    static Cluster start(int size) {
        Cluster cluster = new Cluster();
        try {
            for (int i = 1; i <= size; i++) {
                cluster.classLoaders.add(new MemberClassLoader(i));
                cluster.members.add(Hazelcast.newHazelcastInstance(cluster.config(i)));
            }
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Member {@code number}, counting from 1. */
    HazelcastInstance member(int number) {
        return members.get(number - 1);
    }

    /** Member {@code number}'s own copy of the code under test. */
    ClassLoader classLoader(int number) {
        return classLoaders.get(number - 1);
    }

    /** The workbook's member settings (the harness's hazelcast.yaml), as member {@code number} of this cluster. */
    private Config config(int number) {
        Config config = new ClasspathYamlConfig(Cluster.class.getClassLoader(), SETTINGS);
        config.setClassLoader(classLoaders.get(number - 1));
        config.setClusterName(name);
        config.setInstanceName(name + "-member-" + number);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(freePort());
        HazelcastInstance first = members.isEmpty() ? null : members.get(0);
        network.getJoin().getTcpIpConfig().addMember(first == null ? "127.0.0.1:" + network.getPort()
                : first.getCluster().getLocalMember().getAddress().getHost() + ":"
                        + first.getCluster().getLocalMember().getAddress().getPort());
        return config;
    }

    /** A port on 127.0.0.1 that nothing listens on now. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /**
     * Stops every member at once (terminate, not a graceful shutdown: no test's counts need to survive it, and it
     * takes milliseconds instead of a second) and waits until none of their threads runs.
     */
    @Override
    public void close() {
        members.forEach(member -> member.getLifecycleService().terminate());
        classLoaders.forEach(MemberClassLoader::close);
        long deadline = System.nanoTime() + THREADS_END_WITHIN.toNanos();
        List<Thread> left = threads();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            try {
                left.get(0).join(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = threads();
        }
        if (!left.isEmpty()) {
            throw new AssertionError(left.size() + " threads of the shut-down Hazelcast members are still running "
                    + THREADS_END_WITHIN.toSeconds() + " s later: " + left);
        }
    }

    /** The live threads of this cluster's members: Hazelcast names them "hz." followed by the member's name. */
    private List<Thread> threads() {
        List<Thread> mine = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("hz." + name)) {
                mine.add(t);
            }
        }
        return mine;
    }
}

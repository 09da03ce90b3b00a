package workbook.lesson08;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * One member's own copy of the code under test, as its own JVM would have: the classes of package
 * {@code workbook.lesson08} found where the test's {@link KeyCounters} was loaded from (its code source: the
 * exercise's or solution's classes folder, on Maven's class path and the workbook's fast path alike), loaded by this
 * loader first. Everything else (the test's own classes, which live in another folder, Hazelcast, the JDK) comes from
 * the test's class loader, as usual.
 *
 * <p>So each member's {@code KeyCounters} is a class of its own: its static fields, and the monitor of the class
 * itself, are per member, as on two machines. What a class loader cannot separate stays shared by the two members:
 * interned strings, and the JDK's own objects and classes.
 */
final class MemberClassLoader extends URLClassLoader {

    private static final String PACKAGE = KeyCounters.class.getPackageName() + ".";

    static {
        registerAsParallelCapable();
    }

    MemberClassLoader(int member) {
        super("member-" + member, new URL[] {codeUnderTest()}, KeyCounters.class.getClassLoader());
    }

    /** The folder (or jar) the test JVM's own {@code KeyCounters} came from. */
    private static URL codeUnderTest() {
        return KeyCounters.class.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notCodeUnderTest) {
                    return super.loadClass(name, resolve); // a class of the test's, in the same package
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing member class loader " + getName(), e);
        }
    }
}

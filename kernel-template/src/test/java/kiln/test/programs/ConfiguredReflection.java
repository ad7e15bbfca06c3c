package kiln.test.programs;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Reflection on classes and a proxy that GraalVM's metadata files register
 * (src/test/resources/META-INF/native-image): their names are computed at run time, so only the configuration
 * can tell the compiler about them.
 */
public class ConfiguredReflection {
    public static class FromReflectConfig {
        private final String prefix;

        public FromReflectConfig() {
            this("Hello");
        }

        FromReflectConfig(String prefix) {
            this.prefix = prefix;
        }

        public String greet(String name) {
            return prefix + ", " + name;
        }
    }

    public static class FromReachabilityMetadata {
        public int count = 3;
        public static String label = "metadata";
    }

    public interface Shout {
        String shout(String text);
    }

    public static class NeverReached {
        public int unused;
    }

    public static void main(String[] args) throws Exception {
        String base = new StringBuilder("noitcelfeRderugifnoC.smargorp.tset.nlik").reverse().toString();
        Class<?> configured = Class.forName(base + "$FromReflectConfig");
        Object greeter = configured.getDeclaredConstructor().newInstance();
        System.out.println(configured.getMethod("greet", String.class).invoke(greeter, "config"));
        System.out.println("constructors " + configured.getDeclaredConstructors().length + " fields "
                + Arrays.toString(configured.getDeclaredFields()));
        Class<?> metadata = Class.forName(base + "$FromReachabilityMetadata");
        Field[] fields = metadata.getDeclaredFields();
        Arrays.sort(fields, Comparator.comparing(Field::getName));
        Object instance = new FromReachabilityMetadata();
        for (Field f : fields) {
            System.out.println(f.getName() + " = " + f.get(instance));
        }
        Class<?>[] interfaces = {Class.forName(base + "$Shout")}; // not a constant: proxy-config.json registers it
        Shout shout = (Shout) Proxy.newProxyInstance(ConfiguredReflection.class.getClassLoader(), interfaces,
                (proxy, method, arguments) -> method.getName() + ": " + ((String) arguments[0]).toUpperCase());
        System.out.println(shout.shout("from proxy-config.json"));
    }
}

package kiln.test.programs;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The walk a data binder makes to find a field's element type: from the field's generic type ({@code List<Item>})
 * through the JDK type's generic supertypes to {@code Collection<E>} and {@code Iterable<T>}, then back down by
 * type variable. The JDK types are registered because the registered class's signatures name them.
 */
public class GenericSupertypes {
    static class Item {
    }

    static class Order {
        List<Item> items;
        NavigableMap<String, List<Item>> byName;
    }

    public static void main(String[] args) throws Exception {
        for (String name : new String[] {"items", "byName"}) {
            Type type = Order.class.getDeclaredField(name).getGenericType();
            System.out.println(name + ": " + type);
            Class<?> raw = (Class<?>) ((ParameterizedType) type).getRawType();
            walk(raw, "  ");
        }
        TypeVariable<?> e = List.class.getTypeParameters()[0];
        System.out.println("List's " + e + " declared by " + e.getGenericDeclaration());
        System.out.println(Arrays.toString(Map.class.getTypeParameters()));
    }

    private static void walk(Class<?> c, String indent) {
        for (Type supertype : c.getGenericInterfaces()) {
            System.out.println(indent + c.getSimpleName() + " -> " + supertype);
            if (supertype instanceof ParameterizedType p) {
                walk((Class<?>) p.getRawType(), indent + "  ");
            }
        }
    }
}

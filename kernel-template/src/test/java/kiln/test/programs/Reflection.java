package kiln.test.programs;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reflection on classes the compiler registers by itself: a constant {@code Class.forName} name and member
 * lookups on class literals (docs/compiler.md "Reflection"). Members are printed sorted, since neither the JVM
 * nor Kiln promises an order.
 */
public class Reflection {
    public enum Kind { SMALL, LARGE }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.CONSTRUCTOR})
    public @interface Label {
        String value();

        int priority() default 3;

        String[] tags() default {};

        Kind kind() default Kind.SMALL;

        Class<?> type() default Object.class;

        long big() default 1L << 40;

        char letter() default 'k';
    }

    @Retention(RetentionPolicy.CLASS)
    public @interface NotAtRunTime {
    }

    public interface Named {
        String name();

        default String greeting() {
            return "hello " + name();
        }
    }

    public static class Base {
        public int baseCount = 7;
        public static final String KIND = "base";

        public String describe() {
            return "base";
        }

        protected void hidden() {
        }
    }

    @Label(value = "person", tags = {"a", "b"}, kind = Kind.LARGE, type = String.class)
    public static class Person extends Base implements Named, Comparable<Person> {
        @Label("the name")
        private String name;
        public int age;
        private final long id;
        static int created;
        @NotAtRunTime
        protected boolean active;

        public Person() {
            this("nobody", 0);
        }

        @Label(value = "main constructor", priority = 1)
        public Person(String name, int age) {
            this.name = name;
            this.age = age;
            this.id = ++created;
        }

        private Person(String name) {
            this(name, -1);
        }

        @Override
        public String name() {
            return name;
        }

        @Label(value = "older", priority = 9)
        public Person older(int years, @Label("unit") String unit) {
            return new Person(name + " (+" + years + " " + unit + ")", age + years);
        }

        public long widen(long value, double factor) {
            return (long) (value * factor);
        }

        public static String shout(String s) {
            return s.toUpperCase() + "!";
        }

        public void fail(String message) throws IOException {
            throw new IOException(message);
        }

        @Override
        public String describe() {
            return "person " + name + " " + age;
        }

        @Override
        public int compareTo(Person other) {
            return Integer.compare(age, other.age);
        }

        private int secret() {
            return 42;
        }
    }

    public static class Primitives {
        public boolean z = true;
        public byte b = 1;
        public char c = 'c';
        public short s = 2;
        public int i = 3;
        public long j = 4;
        public float f = 5.5f;
        public double d = 6.25;
        public String text = "seven";
        public final int constant = 8;
        public static final int STATIC_CONSTANT = 9;
    }

    public static class Box<T extends Comparable<T>> extends ArrayList<String> implements Comparable<Box<T>> {
        public Map<String, List<Integer>> map;
        public T[] items;
        public List<? extends Number> numbers;
        public List<? super Integer> sink;
        public Map.Entry<String, T> entry;
        public int plain;

        public <U extends Number> U first(List<U> in, T key) throws IOException {
            return in.get(0);
        }

        @Override
        public int compareTo(Box<T> other) {
            return 0;
        }
    }

    public record Point(int x, String label) {
    }

    public static void main(String[] args) throws Exception {
        Class<?> person = Class.forName("kiln.test.programs.Reflection$Person");
        System.out.println("class " + person.getName() + " " + Modifier.toString(person.getModifiers()));
        System.out.println("simple " + person.getSimpleName() + " super " + person.getSuperclass().getSimpleName());
        System.out.println("interfaces " + Arrays.toString(person.getInterfaces()));
        declared(person);
        construct(person);
        invoke(person);
        fields();
        inherited(person);
        generics();
        annotations(person);
        enumsRecordsArrays();
        try {
            Class.forName("kiln.test.programs.NoSuchClassAnywhere");
        } catch (ClassNotFoundException e) {
            System.out.println("forName of a missing class: " + e.getClass().getName());
        }
    }

    private static void declared(Class<?> c) {
        for (Field f : sorted(c.getDeclaredFields())) {
            System.out.println("field " + f + " type=" + f.getType().getName() + " mod=" + f.getModifiers()
                    + " generic=" + f.toGenericString());
        }
        for (Method m : sorted(c.getDeclaredMethods())) {
            System.out.println("method " + m + " params=" + m.getParameterCount() + " varargs=" + m.isVarArgs()
                    + " bridge=" + m.isBridge());
        }
        for (Constructor<?> k : sorted(c.getDeclaredConstructors())) {
            System.out.println("constructor " + k);
        }
    }

    private static void construct(Class<?> c) throws Exception {
        Object made = c.getConstructor(String.class, int.class).newInstance("Ada", 36);
        System.out.println("made " + made.getClass().getSimpleName() + ": " + ((Base) made).describe());
        Object nullary = c.getDeclaredConstructor().newInstance();
        System.out.println("nullary: " + ((Base) nullary).describe());
        @SuppressWarnings("deprecation")
        Object viaClass = c.newInstance();
        System.out.println("Class.newInstance: " + ((Base) viaClass).describe());
        Constructor<?> hidden = c.getDeclaredConstructor(String.class);
        System.out.println("private constructor: " + ((Base) hidden.newInstance("Grace")).describe());
        try {
            c.getConstructor(String.class);
        } catch (NoSuchMethodException e) {
            System.out.println("NoSuchMethodException: " + e.getMessage());
        }
        try {
            c.getConstructor(String.class, int.class).newInstance("x");
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException: " + e.getMessage());
        }
        try {
            Base.class.getConstructor().newInstance().describe();
            Kind.class.getDeclaredConstructors()[0].newInstance("X", 5);
        } catch (IllegalArgumentException e) {
            System.out.println("enum constructor: " + e.getMessage());
        }
    }

    private static void invoke(Class<?> c) throws Exception {
        Object ada = c.getConstructor(String.class, int.class).newInstance("Ada", 36);
        Method older = c.getMethod("older", int.class, String.class);
        System.out.println("older: " + ((Base) older.invoke(ada, 5, "years")).describe());
        Method widen = c.getMethod("widen", long.class, double.class);
        System.out.println("widen: " + widen.invoke(ada, 21, 2.0f) + " (int and float arguments widen)");
        System.out.println("static: " + c.getMethod("shout", String.class).invoke(null, "hi"));
        System.out.println("interface default: " + c.getMethod("greeting").invoke(ada));
        System.out.println("virtual through base: " + Base.class.getMethod("describe").invoke(ada));
        Method secret = c.getDeclaredMethod("secret");
        secret.setAccessible(true);
        System.out.println("private: " + secret.invoke(ada) + " accessible=" + secret.isAccessible());
        System.out.println("void result: " + c.getMethod("fail", String.class).getReturnType() + " hashCode equal: "
                + (c.getMethod("fail", String.class).hashCode() == c.getMethod("fail", String.class).hashCode())
                + " equals: " + c.getMethod("fail", String.class).equals(c.getMethod("fail", String.class)));
        try {
            c.getMethod("fail", String.class).invoke(ada, "boom");
        } catch (InvocationTargetException e) {
            System.out.println("InvocationTargetException: " + e.getCause());
        }
        for (Object[] bad : new Object[][] {{5}, {"five", "years"}, {null, "x"}, {5L, "x"}}) {
            try {
                older.invoke(ada, bad);
            } catch (IllegalArgumentException e) {
                System.out.println("IllegalArgumentException for " + Arrays.toString(bad) + ": " + e.getMessage());
            }
        }
        try {
            older.invoke("not a person", 1, "x");
        } catch (IllegalArgumentException e) {
            System.out.println("wrong receiver: " + e.getMessage());
        }
        try {
            older.invoke(null, 1, "x");
        } catch (NullPointerException e) {
            System.out.println("null receiver: NullPointerException");
        }
        try {
            c.getMethod("missing", int[].class);
        } catch (NoSuchMethodException e) {
            System.out.println("NoSuchMethodException: " + e.getMessage());
        }
    }

    private static void fields() throws Exception {
        Primitives p = new Primitives();
        for (Field f : sorted(Primitives.class.getFields())) {
            System.out.println(f.getName() + " = " + f.get(p) + " (" + f + ")");
        }
        Field s = Primitives.class.getField("s");
        System.out.println("getInt(short) " + s.getInt(p) + " getDouble(short) " + s.getDouble(p) + " getLong(char) "
                + Primitives.class.getField("c").getLong(p));
        s.set(p, (byte) 12);
        Primitives.class.getField("j").setInt(p, 40);
        Primitives.class.getField("d").set(p, 'A');
        Primitives.class.getField("z").setBoolean(p, false);
        Primitives.class.getField("text").set(p, "changed");
        System.out.println("after set: s=" + p.s + " j=" + p.j + " d=" + p.d + " z=" + p.z + " text=" + p.text);
        String[][] attempts = {{"i", "string"}, {"s", "int"}, {"b", "null"}, {"text", "int"}, {"constant", "int"},
            {"STATIC_CONSTANT", "int"}};
        for (String[] attempt : attempts) {
            Object value = attempt[1].equals("string") ? "x" : attempt[1].equals("int") ? (Object) 1 : null;
            try {
                Primitives.class.getField(attempt[0]).set(p, value);
                System.out.println("set " + attempt[0] + " worked");
            } catch (IllegalArgumentException | IllegalAccessException e) {
                System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        try {
            Primitives.class.getField("i").getBoolean(p);
        } catch (IllegalArgumentException e) {
            System.out.println("getBoolean(int): " + e.getMessage());
        }
        Field constant = Primitives.class.getField("constant");
        constant.setAccessible(true);
        constant.setInt(p, 80);
        System.out.println("final after setAccessible: " + constant.getInt(p));
        System.out.println("static: " + Primitives.class.getField("STATIC_CONSTANT").get(null));
        try {
            Primitives.class.getField("i").get("not primitives");
        } catch (IllegalArgumentException e) {
            System.out.println("get on wrong object: " + e.getMessage());
        }
        try {
            Primitives.class.getField("nothing");
        } catch (NoSuchFieldException e) {
            System.out.println("NoSuchFieldException: " + e.getMessage());
        }
    }

    private static void inherited(Class<?> c) throws Exception {
        List<String> methods = new ArrayList<>();
        for (Method m : c.getMethods()) {
            methods.add(m.getDeclaringClass().getSimpleName() + "." + m.getName() + Arrays.toString(m.getParameterTypes()));
        }
        methods.sort(null);
        System.out.println("getMethods " + methods);
        List<String> fields = new ArrayList<>();
        for (Field f : c.getFields()) {
            fields.add(f.getDeclaringClass().getSimpleName() + "." + f.getName());
        }
        fields.sort(null);
        System.out.println("getFields " + fields);
        System.out.println("inherited field " + c.getField("baseCount") + " method " + c.getMethod("toString"));
        System.out.println("constructors " + Arrays.toString(sorted(c.getConstructors())));
    }

    private static void generics() throws Exception {
        Class<?> box = Box.class;
        System.out.println("generic superclass " + box.getGenericSuperclass());
        System.out.println("generic interfaces " + Arrays.toString(box.getGenericInterfaces()));
        TypeVariable<?>[] parameters = box.getTypeParameters();
        System.out.println("type parameters " + Arrays.toString(parameters) + " bound "
                + Arrays.toString(parameters[0].getBounds()) + " declared by " + parameters[0].getGenericDeclaration());
        for (Field f : sorted(box.getDeclaredFields())) {
            Type t = f.getGenericType();
            System.out.println("field " + f.getName() + ": " + t.getTypeName() + " (" + kind(t) + ")");
            if (t instanceof ParameterizedType p) {
                System.out.println("  raw " + p.getRawType() + " owner " + p.getOwnerType() + " args "
                        + Arrays.toString(p.getActualTypeArguments()));
                for (Type argument : p.getActualTypeArguments()) {
                    if (argument instanceof WildcardType w) {
                        System.out.println("  wildcard upper " + Arrays.toString(w.getUpperBounds()) + " lower "
                                + Arrays.toString(w.getLowerBounds()));
                    }
                }
            }
        }
        Method first = box.getMethod("first", List.class, Comparable.class);
        System.out.println("method type parameters " + Arrays.toString(first.getTypeParameters()) + " bound "
                + Arrays.toString(first.getTypeParameters()[0].getBounds()));
        System.out.println("generic parameters " + Arrays.toString(first.getGenericParameterTypes()) + " returns "
                + first.getGenericReturnType() + " throws " + Arrays.toString(first.getGenericExceptionTypes()));
        Type superclass = box.getGenericSuperclass();
        Type again = Box.class.getGenericSuperclass();
        System.out.println("equal parameterized types: " + superclass.equals(again) + " same hash: "
                + (superclass.hashCode() == again.hashCode()));
        System.out.println("plain superclass " + Base.class.getGenericSuperclass() + " interfaces of Person "
                + Arrays.toString(Person.class.getGenericInterfaces()));
    }

    private static String kind(Type t) {
        return t instanceof Class ? "Class" : t instanceof ParameterizedType ? "ParameterizedType"
                : t instanceof TypeVariable ? "TypeVariable" : t instanceof WildcardType ? "WildcardType" : "GenericArrayType";
    }

    private static void annotations(Class<?> c) throws Exception {
        Label label = c.getAnnotation(Label.class);
        System.out.println("class label " + label.value() + " priority " + label.priority() + " tags "
                + Arrays.toString(label.tags()) + " kind " + label.kind() + " type " + label.type().getSimpleName()
                + " big " + label.big() + " letter " + label.letter());
        System.out.println("annotationType " + label.annotationType().getSimpleName() + " count "
                + c.getAnnotations().length + " present " + c.isAnnotationPresent(Label.class));
        Label same = Person.class.getAnnotation(Label.class);
        // hash codes of enum and Class values are identity hashes, different in every run: compared, not printed
        System.out.println("equal " + label.equals(same) + " hash equal " + (label.hashCode() == same.hashCode()));
        Label fieldLabel = c.getDeclaredField("name").getAnnotation(Label.class);
        System.out.println("field label " + fieldLabel.value() + " default priority " + fieldLabel.priority()
                + " differs " + !fieldLabel.equals(label));
        System.out.println("class-retention annotation visible: "
                + c.getDeclaredField("active").getDeclaredAnnotations().length);
        Method older = c.getMethod("older", int.class, String.class);
        System.out.println("method label " + older.getAnnotation(Label.class).value() + " "
                + older.getAnnotation(Label.class).priority());
        Annotation[][] parameters = older.getParameterAnnotations();
        System.out.println("parameter annotations " + parameters.length + " " + parameters[0].length + " "
                + ((Label) parameters[1][0]).value());
        System.out.println("constructor label " + c.getConstructor(String.class, int.class).getAnnotation(Label.class)
                .value());
        System.out.println("Label is annotation " + Label.class.isAnnotation() + " interface " + Label.class.isInterface());
    }

    private static void enumsRecordsArrays() throws Exception {
        System.out.println("enum constants " + Arrays.toString(Kind.class.getEnumConstants()) + " isEnum "
                + Kind.class.isEnum() + " valueOf " + Enum.valueOf(Kind.class, "LARGE"));
        Object values = Kind.class.getMethod("values").invoke(null);
        System.out.println("values() by reflection " + Arrays.toString((Object[]) values));
        System.out.println("valueOf by reflection " + Kind.class.getMethod("valueOf", String.class).invoke(null, "SMALL"));
        System.out.println("enum constant field " + Kind.class.getField("LARGE").isEnumConstant());
        Class<?> point = Point.class;
        System.out.println("record " + point.isRecord() + " " + Base.class.isRecord());
        Point p = new Point(3, "three");
        for (RecordComponent component : point.getRecordComponents()) {
            System.out.println("component " + component + " = " + component.getAccessor().invoke(p)
                    + " generic " + component.getGenericType());
        }
        int[] numbers = (int[]) Array.newInstance(int.class, 3);
        Array.setInt(numbers, 1, 5);
        Array.set(numbers, 2, (short) 7);
        System.out.println("array " + Arrays.toString(numbers) + " length " + Array.getLength(numbers) + " get "
                + Array.get(numbers, 2));
        String[] strings = (String[]) Array.newInstance(String.class, 2);
        Array.set(strings, 0, "s");
        System.out.println("string array " + Arrays.toString(strings) + " " + strings.getClass().getName());
    }

    private static <T> T[] sorted(T[] members) {
        T[] copy = members.clone();
        Arrays.sort(copy, Comparator.comparing(Object::toString));
        return copy;
    }
}

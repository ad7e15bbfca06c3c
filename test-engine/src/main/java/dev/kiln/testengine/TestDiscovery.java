package dev.kiln.testengine;

import dev.kiln.testengine.TestPlan.ArgumentSource;
import dev.kiln.testengine.TestPlan.Literal;
import dev.kiln.testengine.TestPlan.MethodRef;
import dev.kiln.testengine.TestPlan.TestClass;
import dev.kiln.testengine.TestPlan.TestMethod;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds JUnit Jupiter tests in compiled test classes at build time, reading annotations with ASM (nothing is
 * loaded or run on the host), and turns them into a {@link TestPlan}.
 *
 * <p>Read: {@code @Test}, {@code @RepeatedTest}, {@code @ParameterizedTest} with {@code @ValueSource},
 * {@code @CsvSource}, {@code @EnumSource}, {@code @MethodSource}; {@code @BeforeAll}, {@code @AfterAll},
 * {@code @BeforeEach}, {@code @AfterEach} (inherited from superclasses, superclass methods first, as Jupiter
 * orders them); {@code @Disabled}, {@code @Tag}/{@code @Tags}, {@code @Timeout}, {@code @DisplayName},
 * {@code @Nested}, {@code @TestInstance}. Methods run in Jupiter's default order (by the hash code of the
 * name, then the signature; JUnit 5 User Guide §2.10). Not read, and so rejected where they would change
 * what runs: composed (meta-)annotations, {@code @TestFactory}, {@code @TestTemplate} of one's own,
 * {@code @ExtendWith}, parameters other than a {@code RepetitionInfo} of a repeated test and a
 * parameterized test's arguments.
 */
public final class TestDiscovery {
    private static final String API = "Lorg/junit/jupiter/api/";
    private static final String PARAMS = "Lorg/junit/jupiter/params/";
    static final String TEST = API + "Test;";
    static final String REPEATED_TEST = API + "RepeatedTest;";
    static final String PARAMETERIZED_TEST = PARAMS + "ParameterizedTest;";
    private static final String TEST_FACTORY = API + "TestFactory;";
    private static final String BEFORE_ALL = API + "BeforeAll;";
    private static final String AFTER_ALL = API + "AfterAll;";
    private static final String BEFORE_EACH = API + "BeforeEach;";
    private static final String AFTER_EACH = API + "AfterEach;";
    private static final String DISABLED = API + "Disabled;";
    private static final String DISPLAY_NAME = API + "DisplayName;";
    private static final String NESTED = API + "Nested;";
    private static final String TAG = API + "Tag;";
    private static final String TAGS = API + "Tags;";
    private static final String TIMEOUT = API + "Timeout;";
    private static final String TEST_INSTANCE = API + "TestInstance;";
    private static final String EXTEND_WITH = API + "extension/ExtendWith;";
    private static final String TEST_METHOD_ORDER = API + "TestMethodOrder;";
    private static final String ORDER = API + "Order;";
    private static final String VALUE_SOURCE = PARAMS + "provider/ValueSource;";
    private static final String CSV_SOURCE = PARAMS + "provider/CsvSource;";
    private static final String ENUM_SOURCE = PARAMS + "provider/EnumSource;";
    private static final String METHOD_SOURCE = PARAMS + "provider/MethodSource;";
    static final String REPETITION_INFO = "org/junit/jupiter/api/RepetitionInfo";

    private final ClassFiles classFiles;
    private final TestFilter filter;
    private final List<TestClass> classes = new ArrayList<>();

    private TestDiscovery(ClassFiles classFiles, TestFilter filter) {
        this.classFiles = classFiles;
        this.filter = filter;
    }

    /**
     * @param testClasses the project's compiled tests ({@code target/test-classes})
     * @param classPath   where else classes come from (main classes, dependencies): superclasses, enums
     * @throws TestDiscoveryException a test uses something the build-time engine cannot run
     */
    public static TestPlan discover(Path testClasses, List<Path> classPath, TestFilter filter)
            throws TestDiscoveryException, IOException {
        List<Path> all = new ArrayList<>();
        all.add(testClasses);
        all.addAll(classPath);
        TestDiscovery discovery = new TestDiscovery(new ClassFiles(all), filter);
        List<String> topLevel = new ArrayList<>();
        if (Files.isDirectory(testClasses)) {
            try (Stream<Path> files = Files.walk(testClasses)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String internalName = testClasses.relativize(file).toString().replace('\\', '/');
                    internalName = internalName.substring(0, internalName.length() - ".class".length());
                    if (!internalName.contains("$") && !internalName.endsWith("package-info")
                            && filter.includesClass(internalName.replace('/', '.'))) {
                        topLevel.add(internalName);
                    }
                }
            }
        }
        topLevel.sort(Comparator.comparing(name -> name.replace('/', '.')));
        for (String internalName : topLevel) {
            ClassNode node = discovery.classFiles.find(internalName).orElseThrow();
            if ((node.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) == 0) {
                discovery.addClass(node, -1, null, internalName.replace('/', '.'), Set.of());
            }
        }
        return new TestPlan(discovery.classes);
    }

    /** Adds the class and its nested classes if any of them has a selected test; answers whether it did. */
    private boolean addClass(ClassNode node, int enclosingId, String enclosingName, String topLevel,
                             Set<String> inheritedTags) throws TestDiscoveryException {
        String binaryName = node.name.replace('/', '.');
        Set<String> classTags = new LinkedHashSet<>(inheritedTags);
        classTags.addAll(tags(node.visibleAnnotations));
        List<ClassNode> hierarchy = hierarchy(node);
        for (ClassNode type : hierarchy) {
            if (find(type.visibleAnnotations, EXTEND_WITH).isPresent()) {
                throw new TestDiscoveryException(binaryName + ": @ExtendWith is not supported by kiln:test (JUnit"
                        + " extensions are loaded by reflection, which the guest has not); run this class with Surefire"
                        + " or Failsafe on the JVM and exclude it from kiln:test with a @Tag and <excludedGroups>");
            }
        }
        boolean perClass = find(node.visibleAnnotations, TEST_INSTANCE)
                .flatMap(a -> value(a, "value")).map(v -> ((String[]) v)[1].equals("PER_CLASS")).orElse(false);
        Optional<String> disabled = find(node.visibleAnnotations, DISABLED)
                .map(a -> value(a, "value").map(String.class::cast).filter(s -> !s.isEmpty())
                        .orElse("class " + binaryName + " is @Disabled"));
        Optional<long[]> classTimeout = timeout(node.visibleAnnotations);

        int id = classes.size();
        classes.add(null); // reserved: nested classes come after their enclosing class
        List<MethodRef> beforeAll = new ArrayList<>();
        List<MethodRef> afterAll = new ArrayList<>();
        List<MethodRef> beforeEach = new ArrayList<>();
        List<MethodRef> afterEach = new ArrayList<>();
        List<MethodNode> testMethods = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // subclass first for overriding, then reversed so that superclass lifecycle methods run first
        List<List<MethodRef>> lifecycle = List.of(beforeAll, afterAll, beforeEach, afterEach);
        List<ClassNode> topDown = new ArrayList<>(hierarchy);
        java.util.Collections.reverse(topDown);
        for (ClassNode type : topDown) {
            for (MethodNode method : type.methods) {
                boolean overridden = hierarchy.indexOf(type) > 0 && isOverridden(hierarchy, type, method);
                if (overridden || !seen.add(type.name + method.name + method.desc)) {
                    continue;
                }
                boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
                MethodRef ref = new MethodRef(type.name, method.name, method.desc, isStatic);
                String[] lifecycleAnnotations = {BEFORE_ALL, AFTER_ALL, BEFORE_EACH, AFTER_EACH};
                for (int i = 0; i < lifecycleAnnotations.length; i++) {
                    if (find(method.visibleAnnotations, lifecycleAnnotations[i]).isPresent()) {
                        checkLifecycle(binaryName, method, i < 2 && !perClass, lifecycleAnnotations[i]);
                        lifecycle.get(i).add(ref);
                    }
                }
                if (isTest(method)) {
                    testMethods.add(method);
                }
                if (find(method.visibleAnnotations, TEST_FACTORY).isPresent()) {
                    throw new TestDiscoveryException(binaryName + "." + method.name + ": @TestFactory (dynamic tests) is"
                            + " not supported by kiln:test yet; use @ParameterizedTest with @MethodSource instead");
                }
            }
        }
        // @AfterAll and @AfterEach of a superclass run after the subclass's (Jupiter: "inherited ... after")
        java.util.Collections.reverse(afterAll);
        java.util.Collections.reverse(afterEach);
        testMethods.sort(methodOrder(node, binaryName));

        List<TestMethod> tests = new ArrayList<>();
        for (MethodNode method : testMethods) {
            TestMethod test = testMethod(node, method, classTags, classTimeout);
            if (filter.includesTest(topLevel, method.name, test.tags())) {
                tests.add(test);
            }
        }
        boolean any = !tests.isEmpty();
        for (ClassNode nested : nestedClasses(node)) {
            any |= addClass(nested, id, node.name, topLevel, classTags);
        }
        if (!any) {
            classes.subList(id, classes.size()).clear();
            return false;
        }
        String constructorDescriptor = enclosingName == null ? "()V" : "(L" + enclosingName + ";)V";
        boolean hasConstructor = node.methods.stream()
                .anyMatch(m -> m.name.equals("<init>") && m.desc.equals(constructorDescriptor) && (m.access & Opcodes.ACC_PRIVATE) == 0);
        if (!hasConstructor) {
            throw new TestDiscoveryException(binaryName + " has no non-private constructor without parameters; Jupiter"
                    + " (and kiln:test) creates test instances with it. Add one, or remove the parameters");
        }
        classes.set(id, new TestClass(id, binaryName, enclosingId, perClass,
                new MethodRef(node.name, "<init>", constructorDescriptor, false), disabled,
                beforeAll, afterAll, beforeEach, afterEach, tests));
        return true;
    }

    /**
     * Jupiter's order of test methods (JUnit 5 User Guide §2.10): {@code MethodOrderer.Default} (by the hash code
     * of the name, then the signature) unless {@code @TestMethodOrder} names {@code MethodName},
     * {@code DisplayName} or {@code OrderAnnotation}. Orders that are not known at build time (a random one, an
     * orderer of one's own) are an error rather than silently another order.
     */
    private static Comparator<MethodNode> methodOrder(ClassNode node, String binaryName) throws TestDiscoveryException {
        Comparator<MethodNode> byDefault = Comparator.comparingInt((MethodNode m) -> m.name.hashCode())
                .thenComparing(m -> m.name + m.desc);
        Optional<Type> orderer = find(node.visibleAnnotations, TEST_METHOD_ORDER).flatMap(a -> value(a, "value")).map(Type.class::cast);
        if (orderer.isEmpty()) {
            return byDefault;
        }
        return switch (orderer.get().getClassName()) {
            case "org.junit.jupiter.api.MethodOrderer$Default" -> byDefault;
            case "org.junit.jupiter.api.MethodOrderer$MethodName" -> Comparator.comparing((MethodNode m) -> m.name)
                    .thenComparing(m -> Type.getArgumentTypes(m.desc).length);
            case "org.junit.jupiter.api.MethodOrderer$DisplayName" -> Comparator.comparing((MethodNode m) ->
                    find(m.visibleAnnotations, DISPLAY_NAME).flatMap(a -> value(a, "value")).map(String.class::cast)
                            .orElse(m.name + "(" + Stream.of(Type.getArgumentTypes(m.desc)).map(TestDiscovery::simpleName)
                                    .collect(Collectors.joining(", ")) + ")"));
            case "org.junit.jupiter.api.MethodOrderer$OrderAnnotation" -> Comparator.comparingInt((MethodNode m) ->
                    find(m.visibleAnnotations, ORDER).flatMap(a -> value(a, "value")).map(Integer.class::cast)
                            .orElse(Integer.MAX_VALUE / 2)).thenComparing(byDefault);
            default -> throw new TestDiscoveryException(binaryName + ": @TestMethodOrder(" + orderer.get().getClassName()
                    + ") is not supported by kiln:test, which orders tests at build time; use MethodName, DisplayName,"
                    + " OrderAnnotation or no @TestMethodOrder");
        };
    }

    private static boolean isTest(MethodNode method) {
        return Stream.of(TEST, REPEATED_TEST, PARAMETERIZED_TEST).anyMatch(a -> find(method.visibleAnnotations, a).isPresent());
    }

    private static boolean isOverridden(List<ClassNode> hierarchy, ClassNode declaring, MethodNode method) {
        if ((method.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) != 0) {
            return false;
        }
        for (ClassNode sub : hierarchy.subList(0, hierarchy.indexOf(declaring))) {
            for (MethodNode candidate : sub.methods) {
                if (candidate.name.equals(method.name) && candidate.desc.equals(method.desc)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void checkLifecycle(String className, MethodNode method, boolean mustBeStatic, String annotation)
            throws TestDiscoveryException {
        String simple = annotation.substring(annotation.lastIndexOf('/') + 1, annotation.length() - 1);
        if (mustBeStatic && (method.access & Opcodes.ACC_STATIC) == 0) {
            throw new TestDiscoveryException(className + "." + method.name + ": @" + simple + " method must be static"
                    + " unless the class is annotated @TestInstance(Lifecycle.PER_CLASS)");
        }
        if (Type.getArgumentTypes(method.desc).length != 0) {
            throw new TestDiscoveryException(className + "." + method.name + ": @" + simple + " methods with parameters"
                    + " are not supported by kiln:test (JUnit resolves them through extensions)");
        }
    }

    /** The class, then its superclasses as far as the class path has them (Object excluded). */
    private List<ClassNode> hierarchy(ClassNode node) {
        List<ClassNode> hierarchy = new ArrayList<>();
        for (ClassNode type = node; type != null; ) {
            hierarchy.add(type);
            String superName = type.superName;
            type = superName == null || superName.equals("java/lang/Object") ? null : classFiles.find(superName).orElse(null);
        }
        return hierarchy;
    }

    private List<ClassNode> nestedClasses(ClassNode node) {
        List<ClassNode> nested = new ArrayList<>();
        for (InnerClassNode inner : node.innerClasses) {
            if (node.name.equals(inner.outerName) && (inner.access & Opcodes.ACC_STATIC) == 0) {
                classFiles.find(inner.name)
                        .filter(c -> find(c.visibleAnnotations, NESTED).isPresent())
                        .ifPresent(nested::add);
            }
        }
        nested.sort(Comparator.comparing(c -> c.name));
        return nested;
    }

    private TestMethod testMethod(ClassNode owner, MethodNode method, Set<String> classTags, Optional<long[]> classTimeout)
            throws TestDiscoveryException {
        String where = owner.name.replace('/', '.') + "." + method.name;
        Type[] parameters = Type.getArgumentTypes(method.desc);
        String signature = method.name + "(" + Stream.of(parameters).map(TestDiscovery::simpleName)
                .collect(Collectors.joining(", ")) + ")";
        Set<String> tags = new LinkedHashSet<>(classTags);
        tags.addAll(tags(method.visibleAnnotations));
        Optional<String> disabled = find(method.visibleAnnotations, DISABLED)
                .map(a -> value(a, "value").map(String.class::cast).filter(s -> !s.isEmpty())
                        .orElse(Type.getReturnType(method.desc).getClassName() + " " + owner.name.replace('/', '.') + "."
                                + method.name + "(" + Stream.of(parameters).map(Type::getClassName).collect(Collectors.joining(", "))
                                + ") is @Disabled"));
        Optional<long[]> timeout = timeout(method.visibleAnnotations).or(() -> classTimeout);
        String displayName = find(method.visibleAnnotations, DISPLAY_NAME)
                .flatMap(a -> value(a, "value")).map(String.class::cast).orElse(signature);
        boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        if (isStatic || (method.access & Opcodes.ACC_PRIVATE) != 0) {
            throw new TestDiscoveryException(where + ": a test method must be neither static nor private (Jupiter"
                    + " does not run it); remove the modifier");
        }
        MethodRef ref = new MethodRef(owner.name, method.name, method.desc, false);
        ArgumentSource source;
        String name;
        Optional<AnnotationNode> repeated = find(method.visibleAnnotations, REPEATED_TEST);
        if (repeated.isPresent()) {
            int count = value(repeated.get(), "value").map(Integer.class::cast).orElse(1);
            if (Stream.of(parameters).anyMatch(p -> !p.getInternalName().equals(REPETITION_INFO))) {
                throw new TestDiscoveryException(where + ": a @RepeatedTest may take a RepetitionInfo and nothing else"
                        + " in kiln:test");
            }
            source = new ArgumentSource.Repeated(count);
            name = signature;
        } else if (find(method.visibleAnnotations, PARAMETERIZED_TEST).isPresent()) {
            source = parameterized(owner, method, parameters, where);
            name = signature;
        } else {
            if (parameters.length != 0) {
                throw new TestDiscoveryException(where + ": @Test methods with parameters (TestInfo, TestReporter,"
                        + " extension-resolved values) are not supported by kiln:test; remove the parameters");
            }
            source = new ArgumentSource.None();
            name = method.name;
        }
        return new TestMethod(name, displayName, ref, disabled, timeout.map(t -> t[0]).orElse(0L),
                timeout.map(t -> timeoutText(t[1], t[2])).orElse(""), source, tags);
    }

    private ArgumentSource parameterized(ClassNode owner, MethodNode method, Type[] parameters, String where)
            throws TestDiscoveryException {
        List<AnnotationNode> sources = new ArrayList<>();
        for (String kind : List.of(VALUE_SOURCE, CSV_SOURCE, ENUM_SOURCE, METHOD_SOURCE)) {
            find(method.visibleAnnotations, kind).ifPresent(sources::add);
        }
        if (sources.size() != 1) {
            throw new TestDiscoveryException(where + ": a @ParameterizedTest needs exactly one of @ValueSource,"
                    + " @CsvSource, @EnumSource, @MethodSource for kiln:test; it has " + sources.size());
        }
        AnnotationNode source = sources.get(0);
        if (source.desc.equals(METHOD_SOURCE)) {
            @SuppressWarnings("unchecked")
            List<String> names = value(source, "value").map(v -> (List<String>) v).orElse(List.of());
            String factoryName = names.isEmpty() || names.get(0).isEmpty() ? method.name : names.get(0);
            if (names.size() > 1) {
                throw new TestDiscoveryException(where + ": @MethodSource with several factories is not supported by"
                        + " kiln:test; use one factory that concatenates them");
            }
            String factoryOwner = owner.name;
            if (factoryName.contains("#")) {
                factoryOwner = factoryName.substring(0, factoryName.indexOf('#')).replace('.', '/');
                factoryName = factoryName.substring(factoryName.indexOf('#') + 1);
            }
            String finalName = factoryName;
            ClassNode factoryClass = classFiles.find(factoryOwner).orElseThrow(() -> new TestDiscoveryException(where
                    + ": the @MethodSource class is not on the test class path"));
            MethodNode factory = factoryClass.methods.stream()
                    .filter(m -> m.name.equals(finalName) && m.desc.startsWith("()")).findFirst()
                    .orElseThrow(() -> new TestDiscoveryException(where + ": @MethodSource names " + finalName
                            + ", but " + factoryClass.name.replace('/', '.') + " has no such method without parameters"));
            if ((factory.access & Opcodes.ACC_STATIC) == 0) {
                throw new TestDiscoveryException(where + ": the @MethodSource factory " + finalName + " must be static"
                        + " for kiln:test");
            }
            return new ArgumentSource.Factory(new MethodRef(factoryClass.name, factory.name, factory.desc, true),
                    parameters.length);
        }
        List<List<Literal>> rows = new ArrayList<>();
        if (source.desc.equals(VALUE_SOURCE)) {
            for (int i = 0; i + 1 < source.values.size(); i += 2) {
                String attribute = (String) source.values.get(i);
                for (Object value : (List<?>) source.values.get(i + 1)) {
                    rows.add(List.of(valueSourceLiteral(attribute, value, where)));
                }
            }
            expectParameters(parameters, 1, where);
        } else if (source.desc.equals(CSV_SOURCE)) {
            for (List<String> row : CsvRows.parse(source, where)) {
                if (row.size() != parameters.length) {
                    throw new TestDiscoveryException(where + ": the @CsvSource row " + row + " has " + row.size()
                            + " values for " + parameters.length + " parameters");
                }
                List<Literal> literals = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    literals.add(convert(row.get(i), parameters[i], where));
                }
                rows.add(literals);
            }
        } else {
            expectParameters(parameters, 1, where);
            Type enumType = value(source, "value").map(Type.class::cast)
                    .filter(t -> !t.getInternalName().equals("org/junit/jupiter/params/provider/NullEnum"))
                    .orElse(parameters[0]);
            List<String> constants = enumConstants(enumType, where);
            @SuppressWarnings("unchecked")
            List<String> names = value(source, "names").map(v -> (List<String>) v).orElse(List.of());
            String mode = value(source, "mode").map(v -> ((String[]) v)[1]).orElse("INCLUDE");
            for (String constant : constants) {
                boolean listed = names.contains(constant);
                boolean keep = switch (mode) {
                    case "INCLUDE" -> names.isEmpty() || listed;
                    case "EXCLUDE" -> !listed;
                    case "MATCH_ALL" -> names.stream().allMatch(n -> Pattern.matches(n, constant));
                    default -> names.stream().anyMatch(n -> Pattern.matches(n, constant)); // MATCH_ANY
                };
                if (keep) {
                    rows.add(List.of(new Literal('e', enumType.getInternalName() + "." + constant)));
                }
            }
        }
        return new ArgumentSource.Rows(rows);
    }

    private static void expectParameters(Type[] parameters, int count, String where) throws TestDiscoveryException {
        if (parameters.length != count) {
            throw new TestDiscoveryException(where + ": this source gives " + count + " argument(s), the method has "
                    + parameters.length + " parameter(s)");
        }
    }

    private static Literal valueSourceLiteral(String attribute, Object value, String where) throws TestDiscoveryException {
        return switch (attribute) {
            case "ints" -> new Literal('i', value.toString());
            case "longs" -> new Literal('j', value.toString());
            case "shorts" -> new Literal('s', value.toString());
            case "bytes" -> new Literal('b', value.toString());
            case "chars" -> new Literal('c', value.toString());
            case "booleans" -> new Literal('z', value.toString());
            case "floats" -> new Literal('f', value.toString());
            case "doubles" -> new Literal('d', value.toString());
            case "strings" -> new Literal('t', value.toString());
            default -> throw new TestDiscoveryException(where + ": @ValueSource(" + attribute + ") is not supported by"
                    + " kiln:test (Class values need reflection)");
        };
    }

    /** A {@code @CsvSource} value converted to the parameter's type, as JUnit's implicit conversion does. */
    private Literal convert(String text, Type type, String where) throws TestDiscoveryException {
        if (text == null) {
            if (type.getSort() != Type.OBJECT && type.getSort() != Type.ARRAY) {
                throw new TestDiscoveryException(where + ": null cannot be converted to " + type.getClassName());
            }
            return Literal.nullValue();
        }
        String name = type.getClassName();
        try {
            switch (name) {
                case "int", "java.lang.Integer": return new Literal('i', Integer.toString(Integer.decode(text)));
                case "long", "java.lang.Long": return new Literal('j', Long.toString(Long.decode(text)));
                case "short", "java.lang.Short": return new Literal('s', Short.toString(Short.decode(text)));
                case "byte", "java.lang.Byte": return new Literal('b', Byte.toString(Byte.decode(text)));
                case "float", "java.lang.Float": return new Literal('f', Float.toString(Float.parseFloat(text)));
                case "double", "java.lang.Double": return new Literal('d', Double.toString(Double.parseDouble(text)));
                case "java.lang.String", "java.lang.Object", "java.lang.CharSequence": return new Literal('t', text);
                case "boolean", "java.lang.Boolean":
                    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                        throw new NumberFormatException();
                    }
                    return new Literal('z', text.toLowerCase(Locale.ROOT));
                case "char", "java.lang.Character":
                    if (text.length() != 1) {
                        throw new NumberFormatException();
                    }
                    return new Literal('c', text);
                default:
                    if (enumConstants(type, where).contains(text)) {
                        return new Literal('e', type.getInternalName() + "." + text);
                    }
                    throw new NumberFormatException();
            }
        } catch (NumberFormatException notConvertible) {
            throw new TestDiscoveryException(where + ": the @CsvSource value '" + text + "' cannot be converted to "
                    + name + " (kiln:test converts to primitives, their boxes, String, and enums by constant name)");
        }
    }

    private List<String> enumConstants(Type type, String where) throws TestDiscoveryException {
        ClassNode enumClass = type.getSort() == Type.OBJECT ? classFiles.find(type.getInternalName()).orElse(null) : null;
        if (enumClass == null || (enumClass.access & Opcodes.ACC_ENUM) == 0) {
            throw new TestDiscoveryException(where + ": " + type.getClassName() + " is not an enum on the test class path");
        }
        List<String> constants = new ArrayList<>();
        for (FieldNode field : enumClass.fields) {
            if ((field.access & Opcodes.ACC_ENUM) != 0) {
                constants.add(field.name);
            }
        }
        return constants;
    }

    private static Set<String> tags(List<AnnotationNode> annotations) {
        Set<String> tags = new LinkedHashSet<>();
        find(annotations, TAG).flatMap(a -> value(a, "value")).ifPresent(v -> tags.add(((String) v).strip()));
        find(annotations, TAGS).flatMap(a -> value(a, "value")).ifPresent(list -> {
            for (Object tag : (List<?>) list) {
                value((AnnotationNode) tag, "value").ifPresent(v -> tags.add(((String) v).strip()));
            }
        });
        return tags;
    }

    /** {@code @Timeout}: {nanoseconds, value, unit ordinal}. */
    private static Optional<long[]> timeout(List<AnnotationNode> annotations) {
        return find(annotations, TIMEOUT).map(a -> {
            long value = value(a, "value").map(v -> ((Number) v).longValue()).orElse(0L);
            TimeUnit unit = value(a, "unit").map(v -> TimeUnit.valueOf(((String[]) v)[1])).orElse(TimeUnit.SECONDS);
            return new long[] {unit.toNanos(value), value, unit.ordinal()};
        });
    }

    /** As Jupiter words a timeout in its message: "5 seconds", "1 second", "100 milliseconds". */
    static String timeoutText(long value, long unitOrdinal) {
        String label = TimeUnit.values()[(int) unitOrdinal].name().toLowerCase(Locale.ROOT);
        if (value == 1 && label.endsWith("s")) {
            label = label.substring(0, label.length() - 1);
        }
        return value + " " + label;
    }

    /** How {@code Class.getSimpleName()} names a parameter type: {@code int}, {@code String}, {@code Colour}, {@code int[]}. */
    static String simpleName(Type type) {
        if (type.getSort() == Type.ARRAY) {
            return simpleName(type.getElementType()) + "[]".repeat(type.getDimensions());
        }
        String name = type.getClassName();
        name = name.substring(name.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    static Optional<AnnotationNode> find(List<AnnotationNode> annotations, String descriptor) {
        return annotations == null ? Optional.empty()
                : annotations.stream().filter(a -> a.desc.equals(descriptor)).findFirst();
    }

    static Optional<Object> value(AnnotationNode annotation, String name) {
        if (annotation.values != null) {
            for (int i = 0; i + 1 < annotation.values.size(); i += 2) {
                if (annotation.values.get(i).equals(name)) {
                    return Optional.of(annotation.values.get(i + 1));
                }
            }
        }
        return Optional.empty();
    }
}

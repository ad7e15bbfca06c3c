package dev.kiln.compiler.analysis;

import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The class behind {@code java.lang.reflect.Proxy} for one list of interfaces, made at build time (docs/compiler.md
 * "Reflection"), with the behaviour {@code Proxy}'s javadoc specifies for the JDK's runtime-made ones: it extends
 * {@code Proxy}, implements the interfaces, and each interface method and {@code equals}, {@code hashCode},
 * {@code toString} calls {@code h.invoke(proxy, method, arguments)} (primitive arguments boxed, null for none),
 * converts the result back (a null for a primitive result throws NullPointerException), passes on unchecked
 * exceptions and the checked ones the method declares, and wraps any other in
 * {@code UndeclaredThrowableException}. The {@code Method} objects come from {@code getMethod} on the
 * declaring interface in the class initializer, so the interfaces are registered for reflection too.
 */
final class ProxyClassGenerator {
    static final String PROXY = "java/lang/reflect/Proxy";
    /** Generated proxy classes are named {@code kiln/proxy/$Proxy<n>} ({@code Proxy.isProxyClass} relies on it). */
    static final String NAME_PREFIX = "kiln/proxy/$Proxy";
    private static final String HANDLER = "java/lang/reflect/InvocationHandler";
    private static final String METHOD = "java/lang/reflect/Method";
    private static final String METHODS_FIELD = "methods";

    private final World world;
    private int generated;

    ProxyClassGenerator(World world) {
        this.world = world;
    }

    /** One method a proxy implements, and the class whose {@code getMethod} finds its Method object. */
    private record Dispatched(ClassInfo owner, MethodNode method) {
    }

    ClassInfo generate(List<ClassInfo> interfaces) {
        Map<String, Dispatched> methods = new LinkedHashMap<>();
        ClassInfo object = world.require(World.OBJECT);
        for (String selector : List.of("equals(Ljava/lang/Object;)Z", "hashCode()I", "toString()Ljava/lang/String;")) {
            ClassInfo.Method m = object.declaredMethod(selector.substring(0, selector.indexOf('(')),
                    selector.substring(selector.indexOf('(')));
            methods.put(selector, new Dispatched(object, m.node()));
        }
        for (ClassInfo i : interfaces) {
            List<ClassInfo> withSuperinterfaces = new ArrayList<>(List.of(i));
            withSuperinterfaces.addAll(i.allInterfaces());
            for (ClassInfo k : withSuperinterfaces) {
                for (MethodNode m : k.node.methods) {
                    if ((m.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0 && !m.name.startsWith("<")) {
                        methods.putIfAbsent(m.name + m.desc, new Dispatched(k, m));
                    }
                }
            }
        }
        ClassNode proxy = new ClassNode();
        proxy.version = Opcodes.V17;
        proxy.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER;
        proxy.name = NAME_PREFIX + generated++;
        proxy.superName = PROXY;
        proxy.interfaces = interfaces.stream().map(i -> i.name).toList();
        proxy.fields.add(new FieldNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, METHODS_FIELD,
                "[L" + METHOD + ";", null, null));
        proxy.methods.add(constructor());
        List<Dispatched> dispatched = List.copyOf(methods.values());
        proxy.methods.add(methodTable(proxy.name, dispatched));
        for (int i = 0; i < dispatched.size(); i++) {
            proxy.methods.add(forwarder(proxy.name, dispatched.get(i).method(), i));
        }
        return world.define(ReflectionMetadata.withMaxs(proxy), "generated proxy class for " + proxy.interfaces, false);
    }

    private static MethodNode constructor() {
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC, "<init>", "(L" + HANDLER + ";)V", null, null);
        m.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        m.instructions.add(new VarInsnNode(Opcodes.ALOAD, 1));
        m.instructions.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, PROXY, "<init>", "(L" + HANDLER + ";)V", false));
        m.instructions.add(new InsnNode(Opcodes.RETURN));
        return m;
    }

    /** {@code <clinit>}: {@code methods[i] = Owner.class.getMethod(name, parameterTypes)}. */
    private static MethodNode methodTable(String owner, List<Dispatched> dispatched) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        InsnList il = m.instructions;
        ReflectionMetadata.array(il, METHOD, dispatched.size(), i -> {
            Dispatched d = dispatched.get(i);
            ReflectionMetadata.classConstant(il, Type.getObjectType(d.owner().name));
            il.add(new LdcInsnNode(d.method().name));
            ReflectionMetadata.classArray(il, Type.getArgumentTypes(d.method().desc));
            il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/Class", "getMethod",
                    "(Ljava/lang/String;[Ljava/lang/Class;)L" + METHOD + ";", false));
        });
        il.add(new FieldInsnNode(Opcodes.PUTSTATIC, owner, METHODS_FIELD, "[L" + METHOD + ";"));
        il.add(new InsnNode(Opcodes.RETURN));
        return m;
    }

    private static MethodNode forwarder(String owner, MethodNode target, int index) {
        List<String> declared = target.exceptions == null ? List.of() : target.exceptions;
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, target.name, target.desc, null,
                declared.toArray(new String[0]));
        InsnList il = m.instructions;
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode rethrow = new LabelNode();
        LabelNode wrap = new LabelNode();
        Type[] parameters = Type.getArgumentTypes(target.desc);
        il.add(start);
        il.add(new VarInsnNode(Opcodes.ALOAD, 0));
        il.add(new FieldInsnNode(Opcodes.GETFIELD, PROXY, "h", "L" + HANDLER + ";"));
        il.add(new VarInsnNode(Opcodes.ALOAD, 0));
        il.add(new FieldInsnNode(Opcodes.GETSTATIC, owner, METHODS_FIELD, "[L" + METHOD + ";"));
        il.add(ReflectionMetadata.intConstant(index));
        il.add(new InsnNode(Opcodes.AALOAD));
        int local = 1;
        if (parameters.length == 0) {
            il.add(new InsnNode(Opcodes.ACONST_NULL));
        } else {
            int[] slots = new int[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                slots[i] = local;
                local += parameters[i].getSize();
            }
            ReflectionMetadata.array(il, World.OBJECT, parameters.length, i -> {
                il.add(new VarInsnNode(parameters[i].getOpcode(Opcodes.ILOAD), slots[i]));
                IndyLowering.convert(il, parameters[i], Type.getType(Object.class));
            });
        }
        il.add(new MethodInsnNode(Opcodes.INVOKEINTERFACE, HANDLER, "invoke",
                "(Ljava/lang/Object;L" + METHOD + ";[Ljava/lang/Object;)Ljava/lang/Object;", true));
        Type returned = Type.getReturnType(target.desc);
        if (returned.getSort() == Type.VOID) {
            il.add(new InsnNode(Opcodes.POP));
        } else {
            IndyLowering.convert(il, Type.getType(Object.class), returned);
        }
        il.add(end);
        il.add(new InsnNode(returned.getOpcode(Opcodes.IRETURN)));
        il.add(rethrow);
        il.add(new InsnNode(Opcodes.ATHROW));
        il.add(wrap);
        il.add(new VarInsnNode(Opcodes.ASTORE, local));
        il.add(new TypeInsnNode(Opcodes.NEW, "java/lang/reflect/UndeclaredThrowableException"));
        il.add(new InsnNode(Opcodes.DUP));
        il.add(new VarInsnNode(Opcodes.ALOAD, local));
        il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/reflect/UndeclaredThrowableException", "<init>",
                "(Ljava/lang/Throwable;)V", false));
        il.add(new InsnNode(Opcodes.ATHROW));
        List<String> passedOn = new ArrayList<>(List.of("java/lang/RuntimeException", "java/lang/Error"));
        passedOn.addAll(declared);
        for (String type : passedOn) {
            m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, rethrow, type));
        }
        m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, wrap, "java/lang/Throwable"));
        return m;
    }
}

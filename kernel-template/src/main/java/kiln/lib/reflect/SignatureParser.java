package kiln.lib.reflect;

import java.lang.reflect.Executable;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the generic signatures that the build keeps as strings (the Signature attribute, JVMS §4.7.9.1) into
 * {@link GenericTypes}, at run time and only when asked: a class's metadata stays a few strings until someone
 * calls {@code getGenericSuperclass} or {@code Field.getGenericType}. Class names in a signature resolve to the
 * image's Class objects (the compiler includes every class a registered signature names); a type variable
 * resolves in its scope: the method or constructor, then its class, then the classes enclosing it.
 *
 * <p><i>Rejected</i>: parsing at build time into ready-made objects (a type variable's bounds may refer to the
 * variable itself, and the objects would be in every image that registers the class, used or not), and the
 * JDK's {@code sun.reflect.generics} (its factory resolves names through class loaders and reaches a large part of
 * the JDK's reflection implementation).
 */
public final class SignatureParser {
    /** A parsed class signature: type parameters, superclass and interfaces. */
    public record ClassSignature(TypeVariable<?>[] typeParameters, Type superclass, Type[] interfaces) {
    }

    /** A parsed method or constructor signature. */
    public record MethodSignature(TypeVariable<?>[] typeParameters, Type[] parameterTypes, Type returnType,
                                  Type[] exceptionTypes) {
    }

    private final String signature;
    private final GenericDeclaration scope;
    /** The type parameters this signature declares, once read: a reference to one resolves to it. */
    private TypeVariable<?>[] declared = new TypeVariable<?>[0];
    private int position;

    private SignatureParser(String signature, GenericDeclaration scope) {
        this.signature = signature;
        this.scope = scope;
    }

    public static ClassSignature classSignature(Class<?> c, String signature) {
        SignatureParser parser = new SignatureParser(signature, c);
        TypeVariable<?>[] parameters = parser.typeParameters(c);
        parser.declared = parameters;
        Type superclass = parser.referenceType();
        List<Type> interfaces = new ArrayList<>();
        while (parser.position < signature.length()) {
            interfaces.add(parser.referenceType());
        }
        return new ClassSignature(parameters, superclass, interfaces.toArray(new Type[0]));
    }

    public static MethodSignature methodSignature(Executable executable, String signature) {
        SignatureParser parser = new SignatureParser(signature, executable);
        TypeVariable<?>[] parameters = parser.typeParameters(executable);
        parser.declared = parameters;
        parser.expect('(');
        List<Type> parameterTypes = new ArrayList<>();
        while (parser.peek() != ')') {
            parameterTypes.add(parser.javaType());
        }
        parser.expect(')');
        Type returned = parser.javaType();
        List<Type> exceptions = new ArrayList<>();
        while (parser.position < signature.length()) {
            parser.expect('^');
            exceptions.add(parser.referenceType());
        }
        return new MethodSignature(parameters, parameterTypes.toArray(new Type[0]), returned,
                exceptions.toArray(new Type[0]));
    }

    /** One type (a field's signature, a type variable's bound) with its variables resolved in {@code scope}. */
    public static Type type(GenericDeclaration scope, String signature) {
        SignatureParser parser = new SignatureParser(signature, scope);
        Type type = parser.javaType();
        if (parser.position != signature.length()) {
            throw parser.malformed();
        }
        return type;
    }

    /**
     * The class a member class is declared in, from its binary name ({@code Outer$Inner}), or null for a top-level,
     * local or anonymous class: the owner the JDK gives a ParameterizedType of a member class.
     */
    public static Class<?> enclosingClass(Class<?> c) {
        String name = c.getName();
        int dollar = name.lastIndexOf('$');
        // a local or anonymous class: javac's ASCII digits after the '$' (JLS §13.1); no identifier starts with a digit
        if (dollar <= 0 || dollar + 1 >= name.length() || name.charAt(dollar + 1) >= '0' && name.charAt(dollar + 1) <= '9') {
            return null;
        }
        return Class.inImage(name.substring(0, dollar));
    }

    // ---- the grammar of JVMS §4.7.9.1 ------------------------------------------------------------------------

    /** TypeParameters: {@code <T:Ljava/lang/Object;U::Ljava/lang/Comparable<TU;>;>}, or none. */
    private <D extends GenericDeclaration> TypeVariable<?>[] typeParameters(D declaration) {
        List<TypeVariable<?>> parameters = new ArrayList<>();
        if (peek() != '<') {
            return new TypeVariable<?>[0];
        }
        position++;
        while (peek() != '>') {
            String name = identifier(':');
            List<String> bounds = new ArrayList<>();
            while (peek() == ':') {
                position++;
                if (peek() == ':') {
                    continue; // an empty class bound: only interface bounds follow
                }
                int start = position;
                referenceTypeSkipped();
                bounds.add(signature.substring(start, position));
            }
            parameters.add(new GenericTypes.Variable<>(declaration, name, bounds.toArray(new String[0])));
        }
        position++;
        return parameters.toArray(new TypeVariable<?>[0]);
    }

    private Type javaType() {
        char c = peek();
        Class<?> primitive = switch (c) {
            case 'Z' -> boolean.class;
            case 'B' -> byte.class;
            case 'C' -> char.class;
            case 'S' -> short.class;
            case 'I' -> int.class;
            case 'J' -> long.class;
            case 'F' -> float.class;
            case 'D' -> double.class;
            case 'V' -> void.class;
            default -> null;
        };
        if (primitive != null) {
            position++;
            return primitive;
        }
        return referenceType();
    }

    private Type referenceType() {
        char c = peek();
        switch (c) {
            case 'L' -> {
                return classType();
            }
            case 'T' -> {
                position++;
                String name = identifier(';');
                position++;
                return variable(name);
            }
            case '[' -> {
                position++;
                Type component = javaType();
                if (component instanceof Class<?> plain) {
                    return plain.arrayType();
                }
                return new GenericTypes.GenericArray(component);
            }
            default -> throw malformed();
        }
    }

    /** A ClassTypeSignature; without type arguments anywhere it is the plain Class, as in the JDK. */
    private Type classType() {
        expect('L');
        StringBuilder name = new StringBuilder();
        Type owner = null;
        while (true) {
            int start = position;
            while ("<;.".indexOf(peek()) < 0) {
                position++;
            }
            name.append(signature, start, position);
            Type[] arguments = peek() == '<' ? typeArguments() : null;
            Class<?> raw = classNamed(name.toString().replace('/', '.'));
            Type current = arguments == null && !(owner instanceof GenericTypes.Parameterized) ? raw
                    : new GenericTypes.Parameterized(raw, arguments == null ? new Type[0] : arguments, owner);
            if (peek() == ';') {
                position++;
                return current;
            }
            expect('.');
            owner = current;
            name.append('$');
        }
    }

    private Type[] typeArguments() {
        expect('<');
        List<Type> arguments = new ArrayList<>();
        while (peek() != '>') {
            char c = peek();
            if (c == '*') {
                position++;
                arguments.add(new GenericTypes.Wildcard(new Type[] {Object.class}, new Type[0]));
            } else if (c == '+') {
                position++;
                arguments.add(new GenericTypes.Wildcard(new Type[] {referenceType()}, new Type[0]));
            } else if (c == '-') {
                position++;
                arguments.add(new GenericTypes.Wildcard(new Type[] {Object.class}, new Type[] {referenceType()}));
            } else {
                arguments.add(referenceType());
            }
        }
        position++;
        return arguments.toArray(new Type[0]);
    }

    /** Moves past one ReferenceTypeSignature without building it (a bound, parsed later in its scope). */
    private void referenceTypeSkipped() {
        int depth = 0;
        while (true) {
            char c = signature.charAt(position++);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == '[' && depth == 0) {
                if ("ZBCSIJFD".indexOf(peek()) >= 0) {
                    position++;
                    return;
                }
            } else if (c == ';' && depth == 0) {
                return;
            }
        }
    }

    /** The type parameters a class or method signature declares, without reading the rest of it. */
    public static TypeVariable<?>[] typeParameters(GenericDeclaration declaration, String signature) {
        return new SignatureParser(signature, declaration).typeParameters(declaration);
    }

    /** A type variable by name, searched from the innermost scope outwards (JLS §6.3). */
    private TypeVariable<?> variable(String name) {
        for (TypeVariable<?> own : declared) {
            if (own.getName().equals(name)) {
                return own;
            }
        }
        GenericDeclaration declaration = scope;
        while (declaration != null) {
            TypeVariable<?>[] candidates = declaration instanceof Class<?> c ? c.typeParametersIfRecorded()
                    : declaration.getTypeParameters();
            for (TypeVariable<?> candidate : candidates) {
                if (candidate.getName().equals(name)) {
                    return candidate;
                }
            }
            declaration = declaration instanceof Executable e ? e.getDeclaringClass()
                    : enclosingClass((Class<?>) declaration);
        }
        // A variable of a scope the build recorded no signature for: named, unbounded, declared by the scope.
        return new GenericTypes.Variable<>(scope, name, new String[0]);
    }

    private static Class<?> classNamed(String binaryName) {
        Class<?> c = Class.inImage(binaryName);
        if (c == null) {
            throw new TypeNotPresentException(binaryName, null);
        }
        return c;
    }

    private String identifier(char end) {
        int start = position;
        while (peek() != end) {
            position++;
        }
        return signature.substring(start, position);
    }

    private char peek() {
        if (position >= signature.length()) {
            throw malformed();
        }
        return signature.charAt(position);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw malformed();
        }
        position++;
    }

    private java.lang.reflect.GenericSignatureFormatError malformed() {
        return new java.lang.reflect.GenericSignatureFormatError("Signature Parse error: " + signature
                + " at position " + position);
    }
}

package java.lang.reflect;

import java.lang.annotation.Annotation;
import kiln.lib.reflect.MemberAccess;
import kiln.lib.reflect.SignatureParser;

/**
 * What {@link Method} and {@link Constructor} share: the data the build recorded for them (docs/abi.md
 * "Reflection metadata") and the generic signature, parsed when asked for.
 */
public abstract class Executable extends AccessibleObject implements Member, GenericDeclaration {
    /** The declaration with generic types, as the JDK writes it. */
    public abstract String toGenericString();

    final Class<?> declaringClass;
    final String name;
    final Class<?>[] parameterTypes;
    final Class<?>[] exceptionTypes;
    final int modifiers;
    /** The Signature attribute (JVMS §4.7.9.1), or null. */
    final String signature;
    final Annotation[] annotations;
    final Annotation[][] parameterAnnotations;
    /** Index of a member whose class the build registered for queries only (docs/abi.md "Reflection metadata"). */
    static final int QUERY_ONLY = -2;

    /** The generated code behind this member, and its index there (-1: none, a native method; {@link #QUERY_ONLY}). */
    final MemberAccess access;
    final int index;

    Executable(Class<?> declaringClass, String name, Class<?>[] parameterTypes, Class<?>[] exceptionTypes,
               int modifiers, String signature, Annotation[] annotations, Annotation[][] parameterAnnotations,
               MemberAccess access, int index) {
        this.declaringClass = declaringClass;
        this.name = name;
        this.parameterTypes = parameterTypes;
        this.exceptionTypes = exceptionTypes;
        this.modifiers = modifiers;
        this.signature = signature;
        this.annotations = annotations;
        this.parameterAnnotations = parameterAnnotations;
        this.access = access;
        this.index = index;
    }

    @Override
    public Class<?> getDeclaringClass() {
        return declaringClass;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getModifiers() {
        return modifiers;
    }

    public Class<?>[] getParameterTypes() {
        return parameterTypes.clone();
    }

    public int getParameterCount() {
        return parameterTypes.length;
    }

    public Class<?>[] getExceptionTypes() {
        return exceptionTypes.clone();
    }

    public boolean isVarArgs() {
        return (modifiers & 0x80) != 0; // ACC_VARARGS, JVMS §4.6
    }

    @Override
    public boolean isSynthetic() {
        return (modifiers & 0x1000) != 0;
    }

    @Override
    public TypeVariable<?>[] getTypeParameters() {
        return signature == null ? new TypeVariable<?>[0] : SignatureParser.typeParameters(this, signature);
    }

    public Type[] getGenericParameterTypes() {
        return signature == null ? getParameterTypes() : parsedSignature().parameterTypes();
    }

    public Type[] getGenericExceptionTypes() {
        if (signature == null) {
            return getExceptionTypes();
        }
        Type[] generic = parsedSignature().exceptionTypes();
        return generic.length == 0 ? getExceptionTypes() : generic;
    }

    SignatureParser.MethodSignature parsedSignature() {
        return SignatureParser.methodSignature(this, signature);
    }

    @Override
    Annotation[] annotationsShared() {
        return annotations;
    }

    public Annotation[][] getParameterAnnotations() {
        Annotation[][] copy = new Annotation[parameterAnnotations.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = parameterAnnotations[i].clone();
        }
        return copy;
    }

    /** The JDK's format: modifiers, the header (return type and name), parameters and thrown exceptions. */
    String sharedToString(boolean isDefault, String header) {
        StringBuilder text = modifiersText(isDefault);
        text.append(header).append('(');
        for (int i = 0; i < parameterTypes.length; i++) {
            text.append(i == 0 ? "" : ",").append(parameterTypes[i].getTypeName());
        }
        text.append(')');
        for (int i = 0; i < exceptionTypes.length; i++) {
            text.append(i == 0 ? " throws " : ",").append(exceptionTypes[i].getTypeName());
        }
        return text.toString();
    }

    /**
     * The JDK's {@code toGenericString} format: as {@link #sharedToString} with the type parameters and their
     * bounds (but {@code Object}) before the header, generic parameter and exception types, and a variable arity
     * method's last parameter written with "...".
     *
     * @param header the generic return type and the name, for a method; the class's name, for a constructor
     */
    String sharedToGenericString(boolean isDefault, String header) {
        StringBuilder text = modifiersText(isDefault);
        TypeVariable<?>[] typeParameters = getTypeParameters();
        for (int i = 0; i < typeParameters.length; i++) {
            text.append(i == 0 ? "<" : ",").append(typeParameters[i].getName());
            Type[] bounds = typeParameters[i].getBounds();
            if (!(bounds.length == 1 && bounds[0].equals(Object.class))) {
                for (int j = 0; j < bounds.length; j++) {
                    text.append(j == 0 ? " extends " : " & ").append(bounds[j].getTypeName());
                }
            }
            text.append(i == typeParameters.length - 1 ? "> " : "");
        }
        text.append(header).append('(');
        Type[] parameters = getGenericParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            String parameter = parameters[i].getTypeName();
            if (isVarArgs() && i == parameters.length - 1 && parameter.endsWith("[]")) {
                parameter = parameter.substring(0, parameter.length() - 2) + "...";
            }
            text.append(i == 0 ? "" : ",").append(parameter);
        }
        text.append(')');
        Type[] exceptions = getGenericExceptionTypes();
        for (int i = 0; i < exceptions.length; i++) {
            text.append(i == 0 ? " throws " : ",").append(exceptions[i].getTypeName());
        }
        return text.toString();
    }

    /** The modifiers as both formats start: a default method's access modifier, then "default", then the rest. */
    private StringBuilder modifiersText(boolean isDefault) {
        StringBuilder text = new StringBuilder();
        int mod = modifiers & Modifier.methodModifiers();
        if (mod != 0 && !isDefault) {
            text.append(Modifier.toString(mod)).append(' ');
        } else {
            int accessModifiers = mod & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.PRIVATE);
            if (accessModifiers != 0) {
                text.append(Modifier.toString(accessModifiers)).append(' ');
            }
            if (isDefault) {
                text.append("default ");
            }
            mod &= ~(Modifier.PUBLIC | Modifier.PROTECTED | Modifier.PRIVATE);
            if (mod != 0) {
                text.append(Modifier.toString(mod)).append(' ');
            }
        }
        return text;
    }

    /** Whether {@code other} has the same parameter types. */
    boolean sameParameters(Class<?>[] other) {
        if (other == null) {
            return parameterTypes.length == 0;
        }
        if (other.length != parameterTypes.length) {
            return false;
        }
        for (int i = 0; i < other.length; i++) {
            if (other[i] != parameterTypes[i]) {
                return false;
            }
        }
        return true;
    }
}

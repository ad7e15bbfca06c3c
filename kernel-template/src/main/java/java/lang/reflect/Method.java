package java.lang.reflect;

import java.lang.annotation.Annotation;
import kiln.lib.reflect.Conversions;
import kiln.lib.reflect.MemberAccess;
import kiln.lib.reflect.MissingReflectionRegistrationError;

/**
 * A method of a class registered for reflection. {@link #invoke} checks the receiver and arguments in Java
 * ({@link Conversions}) and runs the code the compiler generated for this method ({@link MemberAccess}).
 */
public final class Method extends Executable {
    private final Class<?> returnType;

    /** Made by the generated metadata code only (docs/abi.md "Reflection metadata"). */
    Method(Class<?> declaringClass, String name, Class<?>[] parameterTypes, Class<?> returnType,
           Class<?>[] exceptionTypes, int modifiers, String signature, Annotation[] annotations,
           Annotation[][] parameterAnnotations, MemberAccess access, int index) {
        super(declaringClass, name, parameterTypes, exceptionTypes, modifiers, signature, annotations,
                parameterAnnotations, access, index);
        this.returnType = returnType;
    }

    /** A copy with its own accessible flag, as the JDK hands out (Kiln runtime hook, not JDK API). */
    public Method copy() {
        return new Method(declaringClass, name, parameterTypes, returnType, exceptionTypes, modifiers, signature,
                annotations, parameterAnnotations, access, index);
    }

    public Class<?> getReturnType() {
        return returnType;
    }

    public Type getGenericReturnType() {
        return signature == null ? returnType : parsedSignature().returnType();
    }

    public boolean isDefault() {
        return (modifiers & (Modifier.ABSTRACT | Modifier.PUBLIC | Modifier.STATIC)) == Modifier.PUBLIC
                && declaringClass.isInterface();
    }

    public boolean isBridge() {
        return (modifiers & 0x40) != 0; // ACC_BRIDGE, JVMS §4.6
    }

    public Object invoke(Object obj, Object... args)
            throws IllegalAccessException, IllegalArgumentException, InvocationTargetException {
        boolean isStatic = Modifier.isStatic(modifiers);
        if (!isStatic) {
            if (obj == null) {
                throw new NullPointerException();
            }
            if (!declaringClass.isInstance(obj)) {
                throw new IllegalArgumentException("object is not an instance of declaring class");
            }
        }
        Object[] arguments = Conversions.arguments(parameterTypes, args);
        if (index == QUERY_ONLY) {
            throw MissingReflectionRegistrationError.queryOnly("invoke", this, declaringClass);
        }
        if (index < 0) {
            throw new UnsupportedOperationException("Kiln cannot call native method " + this + " reflectively");
        }
        try {
            return access.invoke(index, isStatic ? null : obj, arguments);
        } catch (Throwable thrown) {
            throw new InvocationTargetException(thrown);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Method other && declaringClass == other.declaringClass && name.equals(other.name)
                && returnType == other.returnType && sameParameters(other.parameterTypes);
    }

    @Override
    public int hashCode() {
        return declaringClass.getName().hashCode() ^ name.hashCode();
    }

    @Override
    public String toString() {
        return sharedToString(isDefault(), returnType.getTypeName() + " " + declaringClass.getTypeName() + "." + name);
    }

    @Override
    public String toGenericString() {
        return sharedToGenericString(isDefault(),
                getGenericReturnType().getTypeName() + " " + declaringClass.getTypeName() + "." + name);
    }
}

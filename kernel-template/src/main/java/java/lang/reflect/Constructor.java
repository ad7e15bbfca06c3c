package java.lang.reflect;

import java.lang.annotation.Annotation;
import kiln.lib.reflect.Conversions;
import kiln.lib.reflect.MemberAccess;
import kiln.lib.reflect.MissingReflectionRegistrationError;

/** A constructor of a class registered for reflection; see {@link Method}. */
public final class Constructor<T> extends Executable {
    /** Made by the generated metadata code only (docs/abi.md "Reflection metadata"). */
    Constructor(Class<T> declaringClass, Class<?>[] parameterTypes, Class<?>[] exceptionTypes, int modifiers,
                String signature, Annotation[] annotations, Annotation[][] parameterAnnotations, MemberAccess access,
                int index) {
        super(declaringClass, declaringClass.getName(), parameterTypes, exceptionTypes, modifiers, signature,
                annotations, parameterAnnotations, access, index);
    }

    /** A copy with its own accessible flag (Kiln runtime hook, not JDK API). */
    @SuppressWarnings("unchecked")
    public Constructor<T> copy() {
        return new Constructor<>((Class<T>) declaringClass, parameterTypes, exceptionTypes, modifiers, signature,
                annotations, parameterAnnotations, access, index);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<T> getDeclaringClass() {
        return (Class<T>) declaringClass;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeVariable<Constructor<T>>[] getTypeParameters() {
        return (TypeVariable<Constructor<T>>[]) super.getTypeParameters();
    }

    @SuppressWarnings("unchecked")
    public T newInstance(Object... initargs)
            throws InstantiationException, IllegalAccessException, IllegalArgumentException, InvocationTargetException {
        if (declaringClass.isEnum()) {
            throw new IllegalArgumentException("Cannot reflectively create enum objects");
        }
        if (Modifier.isAbstract(declaringClass.getModifiers())) {
            throw new InstantiationException();
        }
        if (index == QUERY_ONLY) {
            throw MissingReflectionRegistrationError.queryOnly("invoke", this, declaringClass);
        }
        Object[] arguments = Conversions.arguments(parameterTypes, initargs);
        try {
            return (T) access.construct(index, arguments);
        } catch (Throwable thrown) {
            throw new InvocationTargetException(thrown);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Constructor<?> other && declaringClass == other.declaringClass
                && sameParameters(other.parameterTypes);
    }

    @Override
    public int hashCode() {
        return declaringClass.getName().hashCode();
    }

    @Override
    public String toString() {
        return sharedToString(false, declaringClass.getTypeName());
    }

    @Override
    public String toGenericString() {
        return sharedToGenericString(false, declaringClass.getTypeName());
    }
}

package kiln.lib.reflect;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;

/**
 * What the build recorded about a class registered for reflection (docs/abi.md "Reflection metadata"): made
 * once, by the generated method whose address is in the class's {@code Class.reflectionData}, and shared;
 * {@code Class} hands out copies of the member objects, as the JDK does.
 *
 * @param complete         every declared member is here; false for a supertype recorded only for the
 *                         inherited lookups of a registered subclass ({@code getMethods}, {@code getFields}):
 *                         its public members only
 * @param interfaces       the interfaces the class declares, in order (Class.getInterfaces)
 * @param signature        the class's Signature attribute (JVMS §4.7.9.1), or null
 * @param recordComponents a record's components in order, or null for other classes
 */
public record ClassMetadata(boolean complete, Class<?>[] interfaces, String signature, Field[] fields,
                            Method[] methods, Constructor<?>[] constructors, Annotation[] annotations,
                            RecordComponent[] recordComponents, MemberAccess access) {
    // The generic views are methods of the metadata, not of Class: only generated code makes a ClassMetadata, so
    // the signature parser is compiled only into images that register a class (the JDK's HashMap asks every key
    // class for its generic interfaces).

    /** {@code c.getGenericSuperclass()} for the class this is the metadata of. */
    public Type genericSuperclass(Class<?> c) {
        return signature == null ? c.getSuperclass() : SignatureParser.classSignature(c, signature).superclass();
    }

    public Type[] genericInterfaces(Class<?> c) {
        return signature == null ? interfaces.clone() : SignatureParser.classSignature(c, signature).interfaces();
    }

    public TypeVariable<?>[] typeParameters(Class<?> c) {
        return signature == null ? new TypeVariable<?>[0] : SignatureParser.typeParameters(c, signature);
    }
}
